// Decision invariants, as property tests over every version of every bundled pack: whatever valid case comes in,
// the decision keeps these promises. decide() is called directly; the cases are random, or scenario cases with a
// few facts changed, so that every outcome is reached. FUZZ_SEED=<n> replays a run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Case, Decision } from '../src/contract/apiTypes';
import { componentSchema, resolveSchema } from '../src/contract/openapi';
import { decide, decideOutcomeOnly } from '../src/decide/decide';
import { decisionBytes } from '../src/http/decisionJson';
import type { Cell, RulePack } from '../src/generated/pack';
import { rowsOf, type CompiledPack } from '../src/rules/compiledPack';
import { bundledRules, bundledRulesDir, fixedToday } from './support/appSetup';
import { caseFor, setAt } from './support/caseArbitraries';
import { authoritiesOf, scenarioSeeds } from './support/fuzz/world';

if (process.env.FUZZ_SEED) fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
const numRuns = 150;

const store = bundledRules();
const seeds = scenarioSeeds(store, fixedToday);
const packs = authoritiesOf(store, seeds).flatMap((authority) =>
  store.packs.get(authority.id)!.map((compiled) => ({
    label: `${authority.id} ${compiled.ruleSet.version}`,
    compiled,
    // Cases dated within this version, so that it is the one that decides them.
    cases: caseFor({ ...authority, versions: [datesOf(compiled)] }, fixedToday),
    seeds: authority.seeds,
  })),
);

function datesOf(compiled: CompiledPack) {
  return { effectiveFrom: compiled.ruleSet.effectiveFrom, effectiveTo: compiled.ruleSet.effectiveTo };
}

function decideCase(compiled: CompiledPack, c: Case, decisionId = 'decision'): Decision {
  return decide(c, compiled, { decisionId, asOf: c.asOf ?? fixedToday, catalogue: store.measureById });
}

/** Every object and list inside a value, the value included. */
function objectsIn(value: unknown, found: object[] = []): object[] {
  if (value === null || typeof value !== 'object') return found;
  found.push(value);
  for (const child of Object.values(value)) objectsIn(child, found);
  return found;
}

const withFact = (cases: fc.Arbitrary<Case>, path: string[], value: unknown) =>
  cases.map((c) => setAt(c, path, value) as Case);

// ---------------------------------------------------------------------------------------------------------------
// Risk: the DASH bands read straight from the pack (or the national defaults), not through the decision code.
// ---------------------------------------------------------------------------------------------------------------

const riskOrder = resolveSchema(componentSchema('RiskLevel')).enum as string[];
const rank = (level: string | null | undefined) => (level ? riskOrder.indexOf(level) : -1);

type RiskThresholds = NonNullable<RulePack['tables']['riskThresholds']>;
const nationalBands = (
  JSON.parse(readFileSync(path.join(bundledRulesDir, 'national-defaults.json'), 'utf8')) as {
    riskThresholds: RiskThresholds;
  }
).riskThresholds;

function cellHolds(cell: Cell, value: number): boolean {
  if (Array.isArray(cell)) return (cell as unknown[]).includes(value);
  if (typeof cell !== 'object') return cell === value;
  if ('min' in cell || 'max' in cell)
    return value >= (cell.min ?? -Infinity) && value <= (cell.max ?? Infinity);
  throw new Error(`this test cannot read the DASH cell ${JSON.stringify(cell)}`);
}

function dashBand(compiled: CompiledPack, count: number): string | null {
  const table = compiled.pack.tables.riskThresholds ?? nationalBands;
  for (const row of table.rows) {
    const cells = Object.entries(row.when ?? {});
    if (cells.some(([fact]) => fact !== 'harm.dashYesCount'))
      throw new Error(`this test reads bands from harm.dashYesCount only (row ${row.id})`);
    if (cells.every(([, cell]) => cellHolds(cell, count))) return row.then.band; // hit policy `first`
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Citations: every rule a decision names must be a row (or, for the two explained gaps, a table or the scheme).
// ---------------------------------------------------------------------------------------------------------------

function uncitedRules(decision: Decision, compiled: CompiledPack): string[] {
  const id = compiled.pack.authorityId;
  const rows = new Map(rowsOf(compiled).map((row) => [row.ruleId, row]));
  const tables = new Set(Object.values(compiled.tables).flatMap((table) => (table ? [table.ruleId] : [])));
  const wrong: string[] = [];
  for (const reason of decision.reasons) {
    const row = rows.get(reason.rule);
    const cited =
      reason.code === 'no-scheme'
        ? !compiled.pack.scheme.operated &&
          reason.rule === `${id}/scheme` &&
          reason.source === compiled.schemeCitation
        : reason.code === 'no-matching-rule'
          ? tables.has(reason.rule)
          : row !== undefined && reason.source === row.citation;
    if (!cited) wrong.push(`reason ${reason.code} cites ${reason.rule} (${reason.source})`);
  }
  for (const entry of decision.trace) {
    const table = compiled.tables[entry.table as keyof typeof compiled.tables];
    if (!table?.rows.some((row) => row.id === entry.row))
      wrong.push(`trace names ${entry.table}/${entry.row}`);
  }
  const named = [
    ...decision.measures.items.flatMap((item) => (item.rule === null ? [] : [item.rule])),
    ...decision.approvals.map((approval) => approval.rule),
    ...decision.routing.map((route) => route.rule),
    ...(decision.response.rule === null ? [] : [decision.response.rule]),
  ];
  wrong.push(...named.filter((rule) => !rows.has(rule)).map((rule) => `the answer names ${rule}`));
  return wrong;
}

describe.each(packs)('$label', ({ compiled, cases, seeds: known }) => {
  const operated = compiled.pack.scheme.operated;

  test('the same case and asOf give the same decision (apart from its id), and the case is left untouched', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const before = structuredClone(c);
        const first = decideCase(compiled, c, 'first');
        const second = decideCase(compiled, c, 'second');
        expect({ ...second, decisionId: 'first' }).toEqual(first);
        expect(c).toEqual(before);
      }),
      { numRuns },
    );
  });

  test('decisions share only frozen parts, and their JSON (shared parts reused) is exactly JSON.stringify of them', () => {
    fc.assert(
      fc.property(cases, cases, (a, b) => {
        const first = decideCase(compiled, a);
        const copy = structuredClone(first);
        const second = decideCase(compiled, b);
        // Deciding another case changed nothing in the first decision, and every object both hold is frozen.
        expect(first).toEqual(copy);
        for (const shared of objectsIn(first).filter((o) => objectsIn(second).includes(o)))
          expect(Object.isFrozen(shared)).toBe(true);
        expect(Buffer.from(decisionBytes(first), 'latin1').toString()).toBe(JSON.stringify(first));
        expect(Buffer.from(decisionBytes(second), 'latin1').toString()).toBe(JSON.stringify(second));
      }),
      { numRuns },
    );
  });

  test('a perpetrator living at the property is never eligible', () => {
    fc.assert(
      fc.property(withFact(cases, ['perpetrator', 'livesAtProperty'], true), (c) => {
        const decision = decideCase(compiled, c);
        if (decision.outcome === 'eligible') {
          const met = decision.reasons.filter((r) => r.effect === 'met').map((r) => r.rule);
          throw new Error(
            `eligible with the perpetrator living at the property; criteria met: ${met.join(', ')}`,
          );
        }
      }),
      { numRuns },
    );
  });

  test('refused landlord permission is never eligible where the tenure row requires permission', () => {
    const tenureRows = new Map(compiled.tables.tenureCoverage?.rows.map((row) => [row.id, row]));
    fc.assert(
      fc.property(withFact(cases, ['property', 'landlordPermission'], 'refused'), (c) => {
        const decision = decideCase(compiled, c);
        const required = decision.trace
          .filter((t) => t.table === 'tenureCoverage' && t.matched === true)
          .map((t) => tenureRows.get(t.row))
          .filter((row) => row?.then.landlordPermission === 'required');
        if (required.length) expect(decision.outcome).not.toBe('eligible');
      }),
      { numRuns },
    );
  });

  test('the resolved risk level is the higher of the stated level and the DASH band, never below either', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const decision = decideCase(compiled, c);
        const stated = c.harm?.riskLevel ?? null;
        const count = c.harm?.dashYesCount;
        const band = count === undefined ? null : dashBand(compiled, count);
        expect(rank(decision.riskLevel)).toBe(Math.max(rank(stated), rank(band)));
      }),
      { numRuns },
    );
  });

  test('the outcome follows the precedence no-scheme, ineligible, refer-to-landlord, more-information-needed, unknown, eligible', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const decision = decideCase(compiled, c);
        const failed = decision.reasons.filter((r) => r.effect === 'failed');
        const missing = decision.reasons.filter((r) => r.effect === 'missing');
        const unspecified = decision.reasons.filter((r) => r.effect === 'unspecified');
        expect(decision.outcome === 'no-scheme').toBe(!operated);
        if (!operated) return;
        // Every failed criterion makes the case ineligible, and an ineligible case lists what failed.
        expect(decision.outcome === 'ineligible').toBe(failed.length > 0);
        if (decision.missingFacts.length) expect(decision.outcome).toBe('more-information-needed');
        if (decision.outcome === 'refer-to-landlord')
          expect(decision.routing.map((r) => r.to)).toContain('landlord');
        if (decision.outcome === 'more-information-needed') expect(decision.missingFacts).not.toEqual([]);
        // Where the policy leaves the case open, the service says unknown: it never guesses eligible.
        if (decision.outcome === 'unknown') expect([missing, unspecified.length > 0]).toEqual([[], true]);
        if (decision.outcome === 'eligible') expect([missing, unspecified]).toEqual([[], []]);
      }),
      { numRuns },
    );
  });

  test('the outcome alone, which `check` and the check page search ask for, is the outcome of the decision', () => {
    fc.assert(
      fc.property(cases, (c) => {
        expect(decideOutcomeOnly(c, compiled)).toBe(decideCase(compiled, c).outcome);
      }),
      { numRuns },
    );
  });

  test('every reason, trace entry and rule named in the answer cites an existing row of the pack', () => {
    fc.assert(
      fc.property(cases, (c) => {
        expect(uncitedRules(decideCase(compiled, c), compiled)).toEqual([]);
      }),
      { numRuns },
    );
  });

  test('the generated cases reach every outcome that its scenario cases reach', () => {
    // Guards the properties above against passing for want of cases: the cases they get must go as far.
    const reachedBySeeds = new Set(known.map((c) => decideCase(compiled, c).outcome));
    const reached = new Set(fc.sample(cases, 400).map((c) => decideCase(compiled, c).outcome));
    expect([...reachedBySeeds].filter((outcome) => !reached.has(outcome))).toEqual([]);
  });
});

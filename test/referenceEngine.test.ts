// json-rules-engine is the rule language and the reference semantics: for random cases against every pack,
// each row's three-valued result must agree with a plain engine.run of the same compiled rule wherever it is
// definite (true or false). An unknown result is allowed only when a fact the row reads is absent.
import fc from 'fast-check';
import { componentSchema, resolveSchema, type JsonSchema } from '../src/contract/openapi';
import { factCatalogue } from '../src/rules/factCatalogue';
import { ruleConditions, splitPath, type CompiledConditions, type Facts } from '../src/rules/conditions';
import { rowsOf, type CompiledPack } from '../src/rules/compiledPack';
import { bundledRules } from './support/appSetup';
import { referenceEngineFor, type ReferenceEngine } from './support/referenceEngine';

/** A random value for each fact in its domain, or absent. */
function arbitraryFacts(): fc.Arbitrary<Facts> {
  const sections = new Map<string, Record<string, fc.Arbitrary<unknown>>>();
  for (const fact of factCatalogue.values()) {
    const [section, key] = fact.path.split('.') as [string, string];
    const d = fact.domain;
    const value =
      d.kind === 'enum'
        ? fc.constantFrom(...d.values)
        : d.kind === 'boolean'
          ? fc.boolean()
          : d.kind === 'set'
            ? fc.uniqueArray(fc.constantFrom(...d.values), { maxLength: 4 })
            : fc.integer({ min: Math.max(d.min, -1), max: Math.min(d.max, 2000) });
    sections.set(section, { ...sections.get(section), [key]: value });
  }
  const record = Object.fromEntries(
    [...sections].map(([section, keys]) => [section, fc.record(keys, { requiredKeys: [] })]),
  );
  return fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<Facts>;
}

test('the schema-derived fact catalogue covers every Case field a rule can test', () => {
  const caseSections = Object.keys(resolveSchema(componentSchema('Case')).properties as JsonSchema);
  const used = new Set([...factCatalogue.keys()].map((path) => path.split('.')[0]));
  expect(caseSections.filter((s) => s !== 'asOf' && !used.has(s))).toEqual([]);
});

const store = bundledRules();
const packs = [...store.packs.values()].flat();

/** Each condition of a pack with its rule name and its json-rules-engine form, the key of identical conditions. */
interface NamedConditions {
  name: string;
  conditions: CompiledConditions;
  key: string;
}

const conditionsOf = (pack: CompiledPack): NamedConditions[] =>
  rowsOf(pack).flatMap((row) =>
    [
      { name: row.ruleId, conditions: row.when },
      { name: `${row.ruleId}#require`, conditions: row.require },
    ].flatMap(({ name, conditions }) =>
      conditions ? [{ name, conditions, key: JSON.stringify(ruleConditions(conditions.cells)) }] : [],
    ),
  );

const packConditions = packs.map((pack) => ({ id: pack.pack.authorityId, conditions: conditionsOf(pack) }));

/** The facts at the given paths only, keeping whether each section was sent. */
function project(facts: Facts, paths: readonly string[]): Facts {
  const projected: Facts = {};
  for (const path of paths) {
    const [section, key] = splitPath(path);
    const object = facts[section];
    if (object === undefined) continue;
    const into = (projected[section] ??= {});
    if (object[key] !== undefined) into[key] = object[key];
  }
  return projected;
}

/**
 * json-rules-engine's verdict on each distinct condition of every pack, each condition as a plain Rule run by
 * its own engine. A condition reads only the facts at its paths, so the verdict is asked once per distinct
 * value of those facts and remembered: that is what lets the test afford thousands of cases per pack.
 */
class ReferenceVerdicts {
  private readonly engines = new Map<string, ReferenceEngine>();
  private readonly verdicts = new Map<string, boolean>();

  constructor(private readonly conditions: ReadonlyMap<string, CompiledConditions>) {
    for (const [key, when] of conditions) {
      // referenceEngineFor reads only the rows of a pack's tables: here, one row named by its condition.
      const pack = { tables: { one: { rows: [{ ruleId: key, when, require: null }] } } };
      this.engines.set(key, referenceEngineFor(pack as unknown as CompiledPack));
    }
  }

  /** The keys of the conditions that hold for these facts. */
  async matches(facts: Facts): Promise<Set<string>> {
    const matched = new Set<string>();
    for (const [key, conditions] of this.conditions) {
      const projected = project(facts, conditions.paths);
      const asked = `${key} ${JSON.stringify(projected)}`;
      let holds = this.verdicts.get(asked);
      if (holds === undefined) {
        holds = (await this.engines.get(key)!.matches(projected)).has(key);
        this.verdicts.set(asked, holds);
      }
      if (holds) matched.add(key);
    }
    return matched;
  }
}

const absent = (facts: Facts, path: string) => {
  const [section, key] = splitPath(path);
  return facts[section]?.[key] === undefined;
};

/** Where the fast path and the engine disagree on one case, in words; empty when they agree. */
function disagreements(conditions: readonly NamedConditions[], facts: Facts, matched: ReadonlySet<string>) {
  const found: string[] = [];
  for (const { name, conditions: c, key } of conditions) {
    const fast = c.evaluate(facts);
    if (fast === 'unknown') {
      // Unknown only because a fact the row reads is absent, and `missing` names exactly such facts.
      const missing = c.missing(facts);
      if (missing.length === 0 || !missing.every((path) => c.paths.includes(path) && absent(facts, path)))
        found.push(`${name}: unknown, but missing says ${JSON.stringify(missing)}`);
    } else if (fast !== matched.has(key)) {
      found.push(`${name}: fast path ${fast}, json-rules-engine ${!fast}`);
    }
  }
  return found;
}

// Every case is checked against every pack, so this is also the number of cases per pack.
const casesPerPack = 5000;

test(`every pack: the fast path agrees with json-rules-engine on ${casesPerPack} random cases`, async () => {
  const distinct = packConditions.flatMap((p) => p.conditions).map((c) => [c.key, c.conditions] as const);
  const reference = new ReferenceVerdicts(new Map(distinct));
  await fc.assert(
    fc.asyncProperty(arbitraryFacts(), async (facts) => {
      const matched = await reference.matches(facts);
      const found = packConditions.flatMap(({ id, conditions }) =>
        disagreements(conditions, facts, matched).map((d) => `${id} ${d}`),
      );
      if (found.length) throw new Error(found.join('\n'));
    }),
    { numRuns: casesPerPack },
  );
  // A generous limit: the engine runs are CPU-bound, and this test asserts agreement, never speed.
}, 120_000);

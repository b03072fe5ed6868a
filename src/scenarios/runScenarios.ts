// Runs scenario suites against loaded packs and measures which table rows they reach.
import path from 'node:path';
import { placeAndMessage } from '../rules/problemWords';
import type { Decision } from '../contract/apiTypes';
import { decide } from '../decide/decide';
import { schemaErrors } from '../contract/schemaValidation';
import type { TableId } from '../rules/compiledPack';
import { packInForce, type RuleStore } from '../rules/loadRules';
import { compare, type Mismatch } from './expectation';
import { readSuite, type Scenario } from './suiteFile';

export { readSuite, type Scenario, type ScenarioSuite } from './suiteFile';

export interface ScenarioResult {
  file: string;
  authority: string;
  name: string;
  mismatches: Mismatch[];
  error?: string;
  decision?: Decision;
}

export const defaultAsOf = '2026-11-24';

/** The authority a pack file is for, by its name: `authorities/dartford-2027-04-01.json` is Dartford's. */
const authorityOfFile = (file: string) => path.basename(file, '.json').replace(/-\d{4}-\d{2}-\d{2}$/, '');

/**
 * Why an authority's scenario cannot run when its pack files were refused: the files and the first problem, so
 * that the tester goes to the cause rather than reading "no pack is in force". Null if none was refused.
 */
export function refusalOf(store: RuleStore, authority: string, asOf: string): string | null {
  const refused = store.rejected.filter((r) => authorityOfFile(r.file) === authority);
  const problems = refused.flatMap((r) => r.problems);
  if (!problems.length) return null;
  const files = refused.map((r) => r.file);
  const what =
    files.length === 1 ? `the pack ${files[0]} was refused` : `the packs ${files.join(', ')} were refused`;
  // With another version loaded, only the dates the refused one was for are lost.
  const consequence = store.packs.has(authority)
    ? `so no ${authority} pack is in force on ${asOf}`
    : 'so no scenario can run';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more; run sanctuary-rules check)` : '';
  return `${authority}: ${what}, ${consequence}: ${placeAndMessage(problems[0]!)}${more}`;
}

export function runScenario(
  store: RuleStore,
  file: string,
  authority: string,
  scenario: Scenario,
): ScenarioResult {
  const base = { file, authority, name: scenario.name };
  // A case the API would refuse (a misspelt fact, say) would be decided on the facts left: refuse it too.
  const invalid = schemaErrors('Case', scenario.case);
  if (invalid.length) {
    const details = invalid.map((e) => `${e.pointer || '/'} ${e.message}`).join('; ');
    return { ...base, mismatches: [], error: `the case is not a valid Case: ${details}` };
  }
  const asOf = scenario.case.asOf ?? defaultAsOf;
  const pack = packInForce(store, authority, asOf);
  if (!pack) {
    const error = refusalOf(store, authority, asOf) ?? `no ${authority} pack is in force on ${asOf}`;
    return { ...base, mismatches: [], error };
  }
  const decision = decide(scenario.case, pack, {
    decisionId: 'scenario',
    asOf,
    catalogue: store.measureById,
  });
  return { ...base, mismatches: compare(scenario.expect, decision), decision };
}

export interface SuiteRun {
  file: string;
  /** Null when the file could not be read as a suite. */
  authority: string | null;
  description?: string;
  results: ScenarioResult[];
  /** Why the file could not be read as a suite. */
  error?: string;
  /** Why none of its scenarios ran: the authority's pack was refused. */
  refused?: string;
}

/** Runs one suite file; a file that is not a valid suite is reported, never thrown, so the others still run. */
export function runSuiteFile(store: RuleStore, file: string): SuiteRun {
  let suite;
  try {
    suite = readSuite(file);
  } catch (error) {
    return { file, authority: null, results: [], error: (error as Error).message };
  }
  const { authority, description } = suite;
  const results = suite.scenarios.map((scenario) => runScenario(store, file, authority, scenario));
  const refusal = store.packs.has(authority) ? null : refusalOf(store, authority, defaultAsOf);
  const refused = refusal && results.length && results.every((r) => r.error === refusal) ? refusal : null;
  return { file, authority, description, results, ...(refused ? { refused } : {}) };
}

/** Every row of every table of every pack version, keyed `authority/version/table/row`. */
export function allRows(
  store: RuleStore,
): Map<string, { authority: string; version: string; table: TableId; row: string }> {
  const rows = new Map<string, { authority: string; version: string; table: TableId; row: string }>();
  for (const [authority, versions] of store.packs) {
    for (const pack of versions) {
      for (const table of Object.values(pack.tables)) {
        // National defaults are shared and covered by their own tests, not by each authority's suite.
        if (!table || !pack.pack.tables[table.id]) continue;
        for (const row of table.rows) {
          if (row.ruleId.startsWith('national/')) continue;
          const key = `${authority}/${pack.ruleSet.version}/${table.id}/${row.id}`;
          rows.set(key, { authority, version: pack.ruleSet.version, table: table.id, row: row.id });
        }
      }
    }
  }
  return rows;
}

/** The rows that at least one decision matched. */
export function coveredRows(results: readonly ScenarioResult[]): Set<string> {
  const covered = new Set<string>();
  for (const { decision } of results) {
    if (!decision) continue;
    for (const entry of decision.trace) {
      if (entry.matched === true)
        covered.add(`${decision.authority.id}/${decision.ruleSet.version}/${entry.table}/${entry.row}`);
    }
  }
  return covered;
}

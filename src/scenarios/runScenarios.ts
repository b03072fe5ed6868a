// Runs scenario suites against loaded packs and measures which table rows they reach.
import { readFileSync } from 'node:fs';
import type { Case, Decision } from '../contract/apiTypes';
import { decide } from '../decide/decide';
import type { TableId } from '../rules/compiledPack';
import { packInForce, type RuleStore } from '../rules/loadRules';
import { compare, type Expectation, type Mismatch } from './expectation';

export interface Scenario {
  name: string;
  case: Case;
  expect: Expectation;
}

export interface ScenarioSuite {
  authority: string;
  description?: string;
  scenarios: Scenario[];
}

export interface ScenarioResult {
  file: string;
  authority: string;
  name: string;
  mismatches: Mismatch[];
  error?: string;
  decision?: Decision;
}

export const defaultAsOf = '2026-11-24';

export function readSuite(file: string): ScenarioSuite {
  return JSON.parse(readFileSync(file, 'utf8')) as ScenarioSuite;
}

export function runScenario(
  store: RuleStore,
  file: string,
  authority: string,
  scenario: Scenario,
): ScenarioResult {
  const base = { file, authority, name: scenario.name };
  const asOf = scenario.case.asOf ?? defaultAsOf;
  const pack = packInForce(store, authority, asOf);
  if (!pack) return { ...base, mismatches: [], error: `no ${authority} pack is in force on ${asOf}` };
  const decision = decide(scenario.case, pack, {
    decisionId: 'scenario',
    asOf,
    catalogue: store.measureById,
  });
  return { ...base, mismatches: compare(scenario.expect, decision), decision };
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

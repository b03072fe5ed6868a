// How much of the rules the scenarios exercise: a row no scenario reaches is policy nobody has checked.
import type { RuleStore } from '../rules/loadRules';
import { allRows, coveredRows, type ScenarioResult } from './runScenarios';

export interface UnreachedRows {
  authority: string;
  version: string;
  table: string;
  rows: string[];
}

export interface RowCoverage {
  total: number;
  reached: number;
  /** 0–100; 100 when there are no rows to reach. */
  percent: number;
  /** Grouped per authority version and table, in pack order. */
  unreached: UnreachedRows[];
}

/** Coverage of the rows of `authorities` (every loaded authority when omitted). */
export function rowCoverage(
  store: RuleStore,
  results: readonly ScenarioResult[],
  authorities?: ReadonlySet<string>,
): RowCoverage {
  const covered = coveredRows(results);
  const rows = [...allRows(store)].filter(([, row]) => !authorities || authorities.has(row.authority));
  const groups = new Map<string, UnreachedRows>();
  for (const [key, row] of rows) {
    if (covered.has(key)) continue;
    const groupKey = `${row.authority}/${row.version}/${row.table}`;
    const group = groups.get(groupKey) ?? { ...row, rows: [] };
    group.rows.push(row.row);
    groups.set(groupKey, group);
  }
  const reached = rows.length - [...groups.values()].reduce((sum, g) => sum + g.rows.length, 0);
  return {
    total: rows.length,
    reached,
    percent: rows.length ? (100 * reached) / rows.length : 100,
    unreached: [...groups.values()].map(({ authority, version, table, rows }) => ({
      authority,
      version,
      table,
      rows,
    })),
  };
}

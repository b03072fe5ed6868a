// The coverage matrix as a grid a person reads at a glance: councils down the side, each tenure at each risk
// level across, one outcome symbol per cell, with a key. The full list stays in CSV and JSON.
import type { Outcome, RiskLevel } from '../contract/apiTypes';
import type { CoverageMatrix } from './coverageMatrix';
import { riskLevels, tenures, type Tenure } from './standardCase';

export const outcomeKey: readonly { outcome: Outcome; symbol: string; meaning: string }[] = [
  { outcome: 'eligible', symbol: '✓', meaning: 'eligible' },
  { outcome: 'refer-to-landlord', symbol: 'L', meaning: "refer to the landlord's own scheme" },
  { outcome: 'unknown', symbol: '?', meaning: "unknown: the document's list leaves the case open" },
  { outcome: 'more-information-needed', symbol: '…', meaning: 'more information needed' },
  { outcome: 'ineligible', symbol: '✗', meaning: 'ineligible' },
  { outcome: 'no-scheme', symbol: '–', meaning: 'no scheme' },
];

const keyOf = new Map(outcomeKey.map((k) => [k.outcome, k]));

export const tenureShortLabels: Readonly<Record<Tenure, string>> = {
  'council-tenant': 'Council tenant',
  'housing-association-tenant': 'Housing association',
  'private-rented': 'Private rented',
  'owner-occupier': 'Owner-occupied',
  'shared-ownership': 'Shared ownership',
  other: 'Other',
};

export const riskInitials: Readonly<Record<RiskLevel, string>> = { standard: 'S', medium: 'M', high: 'H' };

export interface GridColumn {
  tenure: Tenure;
  riskLevel: RiskLevel;
}

export interface GridRow {
  authorityName: string;
  /** One per column: the outcome, or null where the matrix has no cell. */
  outcomes: (Outcome | null)[];
}

export const gridColumns: readonly GridColumn[] = tenures.flatMap((tenure) =>
  riskLevels.map((riskLevel) => ({ tenure, riskLevel })),
);

export function matrixGrid(matrix: CoverageMatrix): GridRow[] {
  const byAuthority = new Map<string, GridRow>();
  const cells = new Map<string, Outcome>();
  for (const row of matrix.rows) {
    if (!byAuthority.has(row.authorityId))
      byAuthority.set(row.authorityId, { authorityName: row.authorityName, outcomes: [] });
    cells.set(`${row.authorityId} ${row.tenure} ${row.riskLevel}`, row.outcome);
  }
  return [...byAuthority].map(([id, row]) => ({
    ...row,
    outcomes: gridColumns.map((c) => cells.get(`${id} ${c.tenure} ${c.riskLevel}`) ?? null),
  }));
}

export const symbolFor = (outcome: Outcome | null) => (outcome ? keyOf.get(outcome)!.symbol : ' ');

/** The outcome in words, as the key gives it. */
export const meaningFor = (outcome: Outcome | null) =>
  outcome ? keyOf.get(outcome)!.meaning : 'not decided';

/** How many cells come out each way: the key says it beside each symbol. */
export function outcomeTally(grid: readonly GridRow[]): Map<Outcome, number> {
  const tally = new Map<Outcome, number>();
  for (const row of grid) for (const o of row.outcomes) if (o) tally.set(o, (tally.get(o) ?? 0) + 1);
  return tally;
}

export const gridIntroduction =
  'Councils down the side; across, each tenure at standard (S), medium (M) and high (H) risk. ' +
  'The funder, the victim contribution and the response time of every cell are in the CSV and JSON formats.';

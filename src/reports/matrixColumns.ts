// The columns of the coverage matrix as people read it (Markdown and HTML); CSV keeps the JSON field names.
import { responseText, type CoverageMatrixRow } from './coverageMatrix';

export interface MatrixColumn {
  heading: string;
  cell(row: CoverageMatrixRow): string;
}

export const matrixColumns: readonly MatrixColumn[] = [
  { heading: 'Authority', cell: (row) => row.authorityName },
  { heading: 'Tenure', cell: (row) => row.tenure },
  { heading: 'Risk level', cell: (row) => row.riskLevel },
  { heading: 'Outcome', cell: (row) => row.outcome },
  { heading: 'Funder', cell: (row) => row.funder },
  { heading: 'Victim contribution', cell: (row) => row.victimContribution },
  { heading: 'Response', cell: responseText },
];

export const matrixTitle = 'Sanctuary scheme coverage matrix';

export const matrixIntroduction = (asOf: string) =>
  `Generated from the rule packs in force on ${asOf}. Every cell is the decision for the same standard case, ` +
  "with the row's tenure and risk level, so cells differ only where the schemes do.";

// The coverage matrix as CSV (RFC 4180) for spreadsheets: data only, one row per cell, JSON field names.
import type { CoverageMatrix, CoverageMatrixRow } from './coverageMatrix';

const fields: readonly (keyof CoverageMatrixRow)[] = [
  'authorityId',
  'authorityName',
  'tenure',
  'riskLevel',
  'outcome',
  'tenureCoverage',
  'funder',
  'victimContribution',
  'responseWithinHours',
  'responseLabel',
];

/** Quoted when needed; a text starting like a formula is defused, since pack texts are not trusted. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function matrixCsv(matrix: CoverageMatrix): string {
  const lines = [
    fields.join(','),
    ...matrix.rows.map((row) => fields.map((f) => csvField(row[f])).join(',')),
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}

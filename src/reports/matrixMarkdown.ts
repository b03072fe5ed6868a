// The coverage matrix as Markdown: the standard case first, so a reader knows what every cell assumes.
import { baseCaseFacts } from './baseCaseFacts';
import type { CoverageMatrix } from './coverageMatrix';
import { matrixIntroduction, matrixTitle } from './matrixColumns';
import {
  gridColumns,
  gridIntroduction,
  matrixGrid,
  outcomeKey,
  outcomeTally,
  riskInitials,
  symbolFor,
  tenureShortLabels,
} from './matrixGrid';

/** A table cell: a pipe would end the cell and a line break the row. */
const cell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
const tableLine = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

export function matrixMarkdown(matrix: CoverageMatrix): string {
  const { baseCase, asOf, notInForce } = matrix;
  const grid = matrixGrid(matrix);
  const tally = outcomeTally(grid);
  return [
    `# ${matrixTitle}`,
    '',
    matrixIntroduction(asOf),
    '',
    `Standard case: ${baseCase.description}`,
    '',
    ...baseCaseFacts(baseCase).map(({ fact, value }) => `- \`${fact}\`: ${value}`),
    '',
    ...(notInForce.length ? [`No rule pack in force on ${asOf}: ${notInForce.join(', ')}.`, ''] : []),
    gridIntroduction,
    '',
    tableLine([
      'Council',
      ...gridColumns.map((c) => `${tenureShortLabels[c.tenure]} ${riskInitials[c.riskLevel]}`),
    ]),
    tableLine(['---', ...gridColumns.map(() => ':-:')]),
    ...grid.map((row) => tableLine([row.authorityName, ...row.outcomes.map(symbolFor)])),
    '',
    'Key:',
    '',
    ...outcomeKey.map((k) => `- ${k.symbol} ${k.meaning} (${tally.get(k.outcome) ?? 0} cells)`),
    '',
  ].join('\n');
}

// The coverage matrix as Markdown: the standard case first, so a reader knows what every cell assumes.
import { baseCaseFacts } from './baseCaseFacts';
import type { CoverageMatrix } from './coverageMatrix';
import { matrixColumns, matrixIntroduction, matrixTitle } from './matrixColumns';

/** A table cell: a pipe would end the cell and a line break the row. */
const cell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
const tableLine = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

export function matrixMarkdown(matrix: CoverageMatrix): string {
  const { baseCase, asOf, notInForce, rows } = matrix;
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
    tableLine(matrixColumns.map((c) => c.heading)),
    tableLine(matrixColumns.map(() => '---')),
    ...rows.map((row) => tableLine(matrixColumns.map((c) => c.cell(row)))),
    '',
  ].join('\n');
}

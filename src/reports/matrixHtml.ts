// The coverage matrix as a plain, accessible HTML page: a caption, header cells with scope, everything escaped.
import { baseCaseFacts } from './baseCaseFacts';
import type { CoverageMatrix } from './coverageMatrix';
import { escapeMarkup as esc } from './escapeMarkup';
import { matrixColumns, matrixIntroduction, matrixTitle } from './matrixColumns';

function tableRow(cells: string[]): string {
  // The authority names the row, so screen readers announce it with each cell.
  const [first, ...rest] = cells;
  return `<tr><th scope="row">${esc(first!)}</th>${rest.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
}

export function matrixHtml(matrix: CoverageMatrix): string {
  const { baseCase, asOf, notInForce, rows } = matrix;
  const facts = baseCaseFacts(baseCase).map(
    ({ fact, value }) => `<li><code>${esc(fact)}</code>: ${esc(value)}</li>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(`${matrixTitle}, ${asOf}`)}</title>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${esc(matrixTitle)}</h1>`,
    `<p>${esc(matrixIntroduction(asOf))}</p>`,
    '<h2>The standard case</h2>',
    `<p>${esc(baseCase.description)}</p>`,
    '<ul>',
    ...facts,
    '</ul>',
    ...(notInForce.length
      ? [`<p>${esc(`No rule pack in force on ${asOf}: ${notInForce.join(', ')}.`)}</p>`]
      : []),
    '<table>',
    `<caption>${esc(`Outcome, funder, victim contribution and response time by authority, tenure and risk level, as of ${asOf}`)}</caption>`,
    `<thead><tr>${matrixColumns.map((c) => `<th scope="col">${esc(c.heading)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((row) => tableRow(matrixColumns.map((c) => c.cell(row)))),
    '</tbody>',
    '</table>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

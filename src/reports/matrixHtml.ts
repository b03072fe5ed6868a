// The coverage matrix as a plain, accessible HTML page: a caption, header cells with scope, everything escaped.
import { baseCaseFacts } from './baseCaseFacts';
import type { CoverageMatrix } from './coverageMatrix';
import { escapeMarkup as esc } from './escapeMarkup';
import { matrixIntroduction, matrixTitle } from './matrixColumns';
import {
  gridIntroduction,
  matrixGrid,
  meaningFor,
  outcomeKey,
  outcomeTally,
  riskInitials,
  symbolFor,
  tenureShortLabels,
  type GridRow,
} from './matrixGrid';
import { riskLevels, tenures } from './standardCase';

// The symbol is for the eye; a screen reader hears the outcome in words, and a pointer shows it on hover.
function gridRow(row: GridRow): string {
  const cells = row.outcomes.map((outcome) => {
    const meaning = meaningFor(outcome);
    return `<td title="${esc(meaning)}"><span aria-hidden="true">${esc(symbolFor(outcome))}</span><span class="visually-hidden">${esc(meaning)}</span></td>`;
  });
  return `<tr><th scope="row">${esc(row.authorityName)}</th>${cells.join('')}</tr>`;
}

const style = [
  '.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0;white-space:nowrap}',
  'table{border-collapse:collapse}',
  'th,td{border:1px solid #b1b4b6;padding:2px 6px;text-align:center}',
  'tbody th{text-align:left}',
].join('\n');

export function matrixHtml(matrix: CoverageMatrix): string {
  const { baseCase, asOf, notInForce } = matrix;
  const grid = matrixGrid(matrix);
  const tally = outcomeTally(grid);
  const facts = baseCaseFacts(baseCase).map(
    ({ fact, value }) => `<li><code>${esc(fact)}</code>: ${esc(value)}</li>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<style>\n${style}\n</style>`,
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
    `<p>${esc(gridIntroduction)}</p>`,
    '<table>',
    `<caption>${esc(`Outcome by council, tenure and risk level, as of ${asOf}`)}</caption>`,
    '<thead>',
    `<tr><td rowspan="2"></td>${tenures.map((t) => `<th scope="colgroup" colspan="${riskLevels.length}">${esc(tenureShortLabels[t])}</th>`).join('')}</tr>`,
    `<tr>${tenures.map(() => riskLevels.map((r) => `<th scope="col"><abbr title="${esc(r)} risk">${riskInitials[r]}</abbr></th>`).join('')).join('')}</tr>`,
    '</thead>',
    '<tbody>',
    ...grid.map(gridRow),
    '</tbody>',
    '</table>',
    '<h2>Key</h2>',
    '<dl>',
    ...outcomeKey.map(
      (k) =>
        `<dt><span aria-hidden="true">${esc(k.symbol)}</span></dt><dd>${esc(k.meaning)} (${tally.get(k.outcome) ?? 0} cells)</dd>`,
    ),
    '</dl>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

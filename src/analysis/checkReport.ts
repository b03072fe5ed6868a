// The check report: each problem in the one style (rules/problemWords.ts) with its JSON pointer after it as the
// exact address, grouped by file and aligned, then a summary line.
import { formatProblem, problemPlace } from '../rules/problemWords';
import type { PackProblem } from '../rules/problems';

export interface CheckSummary {
  packs: number;
  elapsedMs: number;
}

export const counted = (n: number, word: string) =>
  `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

function fileGroup(problems: readonly PackProblem[]): string[] {
  const width = Math.max(...problems.map((p) => problemPlace(p).length));
  return problems.map((p) => `${formatProblem(p, width)}${p.pointer ? `  [${p.pointer}]` : ''}`);
}

export function formatCheckReport(problems: readonly PackProblem[], summary: CheckSummary): string {
  const files = [...new Set(problems.map((p) => p.file))].sort();
  const groups = files.map((file) => fileGroup(problems.filter((p) => p.file === file)).join('\n'));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const seconds = (summary.elapsedMs / 1000).toFixed(2);
  const line =
    `${counted(summary.packs, 'pack')} checked: ${counted(errors, 'error')}, ` +
    `${counted(problems.length - errors, 'warning')} (${seconds}s)`;
  return [...groups, line].join('\n\n');
}

// The check report: one line per problem, `file  table/row  pointer  severity: message`, grouped by file
// and aligned within each group, then a summary line, so it reads well in a terminal and greps well in CI.
import type { PackProblem } from '../rules/problems';

export interface CheckSummary {
  packs: number;
  elapsedMs: number;
}

export const counted = (n: number, word: string) =>
  `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

const whereOf = (p: PackProblem) => (p.table ? (p.row ? `${p.table}/${p.row}` : p.table) : '-');

function fileGroup(problems: readonly PackProblem[]): string[] {
  const whereWidth = Math.max(...problems.map((p) => whereOf(p).length));
  const pointerWidth = Math.max(...problems.map((p) => (p.pointer || '/').length));
  return problems.map(
    (p) =>
      `${p.file}  ${whereOf(p).padEnd(whereWidth)}  ${(p.pointer || '/').padEnd(pointerWidth)}  ${p.severity}: ${p.message}`,
  );
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

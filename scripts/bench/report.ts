// The one table `npm run bench` prints: each figure beside the baseline measured in the same run.
import os from 'node:os';

export interface Figure {
  /** Which of the six areas, and what exactly was measured. */
  readonly name: string;
  readonly ours: string;
  /** The baseline, named, with its value from this run. */
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  /** Whether the target was met in this run; null where the issue sets no target for the figure. */
  readonly met: boolean | null;
}

export const notAvailable = (name: string, why: string): Figure => ({
  name,
  ours: 'not available',
  baseline: why,
  ratio: '',
  target: '',
  met: null,
});

export const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const times = (ratio: number) => `${ratio.toFixed(ratio < 10 ? 2 : 0)}×`;
export const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
/** How many times faster (or slower) ours is than the baseline, from their two times. */
export const faster = (baselineTime: number, ourTime: number) =>
  baselineTime >= ourTime
    ? `${times(baselineTime / ourTime)} faster`
    : `${times(ourTime / baselineTime)} slower`;

export function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  return `${model}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

const met = (figure: Figure) => (figure.met === null ? '' : figure.met ? 'yes' : 'NO');

/** A Markdown table, so that it reads in a terminal and pastes into the README as it is. */
export function table(figures: readonly Figure[]): string {
  const header = ['Figure', 'Ours', 'Baseline (same run)', 'Ratio', 'Target', 'Met'];
  const rows = figures.map((f) => [f.name, f.ours, f.baseline, f.ratio, f.target, met(f)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

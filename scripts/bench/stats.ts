// Small statistics and timing helpers for the benchmark.

/** The median of a sample (the lower middle value when the count is even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

/** Milliseconds taken by `work`, measured with the monotonic clock. */
export function timeMs(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Runs `work` `times` times and returns each duration in milliseconds. */
export function repeat(times: number, work: () => void): number[] {
  return Array.from({ length: times }, () => timeMs(work));
}

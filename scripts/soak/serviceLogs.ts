// What the service logged during the soak (warnings and worse, at LOG_LEVEL=warn). Refused pack edits are
// expected warnings; an error line (an unhandled error, a failed decision) or anything on stderr fails the run.
import { check, type Check } from './check';
import type { LogLine } from './serverProcess';

const faultLevels = new Set(['error', 'fatal', 'stderr', 'unparsed']);

const countBy = (lines: readonly LogLine[]) => {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = String(line.message ?? '')
      .split('\n')[0]!
      .slice(0, 60);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([message, n]) => `${message} ×${n}`).join('; ') || 'none';
};

export function logCheck(logs: readonly LogLine[]): Check {
  const faults = logs.filter((line) => faultLevels.has(String(line.level)));
  const warnings = logs.filter((line) => line.level === 'warn');
  return check(
    'the service logged no error',
    faults.length === 0,
    `errors: ${countBy(faults)}; warnings: ${countBy(warnings)}`,
  );
}

// The console report of a scenario run: a line per scenario, the diff under each failure, coverage, and the
// closing tally that CI reads.
import type { RowCoverage } from '../scenarios/rowCoverage';
import type { SuiteRun } from '../scenarios/runScenarios';
import { failureLines, passed } from './mismatchText';

const indent = (prefix: string) => (line: string) => `${prefix}${line}`;

export function suiteLines(run: SuiteRun, fileName: string): string[] {
  const heading = run.authority ? `${run.authority} (${fileName})` : fileName;
  if (run.error) return [heading, `  ✗ not a valid scenario suite: ${run.error}`];
  // The refusal once, rather than under every scenario it stopped.
  if (run.refused)
    return [heading, `  ✗ ${run.refused}`, ...run.results.map((r) => `  ✗ ${r.name} (not run)`)];
  return [
    heading,
    ...run.results.flatMap((result) =>
      passed(result)
        ? [`  ✓ ${result.name}`]
        : [`  ✗ ${result.name}`, ...failureLines(result).map(indent('      '))],
    ),
  ];
}

export interface Tally {
  passed: number;
  failed: number;
}

/** A file that is not a valid suite counts as one failure: it tested nothing it meant to. */
export function tally(runs: readonly SuiteRun[]): Tally {
  const results = runs.flatMap((run) => run.results);
  const good = results.filter(passed).length;
  const broken = runs.filter((run) => run.error).length;
  return { passed: good, failed: results.length - good + broken };
}

/** Exactly `N passed, N failed`: CI matches this line. */
export const closingLine = ({ passed, failed }: Tally) => `${passed} passed, ${failed} failed`;

/** Rounded down, so that a run short of 100% never shows as 100.0%. */
export const percentText = (percent: number) => `${(Math.floor(percent * 10) / 10).toFixed(1)}%`;

export function coverageLines(coverage: RowCoverage): string[] {
  const summary = `Coverage: ${coverage.reached} of ${coverage.total} table rows reached (${percentText(coverage.percent)})`;
  if (!coverage.unreached.length) return [summary];
  return [
    summary,
    'Rows no scenario reached:',
    ...coverage.unreached.map(
      ({ authority, version, table, rows }) => `  ${authority} ${version} ${table}: ${rows.join(', ')}`,
    ),
  ];
}

// sanctuary-rules test: runs scenario suites against a rules directory, for testers at a desk and for CI.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '../../rules/problemWords';
import { projectRoot } from '../../contract/projectRoot';
import { junitXml } from '../../reports/junitXml';
import { closingLine, coverageLines, percentText, suiteLines, tally } from '../../reports/scenarioRunText';
import { loadRules, type RuleStore } from '../../rules/loadRules';
import { rowCoverage } from '../../scenarios/rowCoverage';
import { runSuiteFile, type SuiteRun } from '../../scenarios/runScenarios';
import { isSuiteFile, suiteFilesIn } from '../../scenarios/suiteFile';
import { commandList } from '../commandList';
import type { Command } from '../commandList';
import { explainingUsage, parseCommandArgs, UsageError } from '../usage';

const { usage } = commandList.test;
const help = `usage: sanctuary-rules ${usage}

Runs scenario suites (.json, .yaml or .yml; a directory means the suites in it) against the rule packs.
Default: every suite in test/scenarios/, against the bundled rules/.

  --rules DIR        the rules directory to test (default: the bundled rules/)
  --junit FILE       also write the results as JUnit XML
  --coverage         list the table rows no scenario reached, and the share reached: of every loaded
                     authority by default, or of the authorities the given suites test
  --min-coverage N   fail (exit 1) when under N% of rows are reached (implies --coverage)

Exit codes: 0 all passed, 1 a scenario failed, a pack was refused or coverage is short, 2 wrong usage.`;

interface TestOptions {
  paths: string[];
  rulesDir: string;
  junitFile?: string;
  coverage: boolean;
  minCoverage?: number;
  help: boolean;
}

function parseOptions(args: string[]): TestOptions {
  const { values, positionals } = parseCommandArgs(args, {
    rules: { type: 'string' },
    junit: { type: 'string' },
    coverage: { type: 'boolean' },
    'min-coverage': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const min = values['min-coverage'];
  const minCoverage = min === undefined ? undefined : Number(min);
  if (minCoverage !== undefined && !(min!.trim() !== '' && minCoverage >= 0 && minCoverage <= 100)) {
    throw new UsageError(`--min-coverage must be a percentage from 0 to 100, not "${min}"`);
  }
  return {
    paths: positionals,
    rulesDir: values.rules ?? path.join(projectRoot(), 'rules'),
    junitFile: values.junit,
    coverage: values.coverage === true || minCoverage !== undefined,
    minCoverage,
    help: values.help === true,
  };
}

function suiteFiles(paths: string[]): string[] {
  if (!paths.length) return suiteFilesIn(path.join(projectRoot(), 'test', 'scenarios'));
  return paths.flatMap((given) => {
    if (!existsSync(given)) throw new UsageError(`no such file or directory: ${given}`);
    if (statSync(given).isDirectory()) return suiteFilesIn(given);
    if (!isSuiteFile(given)) throw new UsageError(`not a .json, .yaml or .yml scenario suite: ${given}`);
    return [given];
  });
}

/** Relative to where the tester is, unless that means climbing out of it. */
function shortName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : path.resolve(file);
}

/** A refused pack would otherwise show only as "no pack in force" errors, far from its cause. */
function refusedPackLines(store: RuleStore): string[] {
  const lines = store.rejected.flatMap(({ problems }) => problems.map((p) => `  ✗ ${formatProblem(p)}`));
  return lines.length ? ['Rule packs refused:', ...lines, ''] : [];
}

/** Coverage lines, and whether coverage is short of the minimum. */
function coverageReport(store: RuleStore, runs: SuiteRun[], options: TestOptions) {
  // Given suites are judged on their own authorities; the default run must cover every pack.
  const scope = options.paths.length
    ? new Set(runs.flatMap((run) => (run.authority ? [run.authority] : [])))
    : undefined;
  const coverage = rowCoverage(
    store,
    runs.flatMap((run) => run.results),
    scope,
  );
  const short = options.minCoverage !== undefined && coverage.percent < options.minCoverage;
  const verdict = short
    ? [`Coverage ${percentText(coverage.percent)} is below the minimum of ${options.minCoverage}%.`]
    : [];
  return { lines: [...coverageLines(coverage), ...verdict], short };
}

function runTests(options: TestOptions, files: string[]): number {
  const store = loadRules(options.rulesDir);
  const runs = files.map((file) => runSuiteFile(store, file));
  const lines = [
    ...refusedPackLines(store),
    ...runs.flatMap((run) => [...suiteLines(run, shortName(run.file)), '']),
  ];
  if (options.junitFile) {
    mkdirSync(path.dirname(path.resolve(options.junitFile)), { recursive: true });
    writeFileSync(options.junitFile, junitXml(runs, shortName));
    lines.push(`JUnit report written to ${options.junitFile}`);
  }
  const coverage = options.coverage ? coverageReport(store, runs, options) : { lines: [], short: false };
  const counts = tally(runs);
  console.log([...lines, ...coverage.lines, closingLine(counts)].join('\n'));
  return counts.failed || store.rejected.length || coverage.short ? 1 : 0;
}

export const test: Command = {
  run: (args) =>
    explainingUsage('test', usage, () => {
      const options = parseOptions(args);
      if (options.help) {
        console.log(help);
        return 0;
      }
      const files = suiteFiles(options.paths);
      if (!files.length) throw new UsageError('no scenario suites (.json, .yaml, .yml) were found');
      return runTests(options, files);
    }),
};

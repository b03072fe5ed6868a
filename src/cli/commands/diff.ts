// sanctuary-rules diff OLD_RULES_DIR NEW_RULES_DIR [--scenarios DIR] [--cases FILE]: the impact of a policy
// change. Every changed authority's case space is decided with both versions, and its scenario suites are run
// against both. With --cases, a file of real cases (JSON lines, or CSV with fact-path headers: see
// analysis/caseload.ts) is decided with both too, and the cases decided differently are counted by change; the
// file is read, never logged or kept, and only line numbers from it are printed.
// A diff is information, so it exits 0; 2 for wrong usage (including a missing or oversized cases file).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CaseloadError,
  formatCaseloadProblems,
  listSeparator,
  maxCaseloadBytes,
  maxCaseloadCases,
  readCaseload,
  type Caseload,
} from '../../analysis/caseload';
import { caseloadImpact, formatCaseloadImpact, storeSide } from '../../analysis/caseloadImpact';
import { authorityDiffs, readSuites } from '../../analysis/changePreview';
import { counted } from '../../analysis/checkReport';
import { formatDiffReport } from '../../analysis/diffReport';
import type { PackChange } from '../../analysis/packChanges';
import { projectRoot } from '../../contract/projectRoot';
import { loadRules, type RuleStore } from '../../rules/loadRules';
import { commandList } from '../commandList';
import type { Command } from '../commandList';

const { usage } = commandList.diff;

const casesHelp = [
  'FILE: JSON lines (a Case, or {"authorityId", "asOf", "case"}, one a line), or CSV with a header row of',
  'fact paths (harm.type,property.tenure,...) and optional authorityId and asOf columns; a list fact is its',
  `values joined with "${listSeparator}". At most ${maxCaseloadBytes / (1024 * 1024)} MB and ${maxCaseloadCases.toLocaleString('en-GB')} cases. A case with no authorityId is for`,
  "the changed authority; a case's asOf picks the versions in force that day (default: the change's date).",
];

interface DiffArgs {
  before: string;
  after: string;
  scenarios: string;
  /** Whether the scenarios directory was named (then it must exist). */
  named: boolean;
  cases: string | null;
}

function parseOptions(args: string[]): DiffArgs | null {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { scenarios: { type: 'string' }, cases: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length !== 2 || values.scenarios === '' || values.cases === '') return null;
    return {
      before: positionals[0]!,
      after: positionals[1]!,
      scenarios: values.scenarios ?? path.join(projectRoot(), 'test', 'scenarios'),
      named: values.scenarios !== undefined,
      cases: values.cases ?? null,
    };
  } catch {
    return null;
  }
}

/** The cases file, size-checked before it is read; a message when it cannot be used. */
function readCasesFile(file: string): Caseload | string {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return `no cases file ${file}`;
  if (stat.size > maxCaseloadBytes) {
    return `${file} is larger than ${maxCaseloadBytes / (1024 * 1024)} MB (${stat.size.toLocaleString('en-GB')} bytes)`;
  }
  try {
    return readCaseload(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if (error instanceof CaseloadError) return `${file}: ${error.message}`;
    throw error;
  }
}

function caseloadReport(
  file: string,
  caseload: Caseload,
  stores: { before: RuleStore; after: RuleStore },
  changes: readonly PackChange[],
): string {
  const { cases, problems } = caseload;
  const skipped = problems.length ? `, ${counted(problems.length, 'line')} skipped:` : '';
  const impact = caseloadImpact(cases, storeSide(stores.before), storeSide(stores.after), { changes });
  return [
    `Cases (${file}): ${counted(cases.length, 'case')} read${skipped}`,
    ...formatCaseloadProblems(problems).map((line) => `  ${line}`),
    '',
    formatCaseloadImpact(impact),
  ].join('\n');
}

export const diff: Command = {
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log([`usage: sanctuary-rules ${usage}`, ...casesHelp.map((line) => `  ${line}`)].join('\n'));
      return 0;
    }
    const parsed = parseOptions(args);
    if (!parsed) {
      console.error(`usage: sanctuary-rules ${usage}`);
      return 2;
    }
    for (const dir of [parsed.before, parsed.after]) {
      if (!existsSync(path.join(dir, 'authorities'))) {
        console.error(
          `sanctuary-rules diff: ${dir} is not a rules directory (it has no authorities/ folder)`,
        );
        return 2;
      }
    }
    if (parsed.named && !existsSync(parsed.scenarios)) {
      console.error(`sanctuary-rules diff: no scenarios directory ${parsed.scenarios}`);
      return 2;
    }
    // Read before the rules, so that a file that cannot be used stops the command at once.
    const caseload = parsed.cases === null ? null : readCasesFile(parsed.cases);
    if (typeof caseload === 'string') {
      console.error(`sanctuary-rules diff: ${caseload}`);
      return 2;
    }
    const before = loadRules(path.resolve(parsed.before));
    const after = loadRules(path.resolve(parsed.after));
    const today = new Date().toISOString().slice(0, 10);
    const diffs = authorityDiffs(before, after, today, readSuites(parsed.scenarios));
    const changes = diffs.map((d) => d.change);
    const dirs = { before: parsed.before, after: parsed.after };
    console.log(formatDiffReport(dirs, diffs, { before: before.rejected, after: after.rejected }));
    if (caseload) console.log(`\n${caseloadReport(parsed.cases!, caseload, { before, after }, changes)}`);
    return 0;
  },
};

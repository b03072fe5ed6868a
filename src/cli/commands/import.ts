// sanctuary-rules import FILE.xlsx: a workbook made by `export` (and edited by a policy officer) read back into
// a rule pack, checked as `check` checks the rules, and compared with the pack in force. Every problem is shown
// at its cell. With --out, the pack is written as JSON, but only when it has no errors.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { previewChange } from '../../analysis/changePreview';
import { counted } from '../../analysis/checkReport';
import { formatProblem } from '../../rules/problemWords';
import { projectRoot } from '../../contract/projectRoot';
import { loadRules } from '../../rules/loadRules';
import type { PackProblem } from '../../rules/problems';
import { sizeRefusal } from '../../rules/workbook/workbookLimits';
import { placeProblems, refusedRead, workbookToPack } from '../../rules/workbook/workbookPack';
import { ukClock } from '../../services/decisionService';
import { commandList } from '../commandList';
import type { Command } from '../commandList';
import { explainingUsage, parseCommandArgs, UsageError } from '../usage';

const { usage } = commandList.import;
const help = `usage: sanctuary-rules ${usage}

Reads a workbook made by \`export\`, checks the pack it holds as \`check\` does, and shows how it would change
decisions compared with the pack in force. Every problem is shown at its sheet, row and column.

  --rules DIR      the rules directory to compare with (default: the bundled rules/)
  --out FILE.json  write the pack as JSON (only when it has no errors)

Exit codes: 0 the workbook is valid, 1 it has errors, 2 wrong usage.`;

interface ImportOptions {
  file: string;
  rulesDir: string;
  out?: string;
}

function parseOptions(args: string[]): ImportOptions | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    rules: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('name one workbook (.xlsx) to import');
  const rulesDir = path.resolve(values.rules ?? path.join(projectRoot(), 'rules'));
  if (!existsSync(path.join(rulesDir, 'authorities'))) {
    throw new UsageError(`${rulesDir} is not a rules directory (it has no authorities/ folder)`);
  }
  if (!statSync(positionals[0]!, { throwIfNoEntry: false })?.isFile()) {
    throw new UsageError(`no such file: ${positionals[0]}`);
  }
  return { file: positionals[0]!, rulesDir, out: values.out };
}

function summaryLine(file: string, problems: readonly PackProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const verdict = errors ? 'has errors' : 'is valid';
  return `${file} ${verdict}: ${counted(errors, 'error')}, ${counted(problems.length - errors, 'warning')}`;
}

async function runImport(options: ImportOptions): Promise<number> {
  const name = path.basename(options.file);
  // An oversized file is refused before it is read into memory, as the reader would refuse it after.
  const tooLarge = sizeRefusal(statSync(options.file).size);
  const read = tooLarge
    ? refusedRead(name, tooLarge)
    : await workbookToPack(readFileSync(options.file), name);
  if (read.pack === null) {
    for (const problem of read.problems) console.log(formatProblem(problem));
    console.log(summaryLine(options.file, read.problems));
    return 1;
  }
  const store = loadRules(options.rulesDir);
  const scenarios = path.join(projectRoot(), 'test', 'scenarios');
  const preview = previewChange(store, read.pack, {
    today: ukClock.today(),
    suitesDir: existsSync(scenarios) ? scenarios : undefined,
  });
  // A problem found in the pack is shown against the workbook it came from, at its cell where it has one.
  const placed = placeProblems(read, preview.problems).map((p) => (p.cell ? { ...p, file: name } : p));
  const problems = [...read.problems, ...placed];
  for (const problem of problems) console.log(formatProblem(problem));
  if (problems.length) console.log('');
  const valid = preview.accepted && !problems.some((p) => p.severity === 'error');
  if (valid) console.log(`${preview.report}\n`);
  console.log(summaryLine(options.file, problems));
  if (valid && options.out) {
    writeFileSync(options.out, JSON.stringify(read.pack, null, 2) + '\n');
    console.log(`Wrote the pack to ${options.out} (it would replace ${preview.file})`);
  }
  return valid ? 0 : 1;
}

export const importCommand: Command = {
  run: (args) =>
    explainingUsage('import', usage, () => {
      const options = parseOptions(args);
      if (options !== 'help') return runImport(options);
      console.log(help);
      return 0;
    }),
};

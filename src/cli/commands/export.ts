// sanctuary-rules export AUTHORITY --out FILE.xlsx: an authority's rule pack as a workbook a policy officer
// can edit in Excel or LibreOffice, and give back with `import`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../contract/projectRoot';
import { currentPack, loadRules } from '../../rules/loadRules';
import { didYouMean } from '../../rules/suggestions';
import { packToWorkbook } from '../../rules/workbook/packWorkbook';
import { isIsoDate } from '../../reports/isoDate';
import { ukClock } from '../../services/decisionService';
import { commandList } from '../commandList';
import type { Command } from '../commandList';
import { explainingUsage, parseCommandArgs, UsageError } from '../usage';

/** Today in the UK, as the service reads "in force". */
const { usage } = commandList.export;
const help = `usage: sanctuary-rules ${usage}

Writes the authority's rule pack as a workbook: the version in force today (or on --as-of), else the latest.

  --out FILE.xlsx      the workbook to write
  --rules DIR          the rules directory (default: the bundled rules/)
  --as-of YYYY-MM-DD   the day whose version is exported (default: today)

Exit codes: 0 written, 1 the authority's pack was refused, 2 wrong usage (including an unknown authority).`;

interface ExportOptions {
  authority: string;
  out: string;
  rulesDir: string;
  asOf: string;
}

function parseOptions(args: string[]): ExportOptions | 'help' {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: 'string' },
    rules: { type: 'string' },
    'as-of': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError('name one authority, e.g. dartford');
  if (!values.out) throw new UsageError('--out FILE.xlsx is required');
  const asOf = values['as-of'] ?? ukClock.today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${asOf}"`);
  return {
    authority: positionals[0]!,
    out: values.out,
    rulesDir: path.resolve(values.rules ?? path.join(projectRoot(), 'rules')),
    asOf,
  };
}

async function runExport(options: ExportOptions): Promise<number> {
  if (!existsSync(path.join(options.rulesDir, 'authorities'))) {
    throw new UsageError(`${options.rulesDir} is not a rules directory (it has no authorities/ folder)`);
  }
  const store = loadRules(options.rulesDir);
  const compiled = currentPack(store, options.authority, options.asOf);
  if (!compiled) {
    const refused = store.rejected.find((r) => path.basename(r.file, '.json') === options.authority);
    if (refused) {
      console.error(`sanctuary-rules export: ${refused.file} was refused; run \`sanctuary-rules check\``);
      return 1;
    }
    const known = [...store.packs.keys()].sort();
    throw new UsageError(`no authority "${options.authority}"${didYouMean(options.authority, known)}`);
  }
  const bytes = await packToWorkbook(compiled.pack);
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  writeFileSync(options.out, bytes);
  const { version, effectiveFrom } = compiled.ruleSet;
  console.log(
    `Wrote ${compiled.pack.name} (${options.authority}) version ${version}, in force from ${effectiveFrom}, to ${options.out}`,
  );
  return 0;
}

export const exportCommand: Command = {
  run: (args) =>
    explainingUsage('export', usage, () => {
      const options = parseOptions(args);
      if (options !== 'help') return runExport(options);
      console.log(help);
      return 0;
    }),
};

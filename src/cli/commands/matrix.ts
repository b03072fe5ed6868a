// sanctuary-rules matrix: the coverage matrix ("postcode lottery") report, generated from the rule packs.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../contract/projectRoot';
import { buildCoverageMatrix } from '../../reports/coverageMatrix';
import { isIsoDate } from '../../reports/isoDate';
import { isMatrixFormat, matrixFormats, type MatrixFormatName } from '../../reports/matrixFormats';
import { loadRules } from '../../rules/loadRules';
import { ukClock } from '../../services/decisionService';
import { commandList } from '../commandList';
import type { Command } from '../commandList';
import { explainingUsage, UsageError } from '../usage';

const { usage } = commandList.matrix;
const help = `usage: sanctuary-rules ${usage}

For every authority × tenure × risk level: the outcome, who funds, the victim's contribution and the response
time, each decided for the same standard case (printed in the report's header).

  --format F     md (default), csv, html or json
  --rules DIR    the rules directory (default: the bundled rules/)
  --as-of DATE   the date whose rules apply, YYYY-MM-DD (default: today in the UK)

Exit codes: 0 written, 1 written but some packs were refused, 2 wrong usage.`;

interface MatrixOptions {
  format: MatrixFormatName;
  rulesDir: string;
  asOf: string;
  help: boolean;
}

function parseOptions(args: string[]): MatrixOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: 'string', default: 'md' },
        rules: { type: 'string' },
        'as-of': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const format = values.format!;
  if (!isMatrixFormat(format))
    throw new UsageError(`--format must be csv, md, html or json, not "${format}"`);
  const asOf = values['as-of'] ?? ukClock.today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${asOf}"`);
  return {
    format,
    rulesDir: values.rules ?? path.join(projectRoot(), 'rules'),
    asOf,
    help: values.help === true,
  };
}

function writeMatrix(options: MatrixOptions): number {
  const store = loadRules(options.rulesDir);
  const report = matrixFormats[options.format].render(buildCoverageMatrix(store, options.asOf));
  // A reader who stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(report);
  // The report goes to stdout; a refused pack is missing from it, which the reader must hear about.
  for (const { file } of store.rejected)
    console.error(
      `sanctuary-rules matrix: ${file} was refused and is not in the report (see: sanctuary-rules check)`,
    );
  return store.rejected.length ? 1 : 0;
}

export const matrix: Command = {
  run: (args) =>
    explainingUsage('matrix', usage, () => {
      const options = parseOptions(args);
      if (options.help) {
        console.log(help);
        return 0;
      }
      return writeMatrix(options);
    }),
};

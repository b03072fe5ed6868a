// sanctuary-rules check [RULES_DIR] [--sources DIR] [--language cy]: every pack through the load-time checks,
// every table through the case-space analysis (gaps, overlaps, unreachable rows, repeated rows), every quote
// against the document it cites, and every pack's outcomes over its whole case space. Exit 1 if any error is
// found. With --language cy, also how many of each pack's texts have Welsh and how many of those are reviewed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatCheckReport } from '../../analysis/checkReport';
import { formatOutcomeSpaces } from '../../analysis/outcomeSpace';
import { checkStoreOnThreads, defaultSourcesDir } from '../../analysis/storeCheck';
import { formatWelshCoverage, welshCoverage } from '../../analysis/welshCoverage';
import { projectRoot } from '../../contract/projectRoot';
import { loadRules } from '../../rules/loadRules';
import { commandList } from '../commandList';
import type { Command } from '../commandList';
import { explainingUsage, parseCommandArgs, UsageError } from '../usage';

const { usage } = commandList.check;

/** The languages whose coverage --language reports: Welsh, the one the packs carry beside English. */
const languages = ['cy'] as const;
type Language = (typeof languages)[number];

interface CheckOptions {
  rulesDir?: string;
  sourcesDir?: string;
  language?: Language;
}

/** The positional rules directory, the --sources folder and --language, read as the other commands read theirs. */
function parseOptions(args: string[]): CheckOptions {
  const { values, positionals } = parseCommandArgs(args, {
    sources: { type: 'string' },
    language: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError('name at most one rules directory');
  const language = values.language;
  if (language !== undefined && !(languages as readonly string[]).includes(language)) {
    throw new UsageError(`--language must be one of: ${languages.join(', ')}, not "${language}"`);
  }
  return { rulesDir: positionals[0], sourcesDir: values.sources, language: language as Language | undefined };
}

async function runCheck(parsed: CheckOptions): Promise<number> {
  const dir = path.resolve(parsed.rulesDir ?? path.join(projectRoot(), 'rules'));
  const sourcesDir = path.resolve(parsed.sourcesDir ?? defaultSourcesDir());
  if (!existsSync(path.join(dir, 'authorities'))) {
    console.error(`sanctuary-rules check: ${dir} is not a rules directory (it has no authorities/ folder)`);
    return 2;
  }
  const started = performance.now();
  const store = loadRules(dir);
  const { problems, outcomes } = await checkStoreOnThreads(store, { sourcesDir });
  const packs = [...store.packs.values()].reduce((n, versions) => n + versions.length, store.rejected.length);
  if (outcomes.length) console.log(formatOutcomeSpaces(outcomes) + '\n');
  if (parsed.language === 'cy') {
    const versions = [...store.packs.values()].flat().map((compiled) => compiled.pack);
    console.log(formatWelshCoverage(versions.map(welshCoverage)) + '\n');
  }
  console.log(formatCheckReport(problems, { packs, elapsedMs: performance.now() - started }));
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

export const check: Command = {
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(`usage: sanctuary-rules ${usage}`);
      return 0;
    }
    return explainingUsage('check', usage, () => runCheck(parseOptions(args)));
  },
};

// sanctuary-rules check [RULES_DIR] [--sources DIR]: every pack through the load-time checks, every table
// through the case-space analysis (gaps, overlaps, unreachable rows, repeated rows), every quote against the
// document it cites, and every pack's outcomes over its whole case space. Exit 1 if any error is found.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatCheckReport } from '../../analysis/checkReport';
import { formatOutcomeSpaces } from '../../analysis/outcomeSpace';
import { checkStore, defaultSourcesDir } from '../../analysis/storeCheck';
import { projectRoot } from '../../contract/projectRoot';
import { loadRules } from '../../rules/loadRules';
import { commandList } from '../commandList';
import type { Command } from '../commandList';

const { usage } = commandList.check;

/** The positional rules directory and the --sources folder, read as the other commands read theirs. */
function parseOptions(args: string[]): { rulesDir?: string; sourcesDir?: string } | null {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { sources: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length > 1) return null;
    return { rulesDir: positionals[0], sourcesDir: values.sources };
  } catch {
    return null;
  }
}

export const check: Command = {
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(`usage: sanctuary-rules ${usage}`);
      return 0;
    }
    const parsed = parseOptions(args);
    if (!parsed) {
      console.error(`usage: sanctuary-rules ${usage}`);
      return 2;
    }
    const dir = path.resolve(parsed.rulesDir ?? path.join(projectRoot(), 'rules'));
    const sourcesDir = path.resolve(parsed.sourcesDir ?? defaultSourcesDir());
    if (!existsSync(path.join(dir, 'authorities'))) {
      console.error(`sanctuary-rules check: ${dir} is not a rules directory (it has no authorities/ folder)`);
      return 2;
    }
    const started = performance.now();
    const store = loadRules(dir);
    const { problems, outcomes } = checkStore(store, { sourcesDir });
    const packs = [...store.packs.values()].reduce(
      (n, versions) => n + versions.length,
      store.rejected.length,
    );
    if (outcomes.length) console.log(formatOutcomeSpaces(outcomes) + '\n');
    console.log(formatCheckReport(problems, { packs, elapsedMs: performance.now() - started }));
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};

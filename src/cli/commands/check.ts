// sanctuary-rules check [RULES_DIR]: every pack through the load-time checks, then every table through the
// case-space analysis (gaps, overlaps, unreachable rows, repeated rows). Exit 1 if any error is found.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatCheckReport } from '../../analysis/checkReport';
import { analyseNationalDefaults, analysePack } from '../../analysis/packAnalysis';
import { locate } from '../../analysis/problemLocation';
import { projectRoot } from '../../contract/projectRoot';
import type { TableId } from '../../rules/compiledPack';
import { loadRules, type RuleStore } from '../../rules/loadRules';
import type { PackProblem } from '../../rules/problems';
import { parseRuleFile } from '../../rules/safeJson';
import type { Command } from '../main';

const usage = 'check [RULES_DIR]';

function readPack(dir: string, file: string): unknown {
  try {
    const parsed = parseRuleFile(readFileSync(path.join(dir, file), 'utf8'));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}

/** The inputs the national defaults declare for each table, e.g. riskThresholds: harm.dashYesCount. */
function defaultsInputs(dir: string): Partial<Record<TableId, string[]>> {
  const defaults = readPack(dir, 'national-defaults.json') as Record<string, { inputs?: { fact: string }[] }>;
  const inputs = defaults?.riskThresholds?.inputs?.map((input) => input.fact) ?? [];
  return { riskThresholds: inputs };
}

export function checkStore(store: RuleStore): PackProblem[] {
  const versions = [...store.packs.values()].flat();
  const found = [
    ...store.rejected.flatMap((rejected) => rejected.problems),
    ...store.warnings,
    ...versions.flatMap((pack) => analysePack(pack)),
    ...analyseNationalDefaults(versions, defaultsInputs(store.dir)),
  ];
  const packs = new Map<string, unknown>();
  return found.map((problem) => {
    if (!packs.has(problem.file)) packs.set(problem.file, readPack(store.dir, problem.file));
    return locate(problem, packs.get(problem.file));
  });
}

export const check: Command = {
  summary: 'check every rule pack: schema, meaning, gaps, overlaps and unreachable rows',
  usage,
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(`usage: sanctuary-rules ${usage}`);
      return 0;
    }
    if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) {
      console.error(`usage: sanctuary-rules ${usage}`);
      return 2;
    }
    const dir = path.resolve(args[0] ?? path.join(projectRoot(), 'rules'));
    if (!existsSync(path.join(dir, 'authorities'))) {
      console.error(`sanctuary-rules check: ${dir} is not a rules directory (it has no authorities/ folder)`);
      return 2;
    }
    const started = performance.now();
    const store = loadRules(dir);
    const problems = checkStore(store);
    const packs = [...store.packs.values()].reduce(
      (n, versions) => n + versions.length,
      store.rejected.length,
    );
    console.log(formatCheckReport(problems, { packs, elapsedMs: performance.now() - started }));
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};

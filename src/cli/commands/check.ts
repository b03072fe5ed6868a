// sanctuary-rules check [RULES_DIR] [--sources DIR]: every pack through the load-time checks, every table
// through the case-space analysis (gaps, overlaps, unreachable rows, repeated rows), every quote against the
// document it cites, and every pack's outcomes over its whole case space. Exit 1 if any error is found.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { formatCheckReport } from '../../analysis/checkReport';
import {
  formatOutcomeSpaces,
  outcomeProblems,
  outcomeSpace,
  type OutcomeSpace,
} from '../../analysis/outcomeSpace';
import { analyseNationalDefaults, analysePack } from '../../analysis/packAnalysis';
import { locate } from '../../analysis/problemLocation';
import { projectRoot } from '../../contract/projectRoot';
import type { TableId } from '../../rules/compiledPack';
import { loadRules, type RuleStore } from '../../rules/loadRules';
import type { PackProblem } from '../../rules/problems';
import { parseRuleFile } from '../../rules/safeJson';
import { checkSourceQuotes, SourceDocuments } from '../../rules/sourceQuotes';
import type { Command } from '../main';

const usage = 'check [RULES_DIR] [--sources DIR]';
const defaultSourcesDir = () => path.join(projectRoot(), 'docs', 'sources');

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

export interface StoreCheck {
  problems: PackProblem[];
  outcomes: OutcomeSpace[];
}

export function checkStore(store: RuleStore, sourcesDir: string = defaultSourcesDir()): StoreCheck {
  const versions = [...store.packs.values()].flat();
  const documents = new SourceDocuments(sourcesDir);
  const outcomes = versions.map((pack) => outcomeSpace(pack, store.measureById));
  const found = [
    ...store.rejected.flatMap((rejected) => rejected.problems),
    ...store.warnings,
    ...versions.flatMap((pack) => analysePack(pack)),
    ...analyseNationalDefaults(versions, defaultsInputs(store.dir)),
    ...versions.flatMap((pack) => checkSourceQuotes(pack.pack, pack.file, documents)),
    ...versions.flatMap((pack, i) => outcomeProblems(outcomes[i]!, pack)),
  ];
  const packs = new Map<string, unknown>();
  const problems = found.map((problem) => {
    if (!packs.has(problem.file)) packs.set(problem.file, readPack(store.dir, problem.file));
    return locate(problem, packs.get(problem.file));
  });
  return { problems, outcomes };
}

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
  summary: 'check every rule pack: schema, meaning, gaps, overlaps and unreachable rows',
  usage,
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
    const { problems, outcomes } = checkStore(store, sourcesDir);
    const packs = [...store.packs.values()].reduce(
      (n, versions) => n + versions.length,
      store.rejected.length,
    );
    if (outcomes.length) console.log(formatOutcomeSpaces(outcomes) + '\n');
    console.log(formatCheckReport(problems, { packs, elapsedMs: performance.now() - started }));
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};

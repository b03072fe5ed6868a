// Everything `check` finds in a loaded rule store: load-time problems, each table's case-space analysis, each
// quote against its document, and each pack's outcomes. Shared by `check`, `import` and the change preview.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../contract/projectRoot';
import type { CompiledPack, TableId } from '../rules/compiledPack';
import type { RuleStore } from '../rules/loadRules';
import type { PackProblem } from '../rules/problems';
import { parseRuleFile } from '../rules/safeJson';
import { checkSourceQuotes, SourceDocuments } from '../rules/sourceQuotes';
import { outcomeProblems, outcomeSpace, type OutcomeSpace } from './outcomeSpace';
import { startOutcomeSpaces } from './outcomeSpaceThreads';
import { analyseNationalDefaults, analysePack } from './packAnalysis';
import { locate } from '../rules/problemLocation';

export const defaultSourcesDir = () => path.join(projectRoot(), 'docs', 'sources');

export interface StoreCheck {
  problems: PackProblem[];
  outcomes: OutcomeSpace[];
}

export interface StoreCheckOptions {
  sourcesDir?: string;
  /** Check only these pack files (e.g. the one a change replaces); every file by default. */
  files?: ReadonlySet<string>;
  /** Pack texts held in memory rather than on disk, by file, to name the row a problem points into. */
  candidates?: ReadonlyMap<string, string>;
}

function readPack(dir: string, file: string, candidates: ReadonlyMap<string, string>): unknown {
  try {
    const parsed = parseRuleFile(candidates.get(file) ?? readFileSync(path.join(dir, file), 'utf8'));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}

/** The inputs the national defaults declare for each table, e.g. riskThresholds: harm.dashYesCount. */
function defaultsInputs(store: RuleStore): Partial<Record<TableId, string[]>> {
  const defaults = JSON.parse(store.defaultsText) as Record<string, { inputs?: { fact: string }[] }>;
  return { riskThresholds: defaults.riskThresholds?.inputs?.map((input) => input.fact) ?? [] };
}

const versionsChecked = (store: RuleStore, files: ReadonlySet<string> | undefined) =>
  [...store.packs.values()].flat().filter((pack) => !files || files.has(pack.file));

/** Every problem but the outcome spaces', in the report's order. */
function problemsBeforeOutcomes(
  store: RuleStore,
  versions: readonly CompiledPack[],
  options: StoreCheckOptions,
): PackProblem[] {
  const { files } = options;
  const chosen = (file: string) => !files || files.has(file);
  const documents = new SourceDocuments(options.sourcesDir ?? defaultSourcesDir());
  return [
    ...store.rejected.filter((rejected) => chosen(rejected.file)).flatMap((rejected) => rejected.problems),
    ...store.warnings.filter((warning) => chosen(warning.file)),
    ...versions.flatMap((pack) => analysePack(pack)),
    ...(files ? [] : analyseNationalDefaults(versions, defaultsInputs(store))),
    ...versions.flatMap((pack) => checkSourceQuotes(pack.pack, pack.file, documents)),
  ];
}

function withOutcomes(
  store: RuleStore,
  versions: readonly CompiledPack[],
  options: StoreCheckOptions,
  found: readonly PackProblem[],
  outcomes: OutcomeSpace[],
): StoreCheck {
  const { candidates = new Map<string, string>() } = options;
  const packs = new Map<string, unknown>();
  const all = [...found, ...versions.flatMap((pack, i) => outcomeProblems(outcomes[i]!, pack))];
  const problems = all.map((problem) => {
    if (!packs.has(problem.file)) packs.set(problem.file, readPack(store.dir, problem.file, candidates));
    return locate(problem, packs.get(problem.file));
  });
  return { problems, outcomes };
}

export function checkStore(store: RuleStore, options: StoreCheckOptions = {}): StoreCheck {
  const versions = versionsChecked(store, options.files);
  const outcomes = versions.map((pack) => outcomeSpace(pack, store.measureById));
  return withOutcomes(store, versions, options, problemsBeforeOutcomes(store, versions, options), outcomes);
}

/** checkStore, with a large store's outcome spaces worked out on worker threads while the rest is checked. */
export async function checkStoreOnThreads(
  store: RuleStore,
  options: StoreCheckOptions = {},
): Promise<StoreCheck> {
  const versions = versionsChecked(store, options.files);
  const outcomes = startOutcomeSpaces(store, versions);
  const found = problemsBeforeOutcomes(store, versions, options);
  return withOutcomes(store, versions, options, found, await outcomes.finish());
}

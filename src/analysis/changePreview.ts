// A proposed pack, checked and compared with the rules in force without writing anything: the problems `check`
// would report for it, and the diff of decisions and scenarios that `diff` would show. Used by `import` and by
// the staff pages' preview.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { stableJson } from './canonical';
import { decisionImpact } from './decisionDiff';
import { formatDiffReport, type AuthorityDiff } from './diffReport';
import { packChanges } from './packChanges';
import { diffScenarios, type SuiteFile } from './scenarioDiff';
import { checkStore } from './storeCheck';
import { factCatalogue } from '../rules/factCatalogue';
import type { CompiledPack } from '../rules/compiledPack';
import { currentPack, loadRules, type RuleStore } from '../rules/loadRules';
import type { PackProblem } from '../rules/problems';
import { readSuite, suiteFilesIn } from '../scenarios/suiteFile';

export interface ChangeOptions {
  /** The day "in force" is read on (YYYY-MM-DD). */
  today: string;
  /** Scenario suites to run against both versions: given, or read from a directory. */
  suites?: readonly SuiteFile[];
  suitesDir?: string;
  sourcesDir?: string;
  now?: Date;
}

export interface ChangePreview {
  /** The pack file the proposal replaces (or adds), e.g. authorities/dartford.json. */
  file: string;
  problems: PackProblem[];
  /** No errors: the service would load the proposal as it stands. */
  accepted: boolean;
  before: RuleStore;
  after: RuleStore;
  /** The authorities whose decisions the proposal changes (none when it is refused). */
  diffs: AuthorityDiff[];
  /** The diff as `diff` prints it. */
  report: string;
}

const authorityIdPattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The pack a proposal replaces (its authority's version in force today), and the file it is loaded as. */
function replaced(store: RuleStore, pack: unknown, today: string): { current?: CompiledPack; file: string } {
  const id = (pack as { authorityId?: unknown } | null)?.authorityId;
  if (typeof id !== 'string' || !authorityIdPattern.test(id))
    return { file: 'authorities/proposed-pack.json' };
  const current = currentPack(store, id, today);
  return { current, file: current?.file ?? `authorities/${id}.json` };
}

/** The suite files in a directory, named relative to the working directory as the reports print them. */
export function readSuites(dir: string): SuiteFile[] {
  if (!existsSync(dir)) return [];
  return suiteFilesIn(dir).map((file) => ({
    file: path.relative(process.cwd(), file),
    suite: readSuite(file),
  }));
}

const measureIds = (): readonly string[] => {
  const domain = factCatalogue.get('measure.id')!.domain;
  return domain.kind === 'enum' ? domain.values : [];
};

/** Each changed authority decided with both versions, over its case space and its scenarios. */
export function authorityDiffs(
  before: RuleStore,
  after: RuleStore,
  today: string,
  suiteFiles: readonly SuiteFile[],
): AuthorityDiff[] {
  const changes = packChanges(before, after, today);
  const suites = diffScenarios(suiteFiles, changes, { before: before.measureById, after: after.measureById });
  return changes.map((change) => ({
    change,
    impact:
      change.before && change.after
        ? decisionImpact(
            { pack: change.before, catalogue: before.measureById },
            { pack: change.after, catalogue: after.measureById },
            change.asOf,
            measureIds(),
          )
        : null,
    suites: suites.filter((suite) => suite.authority === change.authority),
  }));
}

export function previewChange(store: RuleStore, pack: unknown, options: ChangeOptions): ChangePreview {
  const { current, file } = replaced(store, pack, options.today);
  const candidates = new Map([[file, JSON.stringify(pack, null, 2) + '\n']]);
  const after = loadRules(store.dir, options.now, store, candidates);
  const checked = checkStore(after, { files: new Set([file]), candidates, sourcesDir: options.sourcesDir });
  const problems = checked.problems;
  const accepted = !problems.some((problem) => problem.severity === 'error');
  const suites = options.suites ?? (options.suitesDir ? readSuites(options.suitesDir) : []);
  // A pack re-read unchanged (a workbook exported and imported as it was) changes nothing, though its text differs.
  const unchanged = current !== undefined && stableJson(current.pack) === stableJson(pack);
  const diffs = accepted && !unchanged ? authorityDiffs(store, after, options.today, suites) : [];
  const report = formatDiffReport({ before: 'in force', after: 'proposed' }, diffs, {
    before: [],
    after: [],
  });
  return { file, problems, accepted, before: store, after, diffs, report };
}

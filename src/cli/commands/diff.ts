// sanctuary-rules diff OLD_RULES_DIR NEW_RULES_DIR [--scenarios DIR]: the impact of a policy change. Every
// changed authority's case space is decided with both versions, and its scenario suites are run against both.
// A diff is information, so it exits 0; 2 for wrong usage.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { decisionImpact } from '../../analysis/decisionDiff';
import { formatDiffReport, type AuthorityDiff } from '../../analysis/diffReport';
import { packChanges } from '../../analysis/packChanges';
import { diffScenarios, type SuiteFile } from '../../analysis/scenarioDiff';
import { projectRoot } from '../../contract/projectRoot';
import { factCatalogue } from '../../rules/factCatalogue';
import { loadRules } from '../../rules/loadRules';
import { readSuite } from '../../scenarios/runScenarios';
import type { Command } from '../main';

const usage = 'diff OLD_RULES_DIR NEW_RULES_DIR [--scenarios DIR]';

interface DiffArgs {
  before: string;
  after: string;
  scenarios: string;
  /** Whether the scenarios directory was named (then it must exist). */
  named: boolean;
}

function parseArgs(args: readonly string[]): DiffArgs | null {
  const dirs: string[] = [];
  let scenarios: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--scenarios') scenarios = args[++i];
    else if (arg.startsWith('--scenarios=')) scenarios = arg.slice('--scenarios='.length);
    else if (arg.startsWith('-')) return null;
    else dirs.push(arg);
    if (scenarios === '') return null;
  }
  if (dirs.length !== 2 || (args.includes('--scenarios') && scenarios === undefined)) return null;
  return {
    before: dirs[0]!,
    after: dirs[1]!,
    scenarios: scenarios ?? path.join(projectRoot(), 'test', 'scenarios'),
    named: scenarios !== undefined,
  };
}

function readSuites(dir: string): SuiteFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      file: path.relative(process.cwd(), path.join(dir, name)),
      suite: readSuite(path.join(dir, name)),
    }));
}

export const diff: Command = {
  summary: 'show how a change to the rules changes decisions, case by case and scenario by scenario',
  usage,
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      console.log(`usage: sanctuary-rules ${usage}`);
      return 0;
    }
    const parsed = parseArgs(args);
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
    const before = loadRules(path.resolve(parsed.before));
    const after = loadRules(path.resolve(parsed.after));
    const today = new Date().toISOString().slice(0, 10);
    const changes = packChanges(before, after, today);
    const measure = factCatalogue.get('measure.id')!.domain;
    const measureIds = measure.kind === 'enum' ? measure.values : [];
    const catalogues = { before: before.measureById, after: after.measureById };
    const suites = diffScenarios(readSuites(parsed.scenarios), changes, catalogues);
    const diffs = changes.map((change): AuthorityDiff => ({
      change,
      impact:
        change.before && change.after
          ? decisionImpact(
              { pack: change.before, catalogue: before.measureById },
              { pack: change.after, catalogue: after.measureById },
              change.asOf,
              measureIds,
            )
          : null,
      suites: suites.filter((suite) => suite.authority === change.authority),
    }));
    const dirs = { before: parsed.before, after: parsed.after };
    console.log(formatDiffReport(dirs, diffs, { before: before.rejected, after: after.rejected }));
    return 0;
  },
};

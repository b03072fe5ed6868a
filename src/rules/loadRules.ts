// Rule files → validated, compiled packs. A bad pack is reported and skipped; it never stops the others.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompiledPack } from './compiledPack';
import { compilePack, type NationalDefaults } from './compilePack';
import { validatePackSchema, isRulePack } from './packSchema';
import type { PackProblem } from './problems';
import { parseRuleFile } from './safeJson';
import { checkPackSemantics } from './semanticChecks';

export interface MeasureInfo {
  id: string;
  label: string;
  kind: 'equipment' | 'works';
}

export interface RejectedFile {
  file: string;
  problems: PackProblem[];
  rejectedAt: string;
  /** The last good version of this file, still live because the edit was refused. */
  keptVersion: string | null;
}

export interface RuleStore {
  readonly dir: string;
  readonly loadedAt: string;
  readonly measures: readonly MeasureInfo[];
  readonly measureById: ReadonlyMap<string, MeasureInfo>;
  /** The national defaults as loaded, to tell on reload whether they changed. */
  readonly defaultsText: string;
  /** Every valid version of each authority's pack, oldest first. */
  readonly packs: ReadonlyMap<string, readonly CompiledPack[]>;
  readonly rejected: readonly RejectedFile[];
  /** Problems that do not stop a pack loading. */
  readonly warnings: readonly PackProblem[];
}

const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

function readJson<T>(file: string): T {
  const parsed = parseRuleFile(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}${parsed.pointer}: ${parsed.message}`);
  return parsed.value as T;
}

const overlaps = (a: CompiledPack, b: CompiledPack) =>
  a.ruleSet.effectiveFrom <= (b.ruleSet.effectiveTo ?? '9999-12-31') &&
  b.ruleSet.effectiveFrom <= (a.ruleSet.effectiveTo ?? '9999-12-31');

type PackLoad = { pack: CompiledPack; warnings: PackProblem[] } | { problems: PackProblem[] };

export function loadPackFile(
  file: string,
  text: string,
  knownMeasures: ReadonlySet<string>,
  defaults: NationalDefaults,
  loadedAt: string = new Date().toISOString(),
): PackLoad {
  const parsed = parseRuleFile(text);
  if (!parsed.ok)
    return { problems: [{ file, pointer: parsed.pointer, message: parsed.message, severity: 'error' }] };
  const schemaProblems = validatePackSchema(parsed.value, file);
  if (schemaProblems.length || !isRulePack(parsed.value)) return { problems: schemaProblems };
  const found = checkPackSemantics(parsed.value, file, knownMeasures);
  const errors = found.filter((p) => p.severity === 'error');
  if (errors.length) return { problems: errors };
  const sha256 = sha256Of(text);
  return {
    pack: compilePack(parsed.value, file, sha256, defaults, loadedAt),
    warnings: found.filter((p) => p.severity === 'warning'),
  };
}

/**
 * Loads every pack in `dir`. Given the store it replaces (a reload), an unchanged file keeps its compiled pack,
 * and a file whose edit is refused keeps its last good version live: a broken edit is never activated.
 */
export function loadRules(dir: string, now: Date = new Date(), previous?: RuleStore): RuleStore {
  const loadedAt = now.toISOString();
  const measures = readJson<{ measures: MeasureInfo[] }>(path.join(dir, 'measures.json')).measures;
  const defaults = readJson<NationalDefaults>(path.join(dir, 'national-defaults.json'));
  const knownMeasures = new Set(measures.map((m) => m.id));
  const sharedFilesChanged =
    !previous ||
    JSON.stringify(previous.measures) !== JSON.stringify(measures) ||
    previous.defaultsText !== JSON.stringify(defaults);
  const previousByFile = new Map([...(previous?.packs.values() ?? [])].flat().map((p) => [p.file, p]));
  const packs = new Map<string, CompiledPack[]>();
  const rejected: RejectedFile[] = [];
  const warnings: PackProblem[] = [];
  const add = (pack: CompiledPack): PackProblem | null => {
    const versions = packs.get(pack.pack.authorityId) ?? [];
    const clash = versions.find((other) => overlaps(other, pack));
    if (clash) {
      const message = `its dates overlap ${clash.file} (${clash.ruleSet.version}) for the same authority`;
      return { file: pack.file, pointer: '/effectiveFrom', message, severity: 'error' };
    }
    versions.push(pack);
    versions.sort((a, b) => a.ruleSet.effectiveFrom.localeCompare(b.ruleSet.effectiveFrom));
    packs.set(pack.pack.authorityId, versions);
    return null;
  };
  const packDir = path.join(dir, 'authorities');
  const names = readdirSync(packDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of names) {
    const file = path.join('authorities', name);
    const text = readFileSync(path.join(packDir, name), 'utf8');
    const before = previousByFile.get(file);
    const unchanged = before && !sharedFilesChanged && before.ruleSet.sha256 === sha256Of(text);
    const loaded = unchanged
      ? { pack: before, warnings: [] }
      : loadPackFile(file, text, knownMeasures, defaults, loadedAt);
    const problems = 'problems' in loaded ? loaded.problems : [add(loaded.pack)].filter((p) => p !== null);
    if (problems.length) {
      const kept = before && !add(before) ? before.ruleSet.version : null;
      rejected.push({ file, problems, rejectedAt: loadedAt, keptVersion: kept });
    } else if ('warnings' in loaded) {
      warnings.push(...loaded.warnings);
    }
  }
  return {
    dir,
    loadedAt,
    measures,
    measureById: new Map(measures.map((m) => [m.id, m])),
    defaultsText: JSON.stringify(defaults),
    packs,
    rejected,
    warnings,
  };
}

/** The version of an authority's pack in force on `asOf` (an ISO date). */
export function packInForce(store: RuleStore, authorityId: string, asOf: string): CompiledPack | undefined {
  return store.packs
    .get(authorityId)
    ?.find((p) => p.ruleSet.effectiveFrom <= asOf && asOf <= (p.ruleSet.effectiveTo ?? '9999-12-31'));
}

/** The version in force today, or else the latest: what the authority pages describe. */
export function currentPack(store: RuleStore, authorityId: string, today: string): CompiledPack | undefined {
  const versions = store.packs.get(authorityId);
  return packInForce(store, authorityId, today) ?? versions?.[versions.length - 1];
}

// Rule files → validated, compiled packs. A bad pack is reported and skipped; it never stops the others.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RulePack } from '../generated/pack';
import type { CompiledPack } from './compiledPack';
import { compilePack, type NationalDefaults } from './compilePack';
import { checkPackSchema } from './packSchema';
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
  /** Each loaded pack file's stamp on disk (see fileStamp), so a reload reads only the files that changed. */
  readonly stamps: ReadonlyMap<string, string>;
}

/** What changes whenever a file's content can have: its inode (editors save by rename), size and times. */
function fileStamp(file: string): string | null {
  const stat = statSync(file, { throwIfNoEntry: false, bigint: true });
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : null;
}

export const sha256Of = (text: string) => createHash('sha256').update(text).digest('hex');

const isMeasureCatalogue = (value: unknown): value is { measures: MeasureInfo[] } =>
  Array.isArray((value as { measures?: unknown })?.measures) &&
  (value as { measures: unknown[] }).measures.every(
    (m) =>
      typeof (m as MeasureInfo)?.id === 'string' &&
      typeof (m as MeasureInfo).label === 'string' &&
      ((m as MeasureInfo).kind === 'equipment' || (m as MeasureInfo).kind === 'works'),
  );

const isNationalDefaults = (value: unknown): value is NationalDefaults =>
  typeof value === 'object' && value !== null && Array.isArray((value as NationalDefaults).sources);

/**
 * A file every pack depends on. At start-up a bad one stops the load; on a reload the previous version stays in
 * use, and the refusal is reported with the file and the problem until the file loads again.
 */
function readSharedFile<T>(
  dir: string,
  file: string,
  isValid: (value: unknown) => value is T,
  previous: T | undefined,
  refuse: (problem: PackProblem) => void,
): T {
  let problem: PackProblem | null = null;
  try {
    const parsed = parseRuleFile(readFileSync(path.join(dir, file), 'utf8'));
    if (parsed.ok && isValid(parsed.value)) return parsed.value;
    problem = parsed.ok
      ? { file, pointer: '', message: 'the file does not have the expected shape', severity: 'error' }
      : { file, pointer: parsed.pointer, message: parsed.message, severity: 'error' };
  } catch (error) {
    problem = { file, pointer: '', message: (error as Error).message, severity: 'error' };
  }
  if (previous === undefined)
    throw new Error(`${path.join(dir, file)}${problem.pointer}: ${problem.message}`);
  refuse(problem);
  return previous;
}

/** A pack file is named for the authority it serves, so an edit inside it can never move it to another. */
export function fileNameProblem(file: string, pack: RulePack): PackProblem | null {
  const name = path.basename(file, '.json');
  const id = pack.authorityId;
  if (name === id || name === `${id}-${pack.effectiveFrom}`) return null;
  return {
    file,
    pointer: '/authorityId',
    severity: 'error',
    message:
      `the file for authority "${id}" must be named ${id}.json, or ${id}-${pack.effectiveFrom}.json for a ` +
      `version that takes effect on ${pack.effectiveFrom}`,
  };
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
  const checked = checkPackSchema(parsed.value, file);
  if ('problems' in checked) return checked;
  const { pack } = checked;
  const found = checkPackSemantics(pack, file, knownMeasures);
  const misnamed = fileNameProblem(file, pack);
  const errors = [...found.filter((p) => p.severity === 'error'), ...(misnamed ? [misnamed] : [])];
  if (errors.length) return { problems: errors };
  const sha256 = sha256Of(text);
  return {
    pack: compilePack(pack, file, sha256, defaults, loadedAt),
    warnings: found.filter((p) => p.severity === 'warning'),
  };
}

/**
 * Loads every pack in `dir`. Given the store it replaces (a reload), an unchanged file keeps its compiled pack,
 * and a file whose edit is refused keeps its last good version live: a broken edit is never activated.
 * `candidates` (file such as `authorities/dartford.json` → text) stand in for, or add to, the pack files on
 * disk: a change is previewed in memory, and nothing is written.
 */
export function loadRules(
  dir: string,
  now: Date = new Date(),
  previous?: RuleStore,
  candidates: ReadonlyMap<string, string> = new Map(),
): RuleStore {
  const loadedAt = now.toISOString();
  const rejected: RejectedFile[] = [];
  const refuse = (problem: PackProblem) =>
    rejected.push({ file: problem.file, problems: [problem], rejectedAt: loadedAt, keptVersion: null });
  const measures = readSharedFile(
    dir,
    'measures.json',
    isMeasureCatalogue,
    previous && { measures: [...previous.measures] },
    refuse,
  ).measures;
  const defaults = readSharedFile(
    dir,
    'national-defaults.json',
    isNationalDefaults,
    previous && (JSON.parse(previous.defaultsText) as NationalDefaults),
    refuse,
  );
  const knownMeasures = new Set(measures.map((m) => m.id));
  const sharedFilesChanged =
    !previous ||
    JSON.stringify(previous.measures) !== JSON.stringify(measures) ||
    previous.defaultsText !== JSON.stringify(defaults);
  const previousByFile = new Map([...(previous?.packs.values() ?? [])].flat().map((p) => [p.file, p]));
  const packs = new Map<string, CompiledPack[]>();
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
  const onDisk = readdirSync(packDir).filter((name) => name.endsWith('.json'));
  const named = [...candidates.keys()].map((file) => path.basename(file));
  const names = [...new Set([...onDisk, ...named])].sort();
  const stamps = new Map<string, string>();
  const loads = names.map((name) => {
    const file = path.join('authorities', name);
    const before = previousByFile.get(file);
    const stamp = candidates.has(file) ? null : fileStamp(path.join(packDir, name));
    // A file whose stamp has not moved since it loaded is not read again.
    if (before && !sharedFilesChanged && stamp !== null && stamp === previous?.stamps.get(file)) {
      stamps.set(file, stamp);
      return { file, before, loaded: { pack: before, warnings: [] } as PackLoad };
    }
    const text = candidates.get(file) ?? readFileSync(path.join(packDir, name), 'utf8');
    const unchanged = before && !sharedFilesChanged && before.ruleSet.sha256 === sha256Of(text);
    const loaded: PackLoad = unchanged
      ? { pack: before, warnings: [] }
      : loadPackFile(file, text, knownMeasures, defaults, loadedAt);
    if (stamp !== null && 'pack' in loaded) stamps.set(file, stamp);
    return { file, before, loaded };
  });
  const claims = sameVersionClaims(loads.flatMap(({ loaded }) => ('pack' in loaded ? [loaded.pack] : [])));
  for (const { file, before, loaded } of loads) {
    const claim = 'pack' in loaded ? claims.get(loaded.pack) : undefined;
    const problems =
      'problems' in loaded ? loaded.problems : claim ? [claim] : [add(loaded.pack)].filter((p) => p !== null);
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
    stamps,
  };
}

/**
 * Two files that claim the same authority and version: each is refused, so neither can silently replace the
 * other, and the last good version of each stays live.
 */
function sameVersionClaims(loaded: readonly CompiledPack[]): Map<CompiledPack, PackProblem> {
  const byVersion = new Map<string, CompiledPack[]>();
  for (const pack of loaded) {
    const key = `${pack.pack.authorityId}\u0000${pack.ruleSet.version}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), pack]);
  }
  const claims = new Map<CompiledPack, PackProblem>();
  for (const packs of byVersion.values()) {
    if (packs.length < 2) continue;
    for (const pack of packs) {
      const others = packs.filter((p) => p !== pack).map((p) => p.file);
      claims.set(pack, {
        file: pack.file,
        pointer: '/version',
        severity: 'error',
        message: `${others.join(', ')} also claims ${pack.pack.authorityId} version ${pack.ruleSet.version}: both are refused until one is changed`,
      });
    }
  }
  return claims;
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

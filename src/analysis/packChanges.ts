// Which authorities' packs differ between two rule directories (by each version's sha256), and which two
// versions to compare: the newest changed version, as of the day it takes effect (or today, if in force).
import type { CompiledPack } from '../rules/compiledPack';
import { currentPack, packInForce, type RuleStore } from '../rules/loadRules';

export interface PackChange {
  readonly authority: string;
  readonly kind: 'changed' | 'added' | 'removed';
  readonly before: CompiledPack | null;
  readonly after: CompiledPack | null;
  readonly asOf: string;
  /** Every version on each side, e.g. for "2026.1 → 2026.1, 2027.1". */
  readonly versionsBefore: readonly CompiledPack[];
  readonly versionsAfter: readonly CompiledPack[];
}

const inForce = (pack: CompiledPack, day: string) =>
  pack.ruleSet.effectiveFrom <= day && day <= (pack.ruleSet.effectiveTo ?? '9999-12-31');

const shas = (versions: readonly CompiledPack[]) =>
  versions
    .map((v) => v.ruleSet.sha256)
    .sort()
    .join();

export function packChanges(before: RuleStore, after: RuleStore, today: string): PackChange[] {
  const authorities = [...new Set([...before.packs.keys(), ...after.packs.keys()])].sort();
  return authorities.flatMap((authority): PackChange[] => {
    const versionsBefore = before.packs.get(authority) ?? [];
    const versionsAfter = after.packs.get(authority) ?? [];
    if (shas(versionsBefore) === shas(versionsAfter)) return [];
    const common = { authority, versionsBefore, versionsAfter };
    if (!versionsAfter.length) {
      const old = currentPack(before, authority, today) ?? null;
      return [{ ...common, kind: 'removed', before: old, after: null, asOf: today }];
    }
    const known = new Set(versionsBefore.map((v) => v.ruleSet.sha256));
    const changed = versionsAfter.filter((v) => !known.has(v.ruleSet.sha256));
    const newer = changed[changed.length - 1] ?? currentPack(after, authority, today)!;
    const asOf = inForce(newer, today) ? today : newer.ruleSet.effectiveFrom;
    const old = versionsBefore.length
      ? (packInForce(before, authority, asOf) ?? currentPack(before, authority, today) ?? null)
      : null;
    return [{ ...common, kind: old ? 'changed' : 'added', before: old, after: newer, asOf }];
  });
}

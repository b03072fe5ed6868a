// What makes two rule stores decide alike: each pack file's sha256, the measures and the national defaults.
// A worker's own copy of the rules is used only while its fingerprint is the live store's.
import { createHash } from 'node:crypto';
import type { RuleStore } from '../rules/loadRules';

const fingerprints = new WeakMap<RuleStore, string>();

export function storeFingerprint(store: RuleStore): string {
  let fingerprint = fingerprints.get(store);
  if (fingerprint === undefined) {
    const hash = createHash('sha256').update(JSON.stringify(store.measures)).update(store.defaultsText);
    const packs = [...store.packs.values()].flat().map((p) => `${p.file}\u0000${p.ruleSet.sha256}`);
    for (const line of packs.sort()) hash.update(`\n${line}`);
    fingerprint = hash.digest('hex');
    fingerprints.set(store, fingerprint);
  }
  return fingerprint;
}

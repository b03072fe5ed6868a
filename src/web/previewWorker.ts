// The preview's worker thread (see staffWorkers.ts): its own copy of the rules, read from the rules directory
// and kept while it matches the live store, and the preview worked out against it.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { loadRules, type RuleStore } from '../rules/loadRules';
import { previewResult, type PreviewInput, type PreviewResult } from './previewWork';
import { storeFingerprint } from './storeFingerprint';

export interface PreviewTask extends PreviewInput {
  dir: string;
  /** The live store's fingerprint: the preview must be against the very same rules. */
  fingerprint: string;
}

/** `stale`: the rules on disk are not the live ones (an edit not yet reloaded, or one refused). */
export type PreviewAnswer = { result: PreviewResult } | { stale: true };

/**
 * On Linux, this thread alone at the lowest CPU priority: on a machine with few cores a preview then takes the
 * time the API leaves idle rather than the API's. /proc/thread-self names the thread; elsewhere, left as it is.
 */
function yieldCpuToTheApi(): void {
  try {
    os.setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
  } catch {
    // Not Linux, or not allowed: the preview runs at the usual priority.
  }
}
yieldCpuToTheApi();

let held: { fingerprint: string; store: RuleStore } | null = null;

export default async function preview(task: PreviewTask): Promise<PreviewAnswer> {
  if (held?.fingerprint !== task.fingerprint) {
    // Read as a reload would, from the last copy, so a version kept over a refused edit is kept here too.
    const store = loadRules(task.dir, new Date(), held?.store);
    held = { fingerprint: storeFingerprint(store), store };
  }
  if (held.fingerprint !== task.fingerprint) return { stale: true };
  return { result: await previewResult(held.store, task) };
}

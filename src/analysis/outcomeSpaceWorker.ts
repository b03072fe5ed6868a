// A helper thread of outcomeSpaceThreads.ts. It takes packs from the counter it shares with the other threads,
// reads each from its file (a compiled pack holds functions, so cannot be sent) and compiles it as the store
// did, and answers with their outcome spaces. A file that is no longer the text the store loaded is left to the
// main thread.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { RulePack } from '../generated/pack';
import { compilePack, type NationalDefaults } from '../rules/compilePack';
import { sha256Of, type MeasureInfo } from '../rules/loadRules';
import { outcomeSpace, type OutcomeSpace } from './outcomeSpace';

export interface PackRef {
  file: string;
  sha256: string;
  loadedAt: string;
}

export interface WorkerSetup {
  dir: string;
  defaultsText: string;
  measures: readonly MeasureInfo[];
  packs: readonly PackRef[];
  /** The index of the next pack to take, shared by every thread. */
  next: Int32Array;
}

/** Each pack this thread worked out, by its index. */
export type WorkerAnswer = [index: number, space: OutcomeSpace][];

function textOf(file: string): string | null {
  try {
    return readFileSync(path.join(setup.dir, file), 'utf8');
  } catch {
    return null;
  }
}

const setup = workerData as WorkerSetup;
const defaults = JSON.parse(setup.defaultsText) as NationalDefaults;
const catalogue = new Map(setup.measures.map((measure) => [measure.id, measure]));
const answer: WorkerAnswer = [];
for (let i = Atomics.add(setup.next, 0, 1); i < setup.packs.length; i = Atomics.add(setup.next, 0, 1)) {
  const { file, sha256, loadedAt } = setup.packs[i]!;
  const text = textOf(file);
  if (text === null || sha256Of(text) !== sha256) continue;
  // The very text the store validated, so plain JSON.parse reads it as the store did.
  const compiled = compilePack(JSON.parse(text) as RulePack, file, sha256, defaults, loadedAt);
  answer.push([i, outcomeSpace(compiled, catalogue)]);
}
parentPort!.postMessage(answer);

// Every pack's outcome space (outcomeSpace.ts), shared between this thread and helper threads when the store
// is large enough for their start-up to pay. Each thread takes the next pack from a shared counter as it comes
// free, since one pack's case space can be thousands of times another's; the spaces are kept in the packs'
// order, so the report is the same however they were shared.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../contract/projectRoot';
import type { CompiledPack } from '../rules/compiledPack';
import type { RuleStore } from '../rules/loadRules';
import { outcomeSpace, type OutcomeSpace } from './outcomeSpace';
import type { WorkerAnswer, WorkerSetup } from './outcomeSpaceWorker';

/** Fewer packs than this for each thread, and starting a thread costs more than its share of the work saves. */
export const packsPerThread = 100;

export const threadsFor = (packs: number, cores: number = os.availableParallelism()) =>
  Math.max(1, Math.min(cores, Math.floor(packs / packsPerThread)));

/** A helper thread's answers; none if it failed (its packs are then worked out here). */
export function helper(workerData: WorkerSetup): Promise<WorkerAnswer> {
  // From the sources (tests, a checkout with edits) the thread runs TypeScript as the CLI does; built, JavaScript.
  const extension = path.extname(__filename);
  const execArgv =
    extension === '.ts' ? ['--require', path.join(projectRoot(), 'scripts', 'register-ts.js')] : [];
  const worker = new Worker(path.join(__dirname, `outcomeSpaceWorker${extension}`), { workerData, execArgv });
  return new Promise((resolve) => {
    let answer: WorkerAnswer = [];
    worker.on('message', (message: WorkerAnswer) => (answer = message));
    worker.on('error', () => undefined);
    worker.on('exit', () => resolve(answer));
  });
}

/**
 * Starts the helper threads at once, so they start up while this thread does other work; `finish` then works
 * through the packs alongside them.
 */
export function startOutcomeSpaces(
  store: RuleStore,
  versions: readonly CompiledPack[],
  threads: number = threadsFor(versions.length),
): { finish: () => Promise<OutcomeSpace[]> } {
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const setup: WorkerSetup = {
    dir: store.dir,
    defaultsText: store.defaultsText,
    measures: store.measures,
    packs: versions.map(({ file, ruleSet, loadedAt }) => ({ file, sha256: ruleSet.sha256, loadedAt })),
    next,
  };
  const helpers = Array.from({ length: threads - 1 }, () => helper(setup));
  return {
    async finish() {
      const spaces = new Array<OutcomeSpace | undefined>(versions.length);
      for (let i = Atomics.add(next, 0, 1); i < versions.length; i = Atomics.add(next, 0, 1))
        spaces[i] = outcomeSpace(versions[i]!, store.measureById);
      for (const answer of await Promise.all(helpers)) for (const [i, space] of answer) spaces[i] = space;
      // Packs a helper took but did not answer for (a changed file, a failed thread).
      return Array.from(spaces, (space, i) => space ?? outcomeSpace(versions[i]!, store.measureById));
    },
  };
}

// The staff pages' work that takes seconds runs on a worker thread (piscina), so the API's decisions, served on
// the main thread, never wait behind it. One thread: the service runs on few cores, and the API needs one.
import path from 'node:path';
import Piscina from 'piscina';
import { projectRoot } from '../contract/projectRoot';
import type { RuleStore } from '../rules/loadRules';
import type { PreviewAnswer, PreviewTask } from './previewWorker';
import { previewResult, type PreviewInput, type PreviewResult } from './previewWork';
import { storeFingerprint } from './storeFingerprint';

/** Previews waiting for the thread at most; beyond that the page asks the officer to try again. */
const maxQueue = 4;

export class PreviewBusy extends Error {
  constructor() {
    super('too many previews are waiting');
  }
}

let pool: Piscina | null = null;

function previewPool(): Piscina {
  // From the sources (tests, the bench's sources) the worker runs TypeScript as the CLI does; built, JavaScript.
  const extension = path.extname(__filename);
  const execArgv =
    extension === '.ts' ? ['--require', path.join(projectRoot(), 'scripts', 'register-ts.js')] : [];
  pool ??= new Piscina({
    filename: path.join(__dirname, `previewWorker${extension}`),
    execArgv,
    minThreads: 0,
    maxThreads: 1,
    maxQueue,
    // The thread holds a copy of the rules: let it go when previews stop.
    idleTimeout: 60_000,
  });
  return pool;
}

/** The preview, worked out off the main thread; in it only when the rules on disk are not the live ones. */
export async function previewOffThread(store: RuleStore, input: PreviewInput): Promise<PreviewResult> {
  const work = previewPool();
  if (work.queueSize >= maxQueue) throw new PreviewBusy();
  const task: PreviewTask = { ...input, dir: store.dir, fingerprint: storeFingerprint(store) };
  const answer = (await work.run(task)) as PreviewAnswer;
  if ('result' in answer) return answer.result;
  return previewResult(store, input);
}

/** Stops the thread (tests, and a server closing down). */
export async function closeStaffWorkers(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}

// One bounded autocannon run over the load mix, on 127.0.0.1. Besides autocannon's own result it counts each
// answer by status and each client error by code, before and after a cut (the moment SIGTERM is sent), so
// the shutdown can be judged on what happened on either side of it.
import autocannon from 'autocannon';
import type { MixRequest } from './loadMix';

export interface Tally {
  readonly statuses: Record<string, number>;
  readonly errors: Record<string, number>;
}

export interface LoadOutcome {
  readonly result: autocannon.Result;
  readonly beforeCut: Tally;
  readonly afterCut: Tally;
}

export interface RunningLoad {
  /** From now on, answers and errors count as after the cut. */
  cut(): void;
  /** Ends the run early (it ends by itself after its duration). */
  stop(): void;
  readonly done: Promise<LoadOutcome>;
}

const emptyTally = (): Tally => ({ statuses: {}, errors: {} });
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

const errorCode = (error: unknown): string => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return code;
  return typeof message === 'string' && /timed out/.test(message) ? 'timeout' : 'other';
};

/** How a run ends: after a time, or after a number of answers (for a warm-up of a fixed amount of work). */
export type LoadBound = { readonly seconds: number } | { readonly requests: number };

export function startLoad(
  url: string,
  mix: readonly MixRequest[],
  bound: LoadBound,
  connections: number,
): RunningLoad {
  const beforeCut = emptyTally();
  const afterCut = emptyTally();
  let tally = beforeCut;
  let instance: autocannon.Instance | undefined;
  const done = new Promise<LoadOutcome>((resolve, reject) => {
    instance = autocannon(
      {
        url,
        connections,
        ...('seconds' in bound ? { duration: bound.seconds } : { amount: bound.requests }),
        timeout: 10,
        requests: mix.map(({ path, body }) => ({
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json' },
          body,
        })),
      },
      (error, result) => (error ? reject(error) : resolve({ result, beforeCut, afterCut })),
    );
    instance.on('response', (_client, statusCode) => bump(tally.statuses, String(statusCode)));
    instance.on('reqError', (error) => bump(tally.errors, errorCode(error)));
  });
  return {
    cut: () => (tally = afterCut),
    stop: () => instance?.stop(),
    done,
  };
}

// SIGTERM under load. A short burst runs; requests certainly in flight (see inFlight.ts: the server has begun
// each one) are finished only after the signal. The promises: those requests are answered in full, /readyz
// answers 503, new connections are refused, no answer is an error, and the process exits 0 within its drain
// timeout.
import type { Decision } from '../../src/contract/apiTypes';
import { check, type Check } from './check';
import {
  connectionRefused,
  startPost,
  startReadinessProbe,
  startSlowReader,
  type RawAnswer,
} from './inFlight';
import { startLoad, type Tally } from './load';
import type { MixRequest } from './loadMix';
import type { SoakServer } from './serverProcess';

export const shutdownSettings = {
  burstSeconds: 6,
  signalAfterMs: 1500,
  inFlightOfEachKind: 3,
  largeBatches: 4,
  largeBatchCases: 1000,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A batch of the largest size, made from the cases of the mix's batches. */
function largeBatch(mix: readonly MixRequest[], size: number): MixRequest {
  const cases = mix
    .filter((r) => r.kind === 'batch')
    .flatMap((r) => (JSON.parse(r.body) as { cases: unknown[] }).cases);
  const body = JSON.stringify({ cases: Array.from({ length: size }, (_, i) => cases[i % cases.length]) });
  return { ...mix.find((r) => r.kind === 'batch')!, body };
}

/** A whole, successful answer: 200, every byte, and decisions (not problems) in it. */
function answeredInFull(answer: RawAnswer | null, request: MixRequest): boolean {
  if (!answer || !answer.statusLine.startsWith('HTTP/1.1 200') || !answer.complete) return false;
  try {
    const body = JSON.parse(answer.body) as Decision | { results: Partial<Decision>[] };
    const decisions =
      request.kind === 'batch' && 'results' in body ? body.results : [body as Partial<Decision>];
    const expected =
      request.kind === 'batch' ? (JSON.parse(request.body) as { cases: unknown[] }).cases.length : 1;
    return (
      decisions.length === expected && decisions.every((d) => typeof d.decisionId === 'string' && d.outcome)
    );
  } catch {
    return false;
  }
}

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, n]) => `${key} ×${n}`)
    .join(', ') || 'none';

const total = (record: Record<string, number>) => Object.values(record).reduce((sum, n) => sum + n, 0);
const non2xx = (tally: Tally) =>
  total(Object.fromEntries(Object.entries(tally.statuses).filter(([s]) => !s.startsWith('2'))));

export async function shutDownUnderLoad(
  server: SoakServer,
  mix: readonly MixRequest[],
  connections: number,
): Promise<Check[]> {
  const { burstSeconds, signalAfterMs, inFlightOfEachKind, largeBatches, largeBatchCases } = shutdownSettings;
  const burst = startLoad(server.url, mix, { seconds: burstSeconds }, connections);
  await sleep(signalAfterMs);

  const requests = [
    ...mix.filter((r) => r.kind === 'batch').slice(0, inFlightOfEachKind),
    ...mix.filter((r) => r.kind === 'single').slice(0, inFlightOfEachKind),
  ];
  const inFlight = requests.map((r) => startPost(server.port, r.path, r.body));
  const large = largeBatch(mix, largeBatchCases);
  const slowReaders = Array.from({ length: largeBatches }, () =>
    startSlowReader(server.port, large.path, large.body),
  );
  const readiness = startReadinessProbe(server.port);
  const begun = await within(
    Promise.all([...inFlight, ...slowReaders, readiness].map((r) => r.begun)),
    10_000,
  );
  await sleep(100); // let the server read the probe's unfinished headers

  const signalledAt = performance.now();
  burst.cut();
  server.signal('SIGTERM');
  await sleep(200);
  const newConnection = await connectionRefused(server.port);
  for (const request of [...inFlight, ...slowReaders, readiness]) request.finish();

  const answers = await within(Promise.all(inFlight.map((r) => r.answer)), server.drainTimeoutMs + 2000);
  const largeAnswers = await within(
    Promise.all(slowReaders.map((r) => r.answer)),
    server.drainTimeoutMs + 2000,
  );
  const readyAnswer = await within(readiness.answer, 2000);
  const exit = await within(server.exited, server.drainTimeoutMs + 5000);
  if (exit === 'timed out') server.signal('SIGKILL');
  burst.stop();
  const outcome = await burst.done;

  const completed =
    answers === 'timed out' ? 0 : answers.filter((a, i) => answeredInFull(a, requests[i]!)).length;
  const largeCompleted =
    largeAnswers === 'timed out' ? 0 : largeAnswers.filter((a) => answeredInFull(a, large)).length;
  const exitMs = exit === 'timed out' ? null : exit.at - signalledAt;
  const batches = requests.filter((r) => r.kind === 'batch').length;
  const { beforeCut, afterCut } = outcome;
  const refusedAfter = afterCut.errors.ECONNREFUSED ?? 0;
  const otherAfter = total(afterCut.errors) - refusedAfter;
  return [
    check(
      'in-flight requests complete after SIGTERM',
      begun !== 'timed out' && completed === requests.length,
      begun === 'timed out'
        ? 'the server did not begin every request within 5 s, so none could be in flight'
        : `${completed}/${requests.length} answered 200 in full (${batches} batches, ${requests.length - batches} single decisions; headers and half the body in before the signal)`,
    ),
    check(
      `${largeBatchCases.toLocaleString('en-GB')}-case answers not yet read at SIGTERM arrive whole`,
      begun !== 'timed out' && largeCompleted === largeBatches,
      `${largeCompleted}/${largeBatches} answered 200 in full (each client stopped reading at the answer's first bytes until after the signal)`,
    ),
    check(
      '/readyz answers 503 while draining',
      readyAnswer !== 'timed out' && !!readyAnswer?.statusLine.startsWith('HTTP/1.1 503'),
      readyAnswer === 'timed out'
        ? 'no answer'
        : `${readyAnswer?.statusLine ?? 'connection closed without an answer'} (on a connection opened before the signal)`,
    ),
    check('new connections are refused after SIGTERM', newConnection === 'ECONNREFUSED', newConnection),
    check(
      'exits 0 within the drain timeout',
      exit !== 'timed out' && exit.code === 0 && exitMs !== null && exitMs <= server.drainTimeoutMs,
      exit === 'timed out'
        ? `still running after ${(server.drainTimeoutMs + 5000) / 1000} s: killed`
        : `exit code ${exit.code ?? exit.signal}, ${Math.round(exitMs!)} ms after SIGTERM (drain timeout ${server.drainTimeoutMs / 1000} s)`,
    ),
    check(
      'burst under SIGTERM: no error answer, no client error before the signal',
      non2xx(beforeCut) + non2xx(afterCut) === 0 && total(beforeCut.errors) === 0,
      `answers before: ${counts(beforeCut.statuses)}; after: ${counts(afterCut.statuses)}; ` +
        `client errors before: ${counts(beforeCut.errors)}; after: ECONNREFUSED ×${refusedAfter} (new connections, expected)` +
        (otherAfter
          ? `; ${counts(Object.fromEntries(Object.entries(afterCut.errors).filter(([c]) => c !== 'ECONNREFUSED')))}` +
            ' (autocannon ignores Connection: close and writes its next request as the server closes)'
          : ''),
    ),
  ];
}

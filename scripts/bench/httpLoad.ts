// Figure 2: the decision endpoint under load against a minimal express JSON echo, with the same client
// (autocannon), concurrency, body and duration, each server in its own process on 127.0.0.1.
import autocannon from 'autocannon';
import { contractExampleBody } from './bodies';
import { type Figure, ms, percent, times, us } from './report';
import type { ServerProcess } from './serverProcess';
import { median } from './stats';

/**
 * Rounds alternate between the two servers, so that a busy moment on the machine does not favour either, and
 * the ratio is the median of each pair of neighbouring rounds' ratios: on this shared machine the speed of
 * both servers drifts by a third from one second to the next, and a pair is measured under the same drift.
 * Short rounds keep a pair close together, and the order within a pair swaps each round (ABBA), so that a drift
 * over the pair favours neither server. Three repeats of the figure gave medians of 85.4%, 86.6% and 85.0% with
 * 18 rounds of 1 s taken in turn, against 85.7%, 81.7% and 95.7% with 9 rounds of 2 s, ours always first.
 */
export const loadSettings = { connections: 10, warmUpSeconds: 1, rounds: 18, secondsPerRound: 1 };

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

/** One autocannon run: the contract example posted to `url` for `seconds`, at the figure's concurrency. */
export async function load(url: string, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: contractExampleBody,
    connections: loadSettings.connections,
    duration: seconds,
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors,
  };
}

/**
 * `loadSettings.rounds` runs against each of two URLs, taken in turn: A then B, B then A, and so on. Each URL's
 * results are in round order, so that the nth of each list make a pair.
 */
export async function loadInTurns(urls: readonly [string, string]): Promise<[LoadResult[], LoadResult[]]> {
  const results: [LoadResult[], LoadResult[]] = [[], []];
  for (let round = 0; round < loadSettings.rounds; round++) {
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const i of order) results[i]!.push(await load(urls[i]!, loadSettings.secondsPerRound));
  }
  return results;
}

/** The median of each measure over the rounds, and every failure. */
export function summary(results: readonly LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    failed: results.reduce((sum, r) => sum + r.failed, 0),
  };
}

/** A per-request time of ours beside the echo's (both in milliseconds), where the issue sets no target. */
const perRequestAgainstEcho = (name: string, ours: number, echo: number): Figure => ({
  name,
  ours: us(ours),
  baseline: `express JSON echo: ${us(echo)}`,
  ratio: times(ours / echo),
  target: '',
  met: null,
});

export async function httpLoad(
  decisions: ServerProcess,
  echo: ServerProcess,
  authorityId: string,
): Promise<Figure[]> {
  const decisionUrl = `${decisions.url}/v1/authorities/${authorityId}/decisions`;
  const echoUrl = `${echo.url}/echo`;
  await load(decisionUrl, loadSettings.warmUpSeconds);
  await load(echoUrl, loadSettings.warmUpSeconds);
  const serverTimes = () =>
    Promise.all([decisions, echo].map((s) => s.ask({ type: 'server-times' }, 'server-times')));
  await serverTimes(); // forget the warm-up
  const [oursRounds, echoRounds] = await loadInTurns([decisionUrl, echoUrl]);
  const reports = await serverTimes();
  const [oursServer, echoServer] = reports.map(({ ms: times }) => median(times)) as [number, number];
  // CPU milliseconds per request.
  const [oursCpu, echoCpu] = reports.map((r) => r.cpuMicros / 1000 / r.ms.length) as [number, number];
  const ours = summary(oursRounds);
  const baseline = summary(echoRounds);
  const pairRatios = oursRounds.map((round, i) => round.requestsPerSecond / echoRounds[i]!.requestsPerSecond);
  const pairedRatio = median(pairRatios);
  const pairRange = `${percent(Math.min(...pairRatios))}–${percent(Math.max(...pairRatios))}`;
  const { connections, rounds, secondsPerRound } = loadSettings;
  const setting = `${connections} connections, ${rounds}×${secondsPerRound} s, ${Buffer.byteLength(contractExampleBody)} B body`;
  const failures = ours.failed + baseline.failed;
  const note = failures ? ` (${failures} failed requests!)` : '';
  return [
    {
      name: `2 HTTP decisions: req/s, median of rounds; ratio, median of paired rounds, taken in turn (${setting})${note}`,
      ours: `${Math.round(ours.requestsPerSecond)} req/s`,
      baseline: `express JSON echo: ${Math.round(baseline.requestsPerSecond)} req/s`,
      ratio: `${percent(pairedRatio)} (pairs ${pairRange})`,
      target: '≥ 80% of echo',
      met: failures === 0 && pairedRatio >= 0.8,
    },
    {
      name: '2 HTTP decisions: p99 latency (p50 in brackets), median of rounds',
      ours: `${ms(ours.p99)} (${ms(ours.p50)})`,
      baseline: `express JSON echo: ${ms(baseline.p99)} (${ms(baseline.p50)})`,
      ratio: times(ours.p99 / baseline.p99),
      target: '≤ 2× echo',
      met: failures === 0 && ours.p99 <= 2 * baseline.p99,
    },
    perRequestAgainstEcho(
      '2 HTTP decisions: server CPU per request (user + system, whole process, all rounds)',
      oursCpu,
      echoCpu,
    ),
    perRequestAgainstEcho(
      '2 HTTP decisions: server time per request, median (arrival to response end)',
      oursServer,
      echoServer,
    ),
  ];
}

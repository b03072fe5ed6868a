// Figure 2: the decision endpoint under load against a minimal express JSON echo, with the same client
// (autocannon), concurrency, body and duration, each server in its own process on 127.0.0.1. The decision server
// is measured twice in the same rounds: logging as `npm start` does by default (LOG_LEVEL=info, one line per
// request, to a file), the main figure, and with logging off.
import autocannon from 'autocannon';
import { contractExampleBody } from './bodies';
import { type Figure, ms, percent, times, us } from './report';
import type { ServerProcess } from './serverProcess';
import { median } from './stats';

/**
 * Rounds alternate between the servers, so that a busy moment on the machine does not favour any, and a ratio
 * is the median of neighbouring rounds' ratios: on a shared machine the speed of every server drifts from one
 * second to the next, and neighbouring rounds are measured under the same drift. Short rounds keep them close
 * together, and the order swaps each round (ABBA), so that a drift over a turn favours no server. The README
 * gives the repeats that chose these settings.
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
 * `loadSettings.rounds` runs against each URL, taken in turn: A, B, C, then C, B, A, and so on. Each URL's
 * results are in round order, so that the nth of each list were measured side by side.
 */
export async function loadInTurns(urls: readonly string[]): Promise<LoadResult[][]> {
  const results: LoadResult[][] = urls.map(() => []);
  const forward = urls.map((_, i) => i);
  const backward = [...forward].reverse();
  for (let round = 0; round < loadSettings.rounds; round++) {
    for (const i of round % 2 ? backward : forward)
      results[i]!.push(await load(urls[i]!, loadSettings.secondsPerRound));
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

interface Measured {
  rounds: LoadResult[];
  /** Median server time per request, and CPU per request (both ms). */
  serverMs: number;
  cpuMs: number;
}

/** The figure's rows for one way of running the decision server, against the echo's rounds. */
function rows(label: string, ours: Measured, echo: Measured, p99Times: number): Figure[] {
  const summaryOurs = summary(ours.rounds);
  const baseline = summary(echo.rounds);
  const pairRatios = ours.rounds.map(
    (round, i) => round.requestsPerSecond / echo.rounds[i]!.requestsPerSecond,
  );
  const pairedRatio = median(pairRatios);
  const pairRange = `${percent(Math.min(...pairRatios))}–${percent(Math.max(...pairRatios))}`;
  const { connections, rounds, secondsPerRound } = loadSettings;
  const setting = `${connections} connections, ${rounds}×${secondsPerRound} s, ${Buffer.byteLength(contractExampleBody)} B body`;
  const failures = summaryOurs.failed + baseline.failed;
  const note = failures ? ` (${failures} failed requests!)` : '';
  return [
    {
      name: `2 HTTP decisions, ${label}: req/s, median of rounds; ratio, median of rounds' ratios, taken in turn (${setting})${note}`,
      ours: `${Math.round(summaryOurs.requestsPerSecond)} req/s`,
      baseline: `express JSON echo: ${Math.round(baseline.requestsPerSecond)} req/s`,
      ratio: `${percent(pairedRatio)} (rounds ${pairRange})`,
      target: '≥ 80% of echo',
      met: failures === 0 && pairedRatio >= 0.8,
    },
    {
      name: `2 HTTP decisions, ${label}: p99 latency (p50 in brackets), median of rounds`,
      ours: `${ms(summaryOurs.p99)} (${ms(summaryOurs.p50)})`,
      baseline: `express JSON echo: ${ms(baseline.p99)} (${ms(baseline.p50)})`,
      ratio: times(summaryOurs.p99 / baseline.p99),
      target: `≤ ${p99Times}× echo`,
      met: failures === 0 && summaryOurs.p99 <= p99Times * baseline.p99,
    },
    perRequestAgainstEcho(
      `2 HTTP decisions, ${label}: server CPU per request (user + system, whole process, all rounds)`,
      ours.cpuMs,
      echo.cpuMs,
    ),
    perRequestAgainstEcho(
      `2 HTTP decisions, ${label}: server time per request, median (arrival to response end)`,
      ours.serverMs,
      echo.serverMs,
    ),
  ];
}

/**
 * `logged`: the decision server logging as by default; `silent`: the same with logging off; `echo`: the
 * baseline. All three in the same rounds, taken in turn.
 */
export async function httpLoad(
  logged: ServerProcess,
  silent: ServerProcess,
  echo: ServerProcess,
  authorityId: string,
): Promise<Figure[]> {
  const servers = [logged, silent, echo];
  const decisionPath = `/v1/authorities/${authorityId}/decisions`;
  const urls = [`${logged.url}${decisionPath}`, `${silent.url}${decisionPath}`, `${echo.url}/echo`];
  for (const url of urls) await load(url, loadSettings.warmUpSeconds);
  const serverTimes = () => Promise.all(servers.map((s) => s.ask({ type: 'server-times' }, 'server-times')));
  await serverTimes(); // forget the warm-up
  const results = await loadInTurns(urls);
  const reports = await serverTimes();
  const [oursLogged, oursSilent, baseline] = reports.map((report, i): Measured => ({
    rounds: results[i]!,
    serverMs: median(report.ms),
    cpuMs: report.cpuMicros / 1000 / report.ms.length,
  })) as [Measured, Measured, Measured];
  return [
    ...rows('default logging (LOG_LEVEL=info, to a file)', oursLogged, baseline, 1.5),
    ...rows('logging off', oursSilent, baseline, 2),
  ];
}

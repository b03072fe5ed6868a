// The one table `npm run soak` prints, and its verdict: the run passes only if every row with a target met it.
import type autocannon from 'autocannon';
import type { Check } from './check';
import type { Trend } from './memory';

export interface Row {
  readonly measure: string;
  readonly value: string;
  readonly target: string;
  /** Whether the target was met; null for rows that only inform. */
  readonly met: boolean | null;
}

/**
 * Growth of the floor over the second half of the load that still counts as noise. The live JS heap is what a
 * leak in the service's code raises, and its floor is steady to a few MB. RSS also holds the allocator's pages
 * (large answers come and go as buffers outside the heap); with the heap flat it has been seen to step up by up
 * to 50 MB within 30 s and then stay, so its bound is looser: it is there to catch a native leak.
 */
export const heapNoiseBytes = 10 * 1024 * 1024;
export const rssNoiseBytes = 64 * 1024 * 1024;

/**
 * Growth is judged only when the second half lasts at least this long (a run of 60 s or more): in a shorter run
 * the heap may still be stepping up to its working size, and the floor has too few GC cycles to show a trend.
 */
export const memoryJudgedFromHalfSeconds = 28;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const signedMb = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
const msText = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const info = (measure: string, value: string): Row => ({ measure, value, target: '', met: null });

export function loadRows(result: autocannon.Result, settings: string): Row[] {
  const byStatus = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, { count }]) => `${status} ×${count ?? 0}`);
  const errors = result.errors;
  return [
    info('Load', settings),
    info(
      'Requests answered',
      `${result.requests.total.toLocaleString('en-GB')} (${result.requests.sent.toLocaleString('en-GB')} sent)`,
    ),
    info('Requests per second', Math.round(result.requests.total / result.duration).toLocaleString('en-GB')),
    {
      measure: 'Client errors (connection, timeout)',
      value: `${errors} (timeouts ${result.timeouts})`,
      target: '0',
      met: errors === 0,
    },
    // Every body is a valid case for a live authority, so anything but 2xx is a failure, 4xx included: a pack
    // that vanished during a reload would show as 404, not 5xx.
    {
      measure: 'Non-2xx answers by status',
      value: byStatus.join(', ') || 'none',
      target: 'none',
      met: byStatus.length === 0,
    },
    { measure: '5xx answers', value: String(result['5xx']), target: '0', met: result['5xx'] === 0 },
    info(
      'Latency p50 / p99 / max (2xx)',
      `${msText(result.latency.p50)} / ${msText(result.latency.p99)} / ${msText(result.latency.max)}`,
    ),
  ];
}

/** The warm-up is not measured, but an error in it is still an error. */
export function warmUpRows(result: autocannon.Result): Row[] {
  const failed = result.errors + result.non2xx;
  return [
    {
      measure: 'Warm-up (not measured)',
      value: `${result.requests.total.toLocaleString('en-GB')} requests in ${result.duration.toFixed(0)} s; ${result.errors} client errors, ${result.non2xx} non-2xx`,
      target: 'no failures',
      met: failed === 0,
    },
  ];
}

/** A floor trend as a row: judged against `noise` when the run was long enough, otherwise shown only. */
function floorRow(measure: string, trend: Trend, noise: number): Row {
  const judged = trend.secondHalfSeconds >= memoryJudgedFromHalfSeconds;
  return {
    measure,
    value: `${signedMb(trend.floorSlopePerMinute)}/min (${signedMb(trend.floorGrowth)} over ${trend.secondHalfSeconds.toFixed(0)} s)`,
    target: judged ? `growth ≤ ${mb(noise)}` : 'judged on runs of ≥ 60 s',
    met: judged ? trend.floorGrowth <= noise : null,
  };
}

export function memoryRows(idleRss: number | null, rss: Trend | null, heapUsed: Trend | null): Row[] {
  if (idleRss === null || !rss || !heapUsed)
    return [
      {
        measure: 'Server memory',
        value: 'not measured (RSS needs /proc; the heap comes from /metrics)',
        target: 'measured',
        met: false,
      },
    ];
  return [
    info('Server RSS idle, before the warm-up', mb(idleRss)),
    info(
      'Server RSS start / median / end / max',
      `${mb(rss.start)} / ${mb(rss.median)} / ${mb(rss.end)} / ${mb(rss.max)}`,
    ),
    info('Server RSS slope, second half', `${signedMb(rss.slopePerMinute)}/min`),
    floorRow('Server RSS floor (after GC), second half', rss, rssNoiseBytes),
    info(
      'JS heap in use start / median / max',
      `${mb(heapUsed.start)} / ${mb(heapUsed.median)} / ${mb(heapUsed.max)}`,
    ),
    floorRow('JS heap in use, floor (live set), second half', heapUsed, heapNoiseBytes),
  ];
}

export const checkRows = (checks: readonly Check[]): Row[] =>
  checks.map((c) => ({ measure: c.name, value: c.detail, target: 'holds', met: c.passed }));

const metText = (met: boolean | null) => (met === null ? '' : met ? 'yes' : 'NO');

/** A Markdown table: it reads in a terminal and pastes into a README or an issue as it is. */
export function table(rows: readonly Row[]): string {
  const header = ['Measure', 'Value', 'Target', 'Met'];
  const cells = rows.map((r) => [r.measure, r.value, r.target, metText(r.met)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export const failures = (rows: readonly Row[]): Row[] => rows.filter((r) => r.met === false);

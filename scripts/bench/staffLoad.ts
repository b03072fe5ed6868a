// Figure 9 (issue 18): the staff pages never hold up the API. The API's p99 for single decisions alone, then
// with the staff pages under load (checks of an ineligible case, the home page, a preview upload), rounds of
// each taken in turn, against the bench's decisions server on 127.0.0.1.
import http from 'node:http';
import autocannon from 'autocannon';
import { currentPack, type RuleStore } from '../../src/rules/loadRules';
import { ukClock } from '../../src/services/decisionService';
import { ineligibleAtDartford } from '../../test/support/caseAnswers';
import { contractExampleBody } from './bodies';
import type { CompiledCopy } from './compiledCopy';
import { type Figure, ms, times } from './report';
import { startServer } from './serverProcess';
import { median } from './stats';

export const staffLoadSettings = {
  rounds: 8,
  secondsPerRound: 2,
  /** The case systems' load: a steady rate, below what the server can take, so p99 shows waiting, not a queue. */
  connections: 10,
  requestsPerSecond: 400,
  /** Staff clients at once: checking cases, opening the home page, previewing a change. */
  checkers: 2,
  browsers: 1,
  previewers: 1,
};

// The staff pages limit checks per address: each staff request comes from its own loopback address.
let nextAddress = 0;
const loopbackAddress = () => {
  nextAddress = (nextAddress + 1) % 65_000;
  return `127.0.${1 + Math.floor(nextAddress / 250)}.${1 + (nextAddress % 250)}`;
};

function send(url: string, method: string, headers: Record<string, string>, body?: Buffer | string) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress: loopbackAddress() }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${url}: no answer in 60 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

function multipart(name: string, file: string, content: string): { type: string; body: Buffer } {
  const boundary = 'staffLoadBoundary7MA4YWxkTrZu0gW';
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file}"\r\n` +
      `Content-Type: application/json\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return { type: `multipart/form-data; boundary=${boundary}`, body };
}

/** Staff requests, one client after another, until `until` (performance.now()); their statuses counted. */
async function staffClients(base: string, store: RuleStore, until: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const checkBody = new URLSearchParams({ authority: 'dartford' });
  for (const [key, value] of Object.entries(ineligibleAtDartford))
    for (const v of [value].flat()) checkBody.append(key, v);
  const pack = structuredClone(currentPack(store, 'dartford', ukClock.today())!.pack);
  pack.version = `${pack.version}-proposed`;
  pack.tables.eligibility?.rows.pop();
  const upload = multipart('proposal', 'dartford.json', JSON.stringify(pack));
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const client = async (request: () => Promise<number>) => {
    while (performance.now() < until) count(await request());
  };
  const { checkers, browsers, previewers } = staffLoadSettings;
  await Promise.all([
    ...Array.from({ length: checkers }, () =>
      client(() => send(`${base}/check`, 'POST', form, checkBody.toString())),
    ),
    ...Array.from({ length: browsers }, () => client(() => send(`${base}/`, 'GET', {}))),
    ...Array.from({ length: previewers }, () =>
      client(() =>
        send(`${base}/authorities/dartford/preview`, 'POST', { 'content-type': upload.type }, upload.body),
      ),
    ),
  ]);
  return statuses;
}

async function apiRound(url: string, seconds: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: contractExampleBody,
    connections: staffLoadSettings.connections,
    overallRate: staffLoadSettings.requestsPerSecond,
    duration: seconds,
  });
  return { p99: result.latency.p99, failed: result.non2xx + result.errors };
}

/** The figure's rows; `store` is the bundled rules the server also loads (for the proposal uploaded). */
export async function staffLoad(copy: CompiledCopy, store: RuleStore): Promise<Figure[]> {
  const server = await startServer('decisions', copy);
  try {
    const api = `${server.url}/v1/authorities/dartford/decisions`;
    const { rounds, secondsPerRound } = staffLoadSettings;
    // Warm-up: the API, the pages, and the preview's worker thread.
    await Promise.all([apiRound(api, 1), staffClients(server.url, store, performance.now() + 3000)]);
    const alone: number[] = [];
    const loaded: number[] = [];
    const statuses = new Map<number, number>();
    let failed = 0;
    for (let round = 0; round < rounds; round++) {
      // Taken in turn, the order swapped each round (ABBA), so a drift in the machine's speed favours neither.
      for (const withStaff of round % 2 ? [true, false] : [false, true]) {
        const staff = withStaff
          ? staffClients(server.url, store, performance.now() + secondsPerRound * 1000)
          : null;
        const result = await apiRound(api, secondsPerRound);
        failed += result.failed;
        (withStaff ? loaded : alone).push(result.p99);
        for (const [status, n] of (await staff) ?? []) statuses.set(status, (statuses.get(status) ?? 0) + n);
      }
    }
    const ratios = loaded.map((p99, i) => p99 / Math.max(alone[i]!, 1));
    const ratio = median(ratios);
    const staffStatus = [...statuses].map(([status, n]) => `${n}×${status}`).join(', ');
    const note = failed ? ` (${failed} failed API requests!)` : '';
    const { connections, requestsPerSecond, checkers, browsers, previewers } = staffLoadSettings;
    return [
      {
        name:
          `9 API p99 with the staff pages under load: ${requestsPerSecond} decisions/s on ${connections} connections, ` +
          `${checkers} checking, ${browsers} on the home page, ${previewers} previewing; ${rounds}×${secondsPerRound} s ` +
          `rounds each way, taken in turn; median of rounds (staff answers: ${staffStatus})${note}`,
        ours: ms(median(loaded)),
        baseline: `API alone: ${ms(median(alone))}`,
        ratio: `${times(ratio)} (pairs ${times(Math.min(...ratios))}–${times(Math.max(...ratios))})`,
        target: '≤ 1.5× API alone',
        met: failed === 0 && ratio <= 1.5,
      },
    ];
  } finally {
    await server.stop();
  }
}

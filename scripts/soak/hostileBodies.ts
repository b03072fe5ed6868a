// Resource abuse, as the Deployment runs the service (its heap cap and memory limit): ten 8 MB bodies of nested
// brackets at once, then a hundred valid 8 MB batches at once. The promises: every nested body is refused (400,
// or 503 unread when the body budget is full), every batch is answered 200 or 503 with Retry-After (never a crash
// or a 5xx of another kind), RSS stays below the pod's memory limit, and /healthz keeps answering promptly.
import http from 'node:http';
import { check, type Check } from './check';
import type { MixRequest } from './loadMix';
import { readRss } from './memory';
import type { SoakServer } from './serverProcess';

export const podMemoryLimitBytes = 512 * 1024 * 1024;
const healthzTarget = 100;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const eightMb = 8 * 1024 * 1024;

interface Answer {
  status: number | string;
  retryAfter: string | undefined;
}

/** The answer's status as soon as it comes: a client still sending its body may see the connection close after. */
function post(port: number, body: Buffer): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/v1/decisions/batch',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.on('error', () => undefined);
        resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: error.code ?? 'error', retryAfter: undefined }),
    );
    req.end(body);
  });
}

/** RSS and /healthz latency, sampled every 50 ms while `work` runs. */
async function watched<T>(server: SoakServer, work: Promise<T>) {
  let peakRss = readRss(server.pid) ?? 0;
  const healthz: number[] = [];
  let running = true;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, readRss(server.pid) ?? 0)), 50);
  const probe = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${server.url}/healthz`).then(
        (r) => r.arrayBuffer(),
        () => undefined,
      );
      healthz.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await work;
  running = false;
  clearInterval(rssTimer);
  await probe;
  const sorted = [...healthz].sort((a, b) => a - b);
  return {
    result,
    peakRss,
    healthzMax: sorted.at(-1) ?? 0,
    healthzMedian: sorted[Math.floor(sorted.length / 2)] ?? 0,
  };
}

const tally = (answers: readonly Answer[]) => {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[String(a.status)] = (counts[String(a.status)] ?? 0) + 1;
  return Object.entries(counts)
    .map(([status, n]) => `${status} ×${n}`)
    .join(', ');
};

/** A valid batch of up to 1,000 of the mix's cases, padded with spaces to 8 MB. */
function validEightMbBatch(mix: readonly MixRequest[]): Buffer {
  const cases = mix
    .filter((r) => r.kind === 'batch')
    .flatMap((r) => (JSON.parse(r.body) as { cases: unknown[] }).cases)
    .slice(0, 1000);
  const json = JSON.stringify({ cases });
  return Buffer.from(json.slice(0, -1) + ' '.repeat(eightMb - json.length - 1) + '}');
}

export async function hostileBodies(server: SoakServer, mix: readonly MixRequest[]): Promise<Check[]> {
  const nested = Buffer.from('['.repeat(eightMb / 2) + ']'.repeat(eightMb / 2));
  const deep = await watched(
    server,
    Promise.all(Array.from({ length: 10 }, () => post(server.port, nested))),
  );
  const batch = validEightMbBatch(mix);
  const flood = await watched(
    server,
    Promise.all(Array.from({ length: 100 }, () => post(server.port, batch))),
  );
  const floodOk = flood.result.every(
    (a) => a.status === 200 || (a.status === 503 && a.retryAfter !== undefined),
  );
  const answered = await post(server.port, validEightMbBatch(mix));
  return [
    check(
      'ten 8 MB bodies of nested brackets at once: each 400, or 503 with Retry-After unread; RSS under the pod limit',
      deep.result.every((a) => a.status === 400 || (a.status === 503 && a.retryAfter !== undefined)) &&
        deep.peakRss < podMemoryLimitBytes,
      `${tally(deep.result)}; peak RSS ${mb(deep.peakRss)} (limit ${mb(podMemoryLimitBytes)})`,
    ),
    check(
      `/healthz under ${healthzTarget} ms during the nested bodies`,
      deep.healthzMax < healthzTarget,
      `median ${deep.healthzMedian.toFixed(1)} ms, max ${deep.healthzMax.toFixed(1)} ms`,
    ),
    check(
      'a hundred valid 8 MB batches at once: each 200 or 503 with Retry-After, RSS under the pod limit',
      floodOk && flood.peakRss < podMemoryLimitBytes && answered.status === 200,
      `${tally(flood.result)}; peak RSS ${mb(flood.peakRss)}; a batch afterwards: ${answered.status}`,
    ),
    check(
      `/healthz under ${healthzTarget} ms during the batches`,
      flood.healthzMax < healthzTarget,
      `median ${flood.healthzMedian.toFixed(1)} ms, max ${flood.healthzMax.toFixed(1)} ms`,
    ),
  ];
}

// Sends generated requests to the express app, in-process on 127.0.0.1 over keep-alive connections, and checks
// every answer. Shared by `npm run fuzz` (100,000 requests) and the sample in `npm test`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { createApp } from '../../../src/http/app';
import { silentLogger } from '../../../src/logger';
import type { RuleStore } from '../../../src/rules/loadRules';
import { RuleService } from '../../../src/services/ruleService';
import { violations } from './checkAnswer';
import { get, send, type Answer } from './httpClient';
import { fuzzRequest, pollutionMarker, type Family, type FuzzRequest } from './requests';
import { fuzzWorld } from './world';

export interface FuzzOptions {
  count: number;
  store: RuleStore;
  /** The service's clock: the default asOf. */
  today: string;
  /** The same seed and count replay the same requests in the same order. */
  seed: number;
  concurrency?: number;
  /** How many failures to keep in full. */
  keep?: number;
}

export interface Failure {
  index: number;
  family: Family;
  request: string;
  answer: string;
  problems: string[];
}

export interface FuzzReport {
  seed: number;
  total: number;
  elapsedMs: number;
  byStatus: Record<string, number>;
  byFamily: Partial<Record<Family, Record<string, number>>>;
  failureCount: number;
  failures: Failure[];
  /** /healthz still answers 200 after the run. */
  serverAlive: boolean;
  /** A request managed to add a property to Object.prototype. */
  prototypePolluted: boolean;
}

const preview = (bytes: Buffer | null, length = 240) =>
  bytes === null
    ? '(no body)'
    : `${bytes.length} bytes: ${JSON.stringify(bytes.toString('utf8', 0, length))}`;

const describeRequest = (r: FuzzRequest) => `POST ${r.path} ${JSON.stringify(r.headers)} ${preview(r.body)}`;

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

export async function fuzzApi(options: FuzzOptions): Promise<FuzzReport> {
  const { count, store, today, seed, concurrency = 16, keep = 20 } = options;
  const app = createApp({ rules: new RuleService(store), clock: { today: () => today }, log: silentLogger });
  const server = http.createServer(app);
  const port = await listen(server);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const arbitrary = fuzzRequest(fuzzWorld(store, today));

  const report: FuzzReport = {
    seed,
    total: 0,
    elapsedMs: 0,
    byStatus: {},
    byFamily: {},
    failureCount: 0,
    failures: [],
    serverAlive: false,
    prototypePolluted: false,
  };
  const tally = (family: Family, status: string) => {
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
    const row = (report.byFamily[family] ??= {});
    row[status] = (row[status] ?? 0) + 1;
  };
  const fail = (index: number, request: FuzzRequest, answer: string, problems: string[]) => {
    report.failureCount += 1;
    if (report.failures.length < keep)
      report.failures.push({
        index,
        family: request.family,
        request: describeRequest(request),
        answer,
        problems,
      });
  };

  // Requests are generated in chunks as the workers need them, so memory stays flat however many are sent.
  const chunkSize = 256;
  let pending: FuzzRequest[] = [];
  let generated = 0;
  const next = (): [FuzzRequest, number] | null => {
    if (generated >= count) return null;
    if (!pending.length)
      pending = fc.sample(arbitrary, {
        numRuns: Math.min(chunkSize, count - generated),
        seed: (seed + generated) | 0,
      });
    return [pending.shift()!, generated++];
  };

  const started = process.hrtime.bigint();
  const worker = async () => {
    for (let item = next(); item; item = next()) {
      const [request, index] = item;
      let answer: Answer;
      try {
        answer = await send(agent, port, request);
      } catch (error) {
        tally(request.family, 'no answer');
        fail(index, request, 'no answer', [(error as Error).message]);
        continue;
      }
      tally(request.family, String(answer.status));
      const problems = violations(request, answer);
      if (problems.length)
        fail(index, request, `${answer.status} ${preview(answer.body, 400)}`, problems.slice(0, 8));
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    report.elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    report.total = generated;
    report.serverAlive = (await get(agent, port, '/healthz').catch(() => 0)) === 200;
    report.prototypePolluted = pollutionMarker in Object.prototype;
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return report;
}

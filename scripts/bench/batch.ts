// Figure 3: a 1,000-case batch across every authority, timed as server time (request in, answer out), in
// process as the decide loop and the answers' JSON, and as a client round trip; against the same 1,000 cases
// through the naive engine.
import type { Case } from '../../src/contract/apiTypes';
import { packInForce, type RuleStore } from '../../src/rules/loadRules';
import { decideForAuthority, type Clock } from '../../src/services/decisionService';
import { batchJson } from '../../src/http/decisionJson';
import { batchBody } from './bodies';
import { benchAsOf, naiveDecider } from './decisionLoop';
import { randomCases } from './randomCases';
import { type Figure, faster, ms, times } from './report';
import type { ServerProcess } from './serverProcess';
import { median, repeat } from './stats';

const batchSize = 1000;
const clock: Clock = { today: () => benchAsOf };

function batchItems(store: RuleStore): { authorityId: string; case: Case }[] {
  const authorities = [...store.packs.keys()];
  return randomCases(batchSize, 7).map((c, i) => ({
    authorityId: authorities[i % authorities.length]!,
    case: { ...c, asOf: benchAsOf },
  }));
}

async function naiveBatchMs(store: RuleStore, items: ReturnType<typeof batchItems>): Promise<number> {
  const deciders = new Map(
    [...store.packs.keys()].map((id) => [id, naiveDecider(packInForce(store, id, benchAsOf)!)]),
  );
  const start = performance.now();
  for (const item of items) await deciders.get(item.authorityId)!(item.case);
  return performance.now() - start;
}

async function post(url: string, body: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const answer = (await response.json()) as { results?: unknown[] };
  const elapsed = performance.now() - start;
  if (response.status !== 200 || answer.results?.length !== batchSize)
    throw new Error(`the batch endpoint answered ${response.status}`);
  return elapsed;
}

/** The batch figure 3 posts: 1,000 random cases across every authority. */
export const batchOf = (store: RuleStore) => batchBody(batchItems(store));

interface BatchTimes {
  /** Medians: server time from the request's last byte, and from its first; the client's round trip. */
  server: number;
  withUpload: number;
  roundTrip: number;
}

/**
 * Posts `body` to each server's batch endpoint `posts` times, the servers taken in turn (A, B, then B, A, and so
 * on), after two posts each to warm up.
 */
export async function batchInTurns(
  servers: readonly ServerProcess[],
  body: string,
  posts = 21,
): Promise<BatchTimes[]> {
  const urls = servers.map((s) => `${s.url}/v1/decisions/batch`);
  for (const url of urls) for (let i = 0; i < 2; i++) await post(url, body);
  const serverTimes = () => Promise.all(servers.map((s) => s.ask({ type: 'server-times' }, 'server-times')));
  await serverTimes(); // forget the warm-up
  const roundTrips: number[][] = urls.map(() => []);
  const order = urls.map((_, i) => i);
  for (let round = 0; round < posts; round++)
    for (const i of round % 2 ? [...order].reverse() : order) roundTrips[i]!.push(await post(urls[i]!, body));
  return (await serverTimes()).map((reported, i) => ({
    server: median(reported.msAfterBody),
    withUpload: median(reported.ms),
    roundTrip: median(roundTrips[i]!),
  }));
}

export async function batch(store: RuleStore, decisions: ServerProcess): Promise<Figure[]> {
  const items = batchItems(store);
  const decideAll = () => {
    for (const item of items) decideForAuthority(store, item.authorityId, item.case, clock);
  };
  repeat(3, decideAll);
  const loop = median(repeat(9, decideAll));
  // What the handler does after deciding: the answers as JSON, most of it the trace, written as the handler
  // writes them; against JSON.stringify of the same answers.
  const answers = items.map((item) => {
    const result = decideForAuthority(store, item.authorityId, item.case, clock);
    if (result.kind !== 'decided') throw new Error(`a bench case for ${item.authorityId}: ${result.kind}`);
    return result.decision;
  });
  const writeAll = () => batchJson(answers.length, (i) => answers[i]!);
  repeat(3, writeAll); // the shared parts' bytes are encoded on first use
  const serialise = median(repeat(9, writeAll));
  const stringify = median(repeat(9, () => Buffer.from(JSON.stringify({ results: answers }))));

  const body = batchBody(items);
  const [{ server, withUpload, roundTrip }] = (await batchInTurns([decisions], body)) as [BatchTimes];

  await naiveBatchMs(store, items.slice(0, 100));
  const naive = median([await naiveBatchMs(store, items), await naiveBatchMs(store, items)]);
  const bodySize = `${(Buffer.byteLength(body) / 1024).toFixed(0)} KB`;
  return [
    {
      name: `3 Batch of 1,000 cases, all authorities, default logging: server time from the request's last byte (${bodySize} in)`,
      ours: ms(server),
      baseline: `naive json-rules-engine, same cases: ${ms(naive)}`,
      ratio: faster(naive, server),
      target: '≤ 100 ms',
      met: server <= 100,
    },
    {
      name: '3 Batch of 1,000 cases: decide loop only (in process)',
      ours: ms(loop),
      baseline: `naive json-rules-engine: ${ms(naive)}`,
      ratio: faster(naive, loop),
      target: '',
      met: null,
    },
    {
      name: '3 Batch of 1,000 cases: the answers to JSON only, as UTF-8 (in process)',
      ours: ms(serialise),
      baseline: `JSON.stringify, same answers: ${ms(stringify)}`,
      ratio: faster(stringify, serialise),
      target: '',
      met: null,
    },
    {
      name: "3 Batch of 1,000 cases: server time from the request's first byte (the upload included)",
      ours: ms(withUpload),
      baseline: `from the last byte: ${ms(server)}`,
      ratio: times(withUpload / server),
      target: '',
      met: null,
    },
    {
      name: '3 Batch of 1,000 cases: client round trip (fetch)',
      ours: ms(roundTrip),
      baseline: `server time: ${ms(server)}`,
      ratio: times(roundTrip / server),
      target: '',
      met: null,
    },
  ];
}

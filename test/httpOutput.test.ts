// The fast paths of the HTTP layer must send exactly what the plain ones would: decisions serialised with
// cached trace entries give JSON.stringify's text, byte for byte, and the precomputed security headers are
// helmet's own.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import type { Decision, Problem } from '../src/contract/apiTypes';
import { decide } from '../src/decide/decide';
import { decisionBytes, writeJson } from '../src/http/decisionJson';
import { JsonOutput } from '../src/http/jsonOutput';
import { helmetOptions, setUpSecurityHeaders } from '../src/http/middleware/setUpSecurityHeaders';
import { problem } from '../src/http/problem';
import { contractExampleCase } from './contractExample';
import { appWithRules, bundledRules, fixedToday, withoutDecisionIds } from './testutils/appSetup';

const store = bundledRules();

function decisionsOfEveryPack(): Decision[] {
  const decisions: Decision[] = [];
  for (const packs of store.packs.values()) {
    for (const pack of packs) {
      for (const caseFacts of [
        contractExampleCase,
        { asOf: fixedToday },
        { harm: { riskLevel: 'high' as const } },
      ])
        decisions.push(
          decide(caseFacts, pack, {
            decisionId: `00000000-0000-4000-8000-${String(decisions.length).padStart(12, '0')}`,
            asOf: fixedToday,
            catalogue: store.measureById,
          }),
        );
    }
  }
  return decisions;
}

/** What JsonOutput would send, without a response. */
function bytesOf(output: JsonOutput): Buffer {
  const chunks: Buffer[] = [];
  const res = {
    statusCode: 0,
    setHeader: () => undefined,
    once: () => undefined,
    cork: () => undefined,
    write: (chunk: Buffer) => chunks.push(Buffer.from(chunk)),
    end: () => undefined,
  };
  output.send(res as never);
  return Buffer.concat(chunks);
}

describe('decision JSON', () => {
  const decisions = decisionsOfEveryPack();

  test('each decision serialises to the same bytes as JSON.stringify, twice over (cached parts)', () => {
    for (let pass = 0; pass < 2; pass++)
      for (const decision of decisions)
        expect(Buffer.from(decisionBytes(decision), 'latin1').toString()).toBe(JSON.stringify(decision));
  });

  test('values JSON.stringify leaves out or rewrites are written as it writes them', () => {
    const odd = {
      missing: undefined,
      list: [undefined, () => 1, null, -0, NaN, 1e21, 'ŵ\u2028"\\'],
      when: new Date(0),
      empty: {},
      none: [],
      frozen: Object.freeze({ a: Object.freeze([1, 'two']) }),
    };
    for (let pass = 0; pass < 2; pass++) {
      const output = new JsonOutput(8);
      writeJson(output, odd);
      expect(output.toBuffer().toString()).toBe(JSON.stringify(odd));
    }
  });

  test('a whole batch, written in chunks, is byte for byte the JSON of its results', () => {
    const results: (Decision | Problem)[] = [...decisions, problem(404, 'There is no authority "ŵ€😀".')];
    // Enough to cross many 64 kB chunks, with multi-byte characters at every position in a chunk.
    const many = Array.from({ length: 20 }, () => results).flat();
    const output = new JsonOutput();
    output.write('{"results":[');
    many.forEach((result, i) => {
      if (i) output.write(',');
      writeJson(output, result);
      output.write(''); // an empty write changes nothing
    });
    output.write(']}');
    const sent = bytesOf(output);
    expect(sent.length).toBeGreaterThan(4 * 64 * 1024);
    expect(sent.equals(Buffer.from(JSON.stringify({ results: many })))).toBe(true);
  });

  test('text longer than a chunk, and text with characters outside the BMP, are written whole', () => {
    const long = `"${'ŵ😀a'.repeat(40_000)}"`;
    const output = new JsonOutput();
    output.write('[');
    output.write(long);
    output.writeBytes(Buffer.from(',1]'));
    expect(bytesOf(output).toString('utf8')).toBe(`[${long},1]`);
  });

  test('the decision endpoint answers with that JSON and its exact length, and no ETag on a POST', async () => {
    const res = await request(appWithRules())
      .post('/v1/authorities/dartford/decisions')
      .send({ ...contractExampleCase, asOf: fixedToday });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.headers.etag).toBeUndefined();
    expect(res.text).toBe(JSON.stringify(JSON.parse(res.text)));
  });

  test('a decision with characters outside ASCII arrives as the same UTF-8 text', async () => {
    const res = await request(appWithRules())
      .post('/v1/authorities/denbighshire/decisions')
      .send({ ...contractExampleCase, asOf: fixedToday });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/[“”]/);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    const { decisionId: _id, ...rest } = JSON.parse(res.text) as Decision;
    const direct = decide(
      { ...contractExampleCase, asOf: fixedToday },
      store.packs.get('denbighshire')![0]!,
      {
        decisionId: 'x',
        asOf: fixedToday,
        catalogue: store.measureById,
      },
    );
    const { decisionId: _directId, ...expected } = direct;
    expect(rest).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe('batch answers on reused chunks', () => {
  // A batch's answer is written in chunks that go back to a pool once the socket has written them. Batches
  // answered at the same time, and one after another, must each arrive whole and as their own.

  function batchOf(authorityIds: string[], riskLevel: 'standard' | 'medium' | 'high', length = 300) {
    const cases = Array.from({ length }, (_, i) => ({
      authorityId: authorityIds[i % authorityIds.length]!,
      case: { ...contractExampleCase, asOf: fixedToday, harm: { ...contractExampleCase.harm, riskLevel } },
    }));
    const expected = cases.map(({ authorityId, case: caseFacts }) =>
      decide(caseFacts, store.packs.get(authorityId)![0]!, {
        decisionId: 'x',
        asOf: fixedToday,
        catalogue: store.measureById,
      }),
    );
    const results = expected.map((decision) => ({ kind: 'decision', ...decision }));
    return { body: { cases }, expected: withoutDecisionIds(JSON.stringify({ results })) };
  }

  test('an answer a slow client has not yet read is not written over by the next batch', async () => {
    const server = http.createServer(appWithRules());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const ids = [...store.packs.keys()];
    const slow = batchOf(ids.slice(0, 16), 'high', 1000);
    const quick = batchOf(ids.slice(16), 'standard', 1000);
    try {
      // The slow client reads nothing until the quick batch is answered: most of its answer waits in the server,
      // unwritten. Each step waits on the one before, never on the clock, so a busy machine cannot break it.
      let resumeSlow = () => {};
      let slowStarted = () => {};
      const started = new Promise<void>((resolve) => (slowStarted = resolve));
      const slowAnswer = new Promise<string>((resolve, reject) => {
        const req = http.request(
          { port, host: '127.0.0.1', method: 'POST', path: '/v1/decisions/batch' },
          (res) => {
            res.pause();
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve(Buffer.concat(chunks).toString()));
            resumeSlow = () => res.resume();
            slowStarted();
          },
        );
        req.on('error', reject);
        req.setHeader('content-type', 'application/json');
        req.end(JSON.stringify(slow.body));
      });
      await started;
      const quickAnswer = await request(server).post('/v1/decisions/batch').send(quick.body);
      expect(withoutDecisionIds(quickAnswer.text)).toBe(quick.expected);
      resumeSlow();
      expect(withoutDecisionIds(await slowAnswer)).toBe(slow.expected);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);

  test('three batches at once, then three more, each arrive as their own decisions', async () => {
    const app = appWithRules();
    const ids = [...store.packs.keys()];
    const batches = [
      batchOf(ids.slice(0, 10), 'high'),
      batchOf(ids.slice(10, 20), 'medium'),
      batchOf(ids.slice(20), 'standard'),
    ];
    for (let round = 0; round < 2; round++) {
      const answers = await Promise.all(
        batches.map(({ body }) => request(app).post('/v1/decisions/batch').send(body)),
      );
      for (const [i, res] of answers.entries()) {
        expect(res.status).toBe(200);
        expect(Number(res.headers['content-length'])).toBeGreaterThan(256 * 1024); // several chunks
        expect(withoutDecisionIds(res.text)).toBe(batches[i]!.expected);
      }
    }
  });
});

describe('security headers', () => {
  function headersFrom(middleware: express.RequestHandler) {
    const app = express();
    app.disable('x-powered-by');
    app.use(middleware);
    app.get('/', (_req, res) => res.send('ok'));
    return request(app).get('/');
  }

  test('are exactly the ones helmet itself sets with the same options', async () => {
    const ours = await headersFrom(setUpSecurityHeaders());
    const helmets = await headersFrom(helmet(helmetOptions));
    const withoutDate = ({ date: _date, ...rest }: Record<string, string>) => rest;
    expect(withoutDate(ours.headers)).toEqual(withoutDate(helmets.headers));
    expect(ours.headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(ours.headers['strict-transport-security']).toBeUndefined();
  });
});

// The fast path of the HTTP layer must send exactly what the plain one would: decisions serialised with cached
// trace entries give JSON.stringify's text, byte for byte.
import request from 'supertest';
import type { Decision, Problem } from '../src/contract/apiTypes';
import { decide } from '../src/decide/decide';
import { decisionBytes, writeJson } from '../src/http/decisionJson';
import { JsonOutput } from '../src/http/jsonOutput';
import { problem } from '../src/http/problem';
import { contractExampleCase } from './support/contractExample';
import { appWithRules, bundledRules, fixedToday } from './support/appSetup';

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

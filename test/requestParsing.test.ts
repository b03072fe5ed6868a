// A plain JSON body (Content-Length, no Content-Encoding, UTF-8) is read without body-parser. Whatever the
// bytes, it must be answered exactly as body-parser's reading of the same bytes is; and a body that arrives
// in pieces, or not at all, must be handled like any other.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { isPlainJson } from '../src/http/middleware/setUpRequestParsing';
import { contractExampleCase } from './support/contractExample';
import { appWithRules, withoutDecisionIds } from './support/appSetup';

const contractExampleBody = JSON.stringify(contractExampleCase);

const app = appWithRules();
const single = '/v1/authorities/dartford/decisions';
const batch = '/v1/decisions/batch';

/** Read by the plain reader, and (a quoted charset is not a plain type) by body-parser. */
const plainType = 'application/json';
const bodyParserType = 'application/json; charset="utf-8"';

let server: http.Server;
let port: number;
beforeAll(async () => {
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Answer {
  status: number;
  type: string | undefined;
  body: string;
}

/**
 * Posts `parts` exactly as they are (bytes, not re-encoded), with a pause between them, in one request whose
 * Content-Length covers them all; or, `goAway`, one that promises 10 bytes more and closes instead.
 */
function post(path: string, type: string, parts: Buffer[], goAway = false) {
  const length = parts.reduce((sum, part) => sum + part.length, 0) + (goAway ? 10 : 0);
  return new Promise<Answer | 'closed'>((resolve) => {
    const req = http.request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path,
        headers: { 'content-type': type, 'content-length': length },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body }));
      },
    );
    req.on('error', () => resolve('closed'));
    const send = (i: number) => {
      if (i < parts.length) {
        req.write(parts[i]);
        if (i + 1 < parts.length || goAway) setTimeout(() => send(i + 1), 20);
        else req.end();
      } else req.destroy();
    };
    send(0);
  });
}

async function answer(path: string, type: string, body: Buffer): Promise<Answer> {
  const res = await post(path, type, [body]);
  if (res === 'closed') throw new Error('the server closed the connection');
  return { ...res, body: withoutDecisionIds(res.body) };
}

async function expectBothReadersAgree(path: string, body: Buffer) {
  const plain = await answer(path, plainType, body);
  expect(plain).toEqual(await answer(path, bodyParserType, body));
  return plain;
}

describe('the plain JSON reader answers as body-parser does', () => {
  const bodies: [string, string | Buffer][] = [
    ['the contract example', contractExampleBody],
    ['leading white space', ` \n\t\r${contractExampleBody}`],
    ['a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')])],
    ['a number', '42'],
    ['a string', '"a string"'],
    ['null', 'null'],
    ['a list', '[]'],
    ['a cut-off object', '{"harm": {"riskLevel": '],
    ['trailing text', '{} trailing'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ['escaped characters', '{"harm":{"type":"domestic-abuse\\u0000"}}'],
    ['deep nesting', `${'{"a":'.repeat(40)}1${'}'.repeat(40)}`],
    ['an unknown field', '{"name":"someone"}'],
    ['white space only', '   '],
  ];

  test.each(bodies)('single decision: %s', async (_name, body) => {
    await expectBothReadersAgree(single, Buffer.from(body));
  });

  test('the answers above are the ones a client expects', async () => {
    expect((await answer(single, plainType, Buffer.from(contractExampleBody))).status).toBe(200);
    const notJson = await answer(single, plainType, Buffer.from('{} trailing'));
    expect(notJson.status).toBe(400);
    expect(notJson.type).toBe('application/problem+json; charset=utf-8');
    expect((await answer(single, plainType, Buffer.from('42'))).status).toBe(400);
  });

  test('batch: a valid batch and a broken one', async () => {
    const cases = JSON.stringify({
      cases: [{ authorityId: 'lincoln', case: contractExampleCase }],
    });
    expect((await expectBothReadersAgree(batch, Buffer.from(cases))).status).toBe(200);
    expect((await expectBothReadersAgree(batch, Buffer.from(cases.slice(0, -3)))).status).toBe(400);
  });

  test('property: any edit of a valid body gets the same answer from both readers', async () => {
    const example = Buffer.from(contractExampleBody);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(example.length - 1),
        fc.nat(example.length),
        fc.uint8Array({ maxLength: 8 }),
        async (from, cut, inserted) => {
          const to = Math.min(example.length, from + (cut % 6));
          const edited = Buffer.concat([example.subarray(0, from), inserted, example.subarray(to)]);
          if (edited.length) await expectBothReadersAgree(single, edited);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('which bodies are plain', () => {
  const limit = 1000;
  const plainRequest = (headers: Record<string, string>) =>
    ({ headers: { 'content-type': 'application/json', 'content-length': '10', ...headers } }) as never;

  test('Content-Length within the limit, no encoding, JSON in UTF-8', () => {
    expect(isPlainJson(plainRequest({}), limit)).toBe(true);
    expect(isPlainJson(plainRequest({ 'content-type': 'Application/JSON; Charset=UTF-8' }), limit)).toBe(
      true,
    );
    expect(isPlainJson(plainRequest({ 'content-encoding': 'identity' }), limit)).toBe(true);
  });

  test('everything else is left to body-parser', () => {
    expect(isPlainJson(plainRequest({ 'content-length': '1001' }), limit)).toBe(false);
    expect(isPlainJson(plainRequest({ 'content-length': '00' }), limit)).toBe(false);
    expect(isPlainJson(plainRequest({ 'content-encoding': 'gzip' }), limit)).toBe(false);
    expect(isPlainJson(plainRequest({ 'content-type': 'application/json; charset=utf-16le' }), limit)).toBe(
      false,
    );
    const chunked = { headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } };
    expect(isPlainJson(chunked as never, limit)).toBe(false);
  });
});

describe('bodies over the wire', () => {
  test('a decision body in three pieces is decided', async () => {
    const body = Buffer.from(contractExampleBody);
    const third = Math.ceil(body.length / 3);
    const parts = [0, 1, 2].map((i) => body.subarray(i * third, (i + 1) * third));
    const result = await post(single, plainType, parts);
    expect(result !== 'closed' && result.status).toBe(200);
  });

  test('a body split inside a multi-byte character is joined before it is decoded', async () => {
    const body = Buffer.from(JSON.stringify({ ...contractExampleCase, siân: true }));
    const at = body.indexOf(Buffer.from('â')) + 1; // between the two bytes of "â"
    const result = await post(single, plainType, [body.subarray(0, at), body.subarray(at)]);
    // The unknown field is refused by its name, intact.
    expect(result !== 'closed' && result.status).toBe(400);
    expect(result !== 'closed' && result.body).toContain('siân');
  });

  test('a client that goes away mid-body leaves the server answering', async () => {
    const body = Buffer.from(contractExampleBody);
    expect(await post(single, plainType, [body.subarray(0, 50)], true)).toBe('closed');
    const after = await post(single, plainType, [body]);
    expect(after !== 'closed' && after.status).toBe(200);
  });
});

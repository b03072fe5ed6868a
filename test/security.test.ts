// Access control, security headers, CORS and request limits, as a client meets them.
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../src/http/app';
import { createHttpServer } from '../src/http/httpServer';
import {
  bodyShapeLimits,
  NestingScan,
  nestedTooDeep,
  shapeProblem,
} from '../src/http/middleware/setUpLimits';
import { schemaErrors } from '../src/contract/schemaValidation';
import { silentLogger } from '../src/logger';
import { parseApiKeys } from '../src/services/apiKeys';
import { RuleService } from '../src/services/ruleService';
import { contractExampleCase } from './support/contractExample';
import { bundledRules, fixedToday } from './support/appSetup';

const sha = (key: string) => createHash('sha256').update(key).digest('hex');
const apiClients = parseApiKeys(
  `# clients\n${sha('jigsaw-secret')} jigsaw\n${sha('other-secret')} other-system\n`,
);
const secured = createApp({
  rules: new RuleService(bundledRules()),
  clock: { today: () => fixedToday },
  log: silentLogger,
  apiClients,
});

function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(schemaErrors('Problem', res.body)).toEqual([]);
}

describe('API keys', () => {
  test('every /v1 route needs a key', async () => {
    for (const path of ['/v1/authorities', '/v1/authorities/dartford', '/v1/measures', '/v1/rules/status']) {
      const res = await request(secured).get(path);
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expectProblem(
      await request(secured).post('/v1/authorities/dartford/decisions').send(contractExampleCase),
      401,
    );
    expectProblem(await request(secured).post('/v1/decisions/batch').send({ cases: [] }), 401);
  });

  // Express routes case-insensitively, so `/V1/...` once reached the decisions with no key.
  const spellings = [
    (p: string) => p.replace('/v1', '/V1'),
    (p: string) => p + '/',
    (p: string) => p.replace('/v1', '/%76%31'),
    (p: string) => p.replace('/v1', '/%56%31'),
    (p: string) => '/' + p,
    (p: string) => p.replace('/v1', '/./v1'),
    (p: string) => p.replace('/v1', '/x/../v1'),
    (p: string) => p.replace('/v1/', '/v1//'),
  ];
  // Three items in every row: jest takes a test function's extra parameter for a `done` callback.
  const routes: [string, string, object | undefined][] = [
    ['GET', '/v1/authorities', undefined],
    ['GET', '/v1/authorities/dartford', undefined],
    ['GET', '/v1/measures', undefined],
    ['GET', '/v1/rules/status', undefined],
    ['GET', '/v1/reports/coverage-matrix', undefined],
    ['POST', '/v1/authorities/dartford/decisions', contractExampleCase],
    ['POST', '/v1/decisions/batch', { cases: [{ authorityId: 'dartford', case: contractExampleCase }] }],
  ];
  /** The path exactly as written: supertest's URL handling would tidy some spellings away. */
  function rawStatus(port: number, method: string, path: string, body?: object): Promise<number> {
    return new Promise((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : '';
      const req = http.request(
        {
          port,
          host: '127.0.0.1',
          method,
          path,
          agent: false,
          headers: body ? { 'content-type': 'application/json' } : {},
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  test.each(routes)('no spelling of %s %s gets past the key check', async (method, path, body) => {
    const server = secured.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      for (const spell of spellings) {
        const url = spell(path);
        expect([url, await rawStatus(port, method, url, body)]).toEqual([url, 401]);
      }
    } finally {
      server.close();
    }
  });

  test('a wrong key, or a key sent another way, is refused', async () => {
    expectProblem(
      await request(secured).get('/v1/measures').set('Authorization', 'Bearer jigsaw-secret-'),
      401,
    );
    expectProblem(
      await request(secured).get('/v1/measures').set('Authorization', 'Basic jigsaw-secret'),
      401,
    );
    expectProblem(await request(secured).get('/v1/measures').set('Authorization', 'jigsaw-secret'), 401);
  });

  test('a right key is let in', async () => {
    const res = await request(secured)
      .post('/v1/authorities/dartford/decisions')
      .set('Authorization', 'Bearer other-secret')
      .send(contractExampleCase);
    expect(res.status).toBe(200);
  });

  test('health, readiness and metrics stay open', async () => {
    expect((await request(secured).get('/healthz')).status).toBe(200);
    expect((await request(secured).get('/readyz')).status).toBe(200);
    expect((await request(secured).get('/metrics')).status).toBe(200);
  });

  test('a malformed keys file is refused with its line number', () => {
    expect(() => parseApiKeys('abc jigsaw')).toThrow(/line 1/);
    expect(() => parseApiKeys('# only a comment\n')).toThrow(/no keys/);
  });
});

describe('headers', () => {
  const open = createApp({
    rules: new RuleService(bundledRules()),
    clock: { today: () => fixedToday },
    log: silentLogger,
  });

  test('security headers are set and x-powered-by is not', async () => {
    const res = await request(open).get('/healthz');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  test("a decision's answer carries every security header helmet sets", async () => {
    const res = await request(open).post('/v1/authorities/dartford/decisions').send(contractExampleCase);
    expect(res.status).toBe(200);
    for (const name of [
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
      'referrer-policy',
      'x-content-type-options',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-frame-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ])
      expect(res.headers[name]).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  test('the request id is taken from the caller or made, and echoed', async () => {
    expect(
      (await request(open).get('/healthz').set('X-Request-Id', 'jigsaw-42')).headers['x-request-id'],
    ).toBe('jigsaw-42');
    expect(
      (await request(open).get('/healthz').set('X-Request-Id', 'not ok <script>')).headers['x-request-id'],
    ).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('CORS is off unless the origin is allow-listed', async () => {
    const origin = 'https://jigsaw.example.gov.uk';
    expect(
      (await request(open).get('/v1/measures').set('Origin', origin)).headers['access-control-allow-origin'],
    ).toBeUndefined();
    const allowing = createApp({
      rules: new RuleService(bundledRules()),
      clock: { today: () => fixedToday },
      log: silentLogger,
      settings: { corsOrigins: [origin] },
    });
    expect(
      (await request(allowing).get('/v1/measures').set('Origin', origin)).headers[
        'access-control-allow-origin'
      ],
    ).toBe(origin);
    const preflight = await request(allowing).options('/v1/measures').set('Origin', origin);
    expect(preflight.status).toBe(204);
    expect(
      (await request(allowing).get('/v1/measures').set('Origin', 'https://evil.example')).headers[
        'access-control-allow-origin'
      ],
    ).toBeUndefined();
  });
});

describe('limits', () => {
  const app = createApp({
    rules: new RuleService(bundledRules()),
    clock: { today: () => fixedToday },
    log: silentLogger,
  });

  test('a single case over 64 kB is 413, while a batch may be larger', async () => {
    const big = {
      cases: Array.from({ length: 400 }, () => ({ authorityId: 'dartford', case: contractExampleCase })),
    };
    expect(JSON.stringify(big).length).toBeGreaterThan(64 * 1024);
    expect((await request(app).post('/v1/decisions/batch').send(big)).status).toBe(200);
    expectProblem(
      await request(app)
        .post('/v1/authorities/dartford/decisions')
        .send({ harm: { x: 'y'.repeat(70_000) } }),
      413,
    );
  });

  test('deep nesting is a 400 that says so', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { a: deep };
    const res = await request(app)
      .post('/v1/authorities/dartford/decisions')
      .send(deep as object);
    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/nested/);
  });

  test.each([
    ['DELETE', '/v1/measures', 'GET, HEAD'],
    ['GET', '/v1/authorities/dartford/decisions', 'POST'],
    ['PUT', '/V1/Decisions/Batch/', 'POST'],
    ['TRACE', '/v1/authorities', 'GET, HEAD'],
    ['POST', '/healthz', 'GET, HEAD'],
  ])('%s %s is 405 with Allow: %s, not 404', async (method, path, allow) => {
    const res = await request(app)[method.toLowerCase() as 'get'](path);
    expectProblem(res, 405);
    expect(res.headers.allow).toBe(allow);
    expect(res.body.title).toBe('Method Not Allowed');
  });

  test('every status the service answers has its own title, never "Error"', async () => {
    const long = await request(app).get(`/v1/authorities/${'a'.repeat(3000)}`);
    expect(long.body.title).toBe('URI Too Long');
    const res = await request(app).get('/no/such/page');
    expect(res.status).toBe(404);
  });

  describe('a body nested too deep is refused before it is parsed', () => {
    /** POSTs a body, in one piece with a Content-Length or streamed in chunks, and returns the answer. */
    async function post(body: string, chunked: boolean) {
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      try {
        return await new Promise<{ status: number; body: { detail?: string }; type: string }>(
          (resolve, reject) => {
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (!chunked) headers['content-length'] = String(Buffer.byteLength(body));
            const req = http.request(
              { port, host: '127.0.0.1', method: 'POST', path: '/v1/decisions/batch', headers },
              (res) => {
                let text = '';
                res.on('data', (chunk) => (text += chunk));
                res.on('end', () =>
                  resolve({
                    status: res.statusCode!,
                    body: JSON.parse(text),
                    type: res.headers['content-type']!,
                  }),
                );
              },
            );
            req.on('error', reject);
            // Streamed in pieces, a body has no Content-Length: body-parser reads it.
            if (chunked)
              for (let at = 0; at < body.length; at += 65536) req.write(body.slice(at, at + 65536));
            req.end(chunked ? undefined : body);
          },
        );
      } finally {
        server.close();
      }
    }

    test.each([
      ['a plain JSON body', false],
      ['a chunked body (read by body-parser)', true],
    ])('%s: 400, and JSON.parse never sees it', async (_kind, chunked) => {
      // Four million brackets would once have been parsed into as many arrays before the depth was checked.
      const deep = '['.repeat(200_000) + ']'.repeat(200_000);
      const parse = jest.spyOn(JSON, 'parse');
      try {
        const res = await post(deep, chunked);
        expect(res.status).toBe(400);
        expect(res.type).toMatch(/^application\/problem\+json/);
        expect(res.body.detail).toBe('The body is nested more than 10 levels deep.');
        expect(parse.mock.calls.filter(([text]) => String(text).startsWith('[['))).toEqual([]);
      } finally {
        parse.mockRestore();
      }
    });

    test('the scan counts brackets, not brackets inside strings or after escapes', () => {
      const scan = (text: string, max = 3) => nestedTooDeep(Buffer.from(text), max);
      expect(scan('{"a":[{"b":1}]}')).toBe(false);
      expect(scan('{"a":[{"b":[1]}]}')).toBe(true);
      expect(scan('{"a":"[[[[[[","b":1}')).toBe(false);
      // A string holding one backslash ends at the next quote; an escaped quote does not end it.
      expect(scan(String.raw`{"a":"\\"}` + '[[[[')).toBe(true);
      expect(scan(String.raw`{"a":"\"[[[[[["}`)).toBe(false);
    });

    test('the scan reads a body chunk by chunk as it arrives, across strings and escapes split between chunks', () => {
      const text = String.raw`{"a":"x\"[[[[","b":[[1]]}`;
      for (let cut = 1; cut < text.length; cut++) {
        const scan = new NestingScan(3);
        scan.push(Buffer.from(text.slice(0, cut)));
        expect([cut, scan.push(Buffer.from(text.slice(cut)))]).toEqual([cut, false]);
      }
      const deep = new NestingScan(3);
      expect([deep.push(Buffer.from('{"a":[')), deep.push(Buffer.from('[['))]).toEqual([false, true]);
    });
  });

  test('body bytes in flight are capped: past the cap, 503 with Retry-After, and room again once answered', async () => {
    const budgeted = createApp({
      rules: new RuleService(bundledRules()),
      clock: { today: () => fixedToday },
      log: silentLogger,
      settings: { bodyLimitBatch: 100_000, bodyBytesInFlight: 150_000 },
    });
    const server = budgeted.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const body = JSON.stringify({ cases: [{ authorityId: 'dartford', case: contractExampleCase }] }).padEnd(
      90_000,
      ' ',
    );
    const head = `POST /v1/decisions/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const answer = (socket: net.Socket) =>
      new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
    try {
      // The first body arrives slowly and holds 90 kB of the 150 kB.
      const slow = net.connect(port, '127.0.0.1');
      const slowAnswer = answer(slow);
      slow.write(head + body.slice(0, 1000));
      await new Promise((r) => setTimeout(r, 200));
      const refused = net.connect(port, '127.0.0.1');
      const refusedAnswer = answer(refused);
      refused.end(head + body);
      const text = await refusedAnswer;
      expect(text).toMatch(/^HTTP\/1.1 503 /);
      expect(text).toMatch(/\r\nRetry-After: 1\r\n/i);
      expect(text).toContain('application/problem+json');
      slow.end(body.slice(1000));
      expect(await slowAnswer).toMatch(/^HTTP\/1.1 200 /);
      // Once the first is answered its bytes are free again.
      const res = await request(budgeted).post('/v1/decisions/batch').type('json').send(body);
      expect(res.status).toBe(200);
    } finally {
      server.close();
    }
  });

  describe('the shape limits say where a body breaks them', () => {
    const nestedObject = (levels: number): object => (levels ? { a: nestedObject(levels - 1) } : {});
    const list = (length: number) => Array.from({ length }, () => ({}));

    test('an object ten levels deep passes, eleven is refused at the eleventh', () => {
      expect(shapeProblem(nestedObject(9), bodyShapeLimits)).toBeNull();
      expect(shapeProblem(nestedObject(10), bodyShapeLimits)).toEqual({
        pointer: `/${Array(10).fill('a').join('/')}`,
        message: 'is nested more than 10 levels deep',
      });
    });

    test('a list of more than 100 items, under an escaped key and under a batch case', () => {
      expect(shapeProblem({ harm: { 'x/y~': list(100) } }, bodyShapeLimits)).toBeNull();
      expect(shapeProblem({ harm: { 'x/y~': list(101) } }, bodyShapeLimits)).toEqual({
        pointer: '/harm/x~1y~0',
        message: 'has more than 100 items',
      });
      expect(shapeProblem({ l: list(101) }, bodyShapeLimits, { at: '/cases/3/case' })?.pointer).toBe(
        '/cases/3/case/l',
      );
    });

    test("a batch's own list may hold 1,000 cases; the lists inside them can be left to each case", () => {
      expect(shapeProblem({ cases: list(1000) }, bodyShapeLimits)).toBeNull();
      expect(shapeProblem({ cases: list(1001) }, bodyShapeLimits)?.pointer).toBe('/cases');
      const longInside = { cases: [{ case: { l: list(101) } }] };
      expect(shapeProblem(longInside, bodyShapeLimits, { deferBatchCases: true })).toBeNull();
      expect(shapeProblem(longInside, bodyShapeLimits)?.pointer).toBe('/cases/0/case/l');
    });
  });

  test('an over-long URL is 414', async () => {
    expectProblem(await request(app).get(`/v1/authorities/${'a'.repeat(3000)}`), 414);
  });

  describe('on a real server', () => {
    const server = createHttpServer(app, { maxHeaderBytes: 8 * 1024, requestTimeoutMs: 1000 });
    let port: number;
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    /** Sends raw bytes and reads the whole answer (the server closes the connection). */
    function raw(send: (socket: net.Socket) => void): Promise<string> {
      return new Promise((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => send(socket));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    }

    test('oversized headers are 431 problem+json', async () => {
      const answer = await raw((s) =>
        s.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(10_000)}\r\n\r\n`),
      );
      expect(answer).toMatch(/^HTTP\/1.1 431/);
      expect(answer).toMatch(/application\/problem\+json/);
    });

    test('a request that never finishes arriving is 408 problem+json', async () => {
      const answer = await raw((s) =>
        s.write(
          'POST /v1/authorities/dartford/decisions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
        ),
      );
      expect(answer).toMatch(/^HTTP\/1.1 408/);
      expect(answer).toMatch(/"status":408/);
    }, 10_000);
  });
});

// The v1 API as a case system meets it: every response is checked against openapi.yaml, errors included.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { schemaErrors } from '../src/contract/schemaValidation';
import type { Decision, Problem } from '../src/contract/apiTypes';
import { decide as decideCase } from '../src/decide/decide';
import { batchJson } from '../src/http/decisionJson';
import { instancePath, problem } from '../src/http/problem';
import { contractExampleCase } from './support/contractExample';
import { appWithRules, bundledRules } from './support/appSetup';

const app = appWithRules();
const decide = (authority: string, body: unknown) =>
  request(app)
    .post(`/v1/authorities/${authority}/decisions`)
    .set('content-type', 'application/json')
    .send(JSON.stringify(body));

/** RFC 9110's reason phrases: with `type: about:blank`, each is the problem's title (RFC 9457). */
const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  503: 'Service Unavailable',
};

function expectProblem(res: request.Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(schemaErrors('Problem', res.body)).toEqual([]);
  expect(res.body.status).toBe(status);
  expect(res.body.title).toBe(reasonPhrases[status]);
  expect(res.body.instance).toBe(new URL(res.request.url).pathname);
}

describe('decisions', () => {
  test('the contract example gets a valid Decision for every authority', async () => {
    for (const authority of bundledRules().packs.keys()) {
      const res = await decide(authority, contractExampleCase);
      expect(res.status).toBe(200);
      expect(schemaErrors('Decision', res.body)).toEqual([]);
      expect(res.body.authority.id).toBe(authority);
      expect(res.body.ruleSet.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  test('the contract example is eligible at Dartford, with the landlord permission to follow', async () => {
    const res = await decide('dartford', contractExampleCase);
    expect(res.body).toMatchObject({
      outcome: 'eligible',
      riskLevel: 'high',
      missingFacts: [],
      asOf: '2026-11-22',
    });
    expect(res.body.approvals.map((a: { type: string }) => a.type)).toEqual(['landlord-permission']);
    expect(res.body.reasons.every((r: { rule: string }) => r.rule.startsWith('dartford/'))).toBe(true);
  });

  test('an empty case asks for facts, never guesses, and defaults asOf to today', async () => {
    const res = await decide('dartford', {});
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('more-information-needed');
    expect(res.body.missingFacts).toEqual(
      expect.arrayContaining(['household.livesInArea', 'property.tenure', 'referral.source']),
    );
    expect(res.body.asOf).toBe('2026-11-24');
  });

  test('a known failure wins over missing facts', async () => {
    const res = await decide('dartford', { perpetrator: { livesAtProperty: true } });
    expect(res.body.outcome).toBe('ineligible');
    expect(
      res.body.reasons
        .filter((r: { effect: string }) => r.effect === 'failed')
        .map((r: { code: string }) => r.code),
    ).toEqual(['perpetrator-lives-at-property']);
  });

  test("where the policy's list leaves a case open the outcome is unknown, never a guessed eligible", async () => {
    const res = await decide('dartford', { ...contractExampleCase, referral: { source: 'self' } });
    expect(res.body.outcome).toBe('unknown');
    expect(res.body.reasons).toContainEqual(
      expect.objectContaining({ code: 'self-referral-open', effect: 'unspecified' }),
    );
  });

  test('a perpetrator living at the property is ineligible everywhere, under the national safety rule where the policy is silent', async () => {
    const res = await decide('wrexham', { ...contractExampleCase, perpetrator: { livesAtProperty: true } });
    expect(res.body.outcome).toBe('ineligible');
    expect(res.body.reasons).toContainEqual(
      expect.objectContaining({
        code: 'perpetrator-lives-at-property',
        rule: 'national/eligibility/perpetrator-not-at-property',
        source: 'sanctuary-rules national safety rules, Perpetrator in the home',
        effect: 'failed',
      }),
    );
    // Dartford states the same criterion itself, so its own row (and citation) decides, once.
    const dartford = await decide('dartford', {
      ...contractExampleCase,
      perpetrator: { livesAtProperty: true },
    });
    const failed = dartford.body.reasons.filter((r: { effect: string }) => r.effect === 'failed');
    expect(failed.map((r: { rule: string }) => r.rule)).toEqual(['dartford/eligibility/perpetrator-absent']);
  });

  test('decisions are deterministic apart from their id', async () => {
    const a = await decide('dartford', contractExampleCase);
    const b = await decide('dartford', contractExampleCase);
    expect({ ...a.body, decisionId: '' }).toEqual({ ...b.body, decisionId: '' });
    expect(a.body.decisionId).not.toBe(b.body.decisionId);
  });

  test('an asOf before any pack is in force is a 422 pointing at asOf', async () => {
    const res = await decide('dartford', { asOf: '2001-01-01' });
    expectProblem(res, 422);
    expect(res.body.errors[0].pointer).toBe('/asOf');
  });
});

describe('?trace=false', () => {
  const decideWithTrace = (trace: string, body: unknown = contractExampleCase) =>
    request(app)
      .post(`/v1/authorities/dartford/decisions?trace=${trace}`)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));

  test('leaves the trace empty, and the rest of the decision as it was', async () => {
    const [full, explicit, bare] = await Promise.all([
      decide('dartford', contractExampleCase),
      decideWithTrace('true'),
      decideWithTrace('false'),
    ]);
    expect(bare.status).toBe(200);
    expect(schemaErrors('Decision', bare.body)).toEqual([]);
    expect(full.body.trace.length).toBeGreaterThan(0);
    expect(explicit.body.trace).toEqual(full.body.trace);
    expect(bare.body.trace).toEqual([]);
    const sansId = (d: Decision) => ({ ...d, decisionId: '', trace: [] });
    expect(sansId(bare.body)).toEqual(sansId(full.body));
    expect(bare.text.length).toBeLessThan(full.text.length);
  });

  test('does the same for each decision of a batch, and leaves problems alone', async () => {
    const cases = [
      { authorityId: 'dartford', case: contractExampleCase },
      { authorityId: 'not-a-council', case: {} },
    ];
    const full = await request(app).post('/v1/decisions/batch').send({ cases });
    const bare = await request(app).post('/v1/decisions/batch?trace=false').send({ cases });
    expect(bare.status).toBe(200);
    expect(schemaErrors('BatchResponse', bare.body)).toEqual([]);
    expect(bare.body.results[0].trace).toEqual([]);
    expect(full.body.results[0].trace.length).toBeGreaterThan(0);
    expect(bare.body.results[1]).toEqual(full.body.results[1]);
    expect(bare.text.length).toBeLessThan(full.text.length);
  });

  test.each(['maybe', 'False', '', 'false&trace=false'])('trace=%s is a 400 problem', async (value) => {
    expectProblem(await decideWithTrace(value), 400);
    const batch = await request(app)
      .post(`/v1/decisions/batch?trace=${value}`)
      .send({ cases: [{ authorityId: 'dartford', case: {} }] });
    expectProblem(batch, 400);
  });
});

describe('bad input is a 4xx problem, never a 5xx', () => {
  test('an unknown field is rejected with its pointer', async () => {
    const res = await decide('dartford', { harm: { type: 'domestic-abuse', victimName: 'x' } });
    expectProblem(res, 400);
    expect(res.body.errors).toContainEqual({
      pointer: '/harm/victimName',
      message: '"victimName" is not a field of this object',
    });
  });

  test('wrong types and out-of-range values are each reported', async () => {
    const res = await decide('dartford', {
      harm: { dashYesCount: 28 },
      property: { tenure: 'castle' },
      household: { livesInArea: 'yes' },
    });
    expectProblem(res, 400);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining(['/harm/dashYesCount', '/property/tenure', '/household/livesInArea']),
    );
  });

  test('an unknown measure id is a 400', async () => {
    const res = await decide('dartford', { assessment: { recommendedMeasures: ['moat'] } });
    expectProblem(res, 400);
    expect(res.body.errors[0].pointer).toBe('/assessment/recommendedMeasures/0');
  });

  test('prototype keys are unknown fields', async () => {
    const res = await request(app)
      .post('/v1/authorities/dartford/decisions')
      .set('content-type', 'application/json')
      .send('{"__proto__": {"livesInArea": true}, "constructor": {}}');
    expectProblem(res, 400);
  });

  test.each([
    ['not JSON', 'application/json', '{"harm": ', 400],
    ['a bare array', 'application/json', '[]', 400],
    ['a JSON string', 'application/json', '"hello"', 400],
    ['text', 'text/plain', '{}', 415],
    ['a form', 'application/x-www-form-urlencoded', 'a=b', 415],
  ])('%s', async (_name, type, body, status) => {
    const res = await request(app)
      .post('/v1/authorities/dartford/decisions')
      .set('content-type', type)
      .send(body);
    expectProblem(res, status);
  });

  test('an empty body is a 400', async () => {
    const res = await request(app).post('/v1/authorities/dartford/decisions');
    expectProblem(res, 400);
  });

  test('an oversized body is a 413', async () => {
    const res = await decide('dartford', { padding: 'x'.repeat(100_000) });
    expectProblem(res, 413);
  });

  test('an unknown authority or path is a 404', async () => {
    expectProblem(await decide('atlantis', {}), 404);
    expectProblem(await decide('Dartford', {}), 404);
    expectProblem(await request(app).get('/v1/authorities/atlantis'), 404);
    expectProblem(await request(app).get('/v2/anything'), 404);
  });
});

describe('batch', () => {
  test('results come back in order, with a problem in place of each bad case', async () => {
    const res = await request(app)
      .post('/v1/decisions/batch')
      .send({
        cases: [
          { authorityId: 'dartford', case: contractExampleCase },
          { authorityId: 'atlantis', case: {} },
          { authorityId: 'dartford', case: { harm: { colour: 'red' } } },
          { authorityId: 'dartford', case: { perpetrator: { livesAtProperty: true } } },
        ],
      });
    expect(res.status).toBe(200);
    expect(schemaErrors('BatchResponse', res.body)).toEqual([]);
    const [first, second, third, fourth] = res.body.results;
    expect(first.outcome).toBe('eligible');
    expect(second).toMatchObject({ status: 404, title: 'Not Found' });
    expect(third).toMatchObject({ status: 400, errors: [{ pointer: '/cases/2/case/harm/colour' }] });
    expect(fourth.outcome).toBe('ineligible');
  });

  test('each result says by its kind whether it is a decision or a problem, first among its fields', async () => {
    const res = await request(app)
      .post('/v1/decisions/batch')
      .send({
        cases: [
          { authorityId: 'dartford', case: contractExampleCase },
          { authorityId: 'atlantis', case: {} },
          { authorityId: 'dartford', case: { harm: { colour: 'red' } } },
          { authorityId: 'dartford', case: { asOf: '2001-01-01' } },
        ],
      });
    expect(res.status).toBe(200);
    const results = res.body.results as Record<string, unknown>[];
    expect(results.map((r) => r.kind)).toEqual(['decision', 'problem', 'problem', 'problem']);
    expect(results.map((r) => Object.keys(r)[0])).toEqual(['kind', 'kind', 'kind', 'kind']);
    expect(results.map((r) => ('outcome' in r ? 'decision' : 'problem'))).toEqual(results.map((r) => r.kind));
    // The rest of each result is as it was: a problem carries no instance, pointers lead into the whole body.
    expect(results[3]).toMatchObject({ status: 422, errors: [{ pointer: '/cases/3/case/asOf' }] });
    expect(results.some((r) => 'instance' in r)).toBe(false);
  });

  test('the fast batch JSON is byte for byte JSON.stringify of each result with its kind put first', () => {
    const store = bundledRules();
    const results: (Decision | Problem)[] = [...store.packs.values()].map((packs, i) =>
      decideCase(contractExampleCase, packs[0]!, {
        decisionId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        asOf: '2026-11-22',
        catalogue: store.measureById,
      }),
    );
    results.splice(
      1,
      0,
      problem(404, 'There is no authority "ŵ€😀".', [{ pointer: '/cases/1', message: 'x' }]),
    );
    const expected = results.map((r) => ({ kind: 'status' in r ? 'problem' : 'decision', ...r }));
    for (let pass = 0; pass < 2; pass++) {
      const bytes = batchJson(results.length, (i) => results[i]!).toBuffer();
      expect(bytes.toString()).toBe(JSON.stringify({ results: expected }));
    }
  });

  test('the schema requires kind of every batch result, and the single-case answer has none', async () => {
    const single = await decide('dartford', contractExampleCase);
    expect(single.body.kind).toBeUndefined();
    expect(schemaErrors('Decision', { ...single.body, kind: 'decision' })).toEqual([]);
    expect(schemaErrors('BatchResponse', { results: [{ ...single.body, kind: 'decision' }] })).toEqual([]);
    expect(schemaErrors('BatchResponse', { results: [single.body] })).not.toEqual([]);
    expect(schemaErrors('BatchResponse', { results: [{ ...single.body, kind: 'problem' }] })).not.toEqual([]);
  });

  test('more than 1000 cases is refused whole', async () => {
    const cases = Array.from({ length: 1001 }, () => ({ authorityId: 'dartford', case: {} }));
    const res = await request(app).post('/v1/decisions/batch').send({ cases });
    expectProblem(res, 400);
    expect(res.body.errors[0].pointer).toBe('/cases');
  });

  test('1000 cases are decided', async () => {
    const cases = Array.from({ length: 1000 }, () => ({
      authorityId: 'dartford',
      case: contractExampleCase,
    }));
    const res = await request(app).post('/v1/decisions/batch').send({ cases });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1000);
  });

  test('an envelope with unknown keys is refused', async () => {
    expectProblem(await request(app).post('/v1/decisions/batch').send({ cases: [], extra: 1 }), 400);
  });
});

describe('problems', () => {
  test.each([
    ['GET', '/v1/authorities/atlantis', 404, 'Not Found'],
    ['GET', '/v1/authorities/atlantis?asOf=2026-01-01&who=someone', 404, 'Not Found'],
    ['POST', '/v1/authorities/dartford/decisions', 400, 'Bad Request'],
    ['DELETE', '/v1/measures', 405, 'Method Not Allowed'],
    ['GET', '/v1/reports/coverage-matrix?format=pdf', 400, 'Bad Request'],
    ['GET', '/no/such/page', 404, 'Not Found'],
  ])('%s %s: %i %s, with the path (never the query) as instance', async (method, path, status, title) => {
    const res = await request(app)[method.toLowerCase() as 'get'](path);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ type: 'about:blank', title, status, instance: path.split('?')[0] });
    expect(res.text).not.toContain('someone');
  });

  test('a path a URI may not hold as sent is percent-encoded in instance', async () => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const body = await new Promise<string>((resolve, reject) => {
        const req = http.request({ port, host: '127.0.0.1', path: '/no/"such"/{page}%zz?q=1' }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(Buffer.concat(chunks).toString()));
        });
        req.on('error', reject);
        req.end();
      });
      const problem = JSON.parse(body) as { status: number; instance: string };
      expect(problem.status).toBe(404);
      expect(problem.instance).toBe('/no/%22such%22/%7Bpage%7D%25zz');
      expect(schemaErrors('Problem', problem)).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('instance is the path alone, whatever form the request target takes', () => {
    expect(instancePath({ originalUrl: '/v1/measures?x=1#y' })).toBe('/v1/measures');
    expect(instancePath({ originalUrl: 'http://example.test/v1/measures?x=1' })).toBe('/v1/measures');
    expect(instancePath({ originalUrl: 'http://example.test' })).toBe('/');
    expect(instancePath({ originalUrl: '/caf\u00c3\u00a9 x' })).toBe('/caf%C3%A9%20x');
    expect(instancePath({ originalUrl: '/%41%2f' })).toBe('/%41%2f');
  });
});

describe('reading', () => {
  test('authorities are listed with their rule set', async () => {
    const res = await request(app).get('/v1/authorities');
    expect(res.status).toBe(200);
    expect(schemaErrors('AuthorityList', res.body)).toEqual([]);
    expect(res.body.authorities.map((a: { id: string }) => a.id)).toContain('dartford');
  });

  test('an authority shows its tables, rows and citations', async () => {
    const res = await request(app).get('/v1/authorities/dartford');
    expect(res.status).toBe(200);
    expect(schemaErrors('AuthorityDetail', res.body)).toEqual([]);
    const eligibility = res.body.tables.find((t: { id: string }) => t.id === 'eligibility');
    expect(eligibility.rows.find((r: { id: string }) => r.id === 'perpetrator-absent').source).toMatch(
      /section|7\./i,
    );
  });

  test('the measures catalogue has every contract id', async () => {
    const res = await request(app).get('/v1/measures');
    expect(schemaErrors('MeasureList', res.body)).toEqual([]);
    expect(res.body.measures).toHaveLength(42);
  });

  test('rules status names each live pack', async () => {
    const res = await request(app).get('/v1/rules/status');
    expect(schemaErrors('RulesStatus', res.body)).toEqual([]);
    expect(res.body.packs.map((p: { authorityId: string }) => p.authorityId)).toContain('dartford');
  });

  test('health, readiness, the OpenAPI document and Swagger UI', async () => {
    expect((await request(app).get('/healthz')).status).toBe(200);
    expect((await request(app).get('/readyz')).status).toBe(200);
    const yaml = await request(app).get('/openapi.yaml');
    expect(yaml.text).toContain('/v1/decisions/batch');
    const docs = await request(app).get('/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
  });

  test('without rule packs the service is alive but not ready', async () => {
    const empty = appWithRules(null);
    expect((await request(empty).get('/healthz')).status).toBe(200);
    expectProblem(await request(empty).get('/readyz'), 503);
    expectProblem(await request(empty).post('/v1/authorities/dartford/decisions').send({}), 503);
  });
});

// Logs never contain case facts: a unique marker sent through every field, on success and error paths alike,
// never appears in any log line. The audit (on a decision's request line, or a batch case's own line) records
// the decision, not the person.
import { Writable } from 'node:stream';
import request from 'supertest';
import type { Case } from '../src/contract/apiTypes';
import { createApp } from '../src/http/app';
import { createLogger } from '../src/logger';
import type { CompiledPack } from '../src/rules/compiledPack';
import type { RuleStore } from '../src/rules/loadRules';
import { RuleService } from '../src/services/ruleService';
import { contractExampleCase } from './support/contractExample';
import { bundledRules, fixedToday } from './support/appSetup';

const marker = 'MARKER-7f3c9b1e';
const markerNumber = 987654.321;

function capturingApp(store: RuleStore = bundledRules()) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger('trace', sink);
  const app = createApp({ rules: new RuleService(store), clock: { today: () => fixedToday }, log });
  return { app, lines };
}

/** The contract example with the marker in place of each field in turn (wrong types, so each is an error path). */
function markedCases(): unknown[] {
  const cases: unknown[] = [];
  for (const [section, fields] of Object.entries(contractExampleCase)) {
    if (typeof fields !== 'object') {
      cases.push({ ...contractExampleCase, [section]: marker });
      continue;
    }
    for (const key of Object.keys(fields as object)) {
      cases.push({ ...contractExampleCase, [section]: { ...(fields as object), [key]: marker } });
    }
    cases.push({ ...contractExampleCase, [section]: { ...(fields as object), [marker]: true } });
  }
  cases.push({ [marker]: marker });
  return cases;
}

test('no log line contains a marker sent through any field', async () => {
  const { app, lines } = capturingApp();
  for (const body of markedCases()) {
    const res = await request(app)
      .post('/v1/authorities/dartford/decisions')
      .send(body as object);
    expect(res.status).toBe(400);
  }
  // A valid case carrying the marker as a number: decided, audited, and still not logged.
  const valid: Case = {
    ...contractExampleCase,
    assessment: { ...contractExampleCase.assessment, worksCostGBP: markerNumber },
  };
  expect((await request(app).post('/v1/authorities/dartford/decisions').send(valid)).status).toBe(200);
  await request(app)
    .post('/v1/decisions/batch')
    .send({
      cases: [
        { authorityId: 'dartford', case: valid },
        { authorityId: marker, case: {} },
      ],
    });
  await request(app).post(`/v1/authorities/${marker}/decisions`).send(valid);
  await request(app).get(`/${marker}?${marker}=${marker}`);
  await request(app).post(`/v1/authorities/dartford/decisions?trace=${marker}`).send(valid);
  await request(app)
    .post('/v1/authorities/dartford/decisions')
    .set('content-type', 'application/json')
    .send(`{"${marker}": `);
  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(markedCases().length);
  expect(log).not.toContain(marker);
  expect(log).not.toContain(String(markerNumber));
});

const auditFields = [
  'client',
  'decisionId',
  'authority',
  'ruleSetVersion',
  'ruleSetSha256',
  'outcome',
  'reasonCodes',
  'latencyMs',
];

test("a decision's audit is on its request's line, the one line it writes: the decision, not the person", async () => {
  const { app, lines } = capturingApp();
  const res = await request(app)
    .post('/v1/authorities/dartford/decisions')
    .set('X-Request-Id', 'req-1')
    .send(contractExampleCase);
  const parsed = lines.map((l) => JSON.parse(l));
  expect(parsed.filter((l) => l.message === 'decision')).toHaveLength(0);
  expect(parsed).toHaveLength(1);
  const [line] = parsed;
  expect(Object.keys(line)).toEqual([
    'level',
    'time',
    'service',
    'pid',
    'requestId',
    'method',
    'route',
    'status',
    'ms',
    ...auditFields,
    'message',
  ]);
  expect(line).toMatchObject({
    message: 'request',
    requestId: 'req-1',
    route: '/v1/authorities/:authorityId/decisions',
    status: 200,
    decisionId: res.body.decisionId,
    client: 'anonymous',
    authority: 'dartford',
    ruleSetVersion: res.body.ruleSet.version,
    ruleSetSha256: res.body.ruleSet.sha256,
    outcome: 'eligible',
    reasonCodes: res.body.reasons.map((r: { code: string }) => r.code),
  });
  expect(line.latencyMs).toEqual(expect.any(Number));
});

test('every request line has the same fields in the same order, null where there was no decision', async () => {
  const { app, lines } = capturingApp();
  await request(app).get('/healthz');
  await request(app).post('/v1/authorities/dartford/decisions').send({ nonsense: true });
  await request(app).post('/v1/authorities/dartford/decisions').send(contractExampleCase);
  const parsed = lines.map((l) => JSON.parse(l));
  expect(parsed.map((l) => l.message)).toEqual(['request', 'request', 'request']);
  expect(new Set(parsed.map((l) => Object.keys(l).join()))).toHaveProperty('size', 1);
  for (const line of parsed.slice(0, 2))
    for (const field of auditFields.filter((f) => f !== 'client')) expect(line[field]).toBeNull();
});

test('a batch writes one audit line per decided case, and its one request line', async () => {
  const { app, lines } = capturingApp();
  const res = await request(app)
    .post('/v1/decisions/batch')
    .set('X-Request-Id', 'req-2')
    .send({
      cases: [
        { authorityId: 'dartford', case: contractExampleCase },
        { authorityId: 'not-a-council', case: {} },
        { authorityId: 'dartford', case: {} },
      ],
    });
  expect(res.status).toBe(200);
  const parsed = lines.map((l) => JSON.parse(l));
  const audit = parsed.filter((l) => l.message === 'decision');
  expect(parsed.filter((l) => l.message === 'request')).toHaveLength(1);
  expect(parsed).toHaveLength(3);
  const decided = res.body.results.filter((r: { kind: string }) => r.kind === 'decision');
  expect(audit.map((l) => l.decisionId)).toEqual(decided.map((d: { decisionId: string }) => d.decisionId));
  for (const line of audit) {
    expect(Object.keys(line)).toEqual([
      'level',
      'time',
      'service',
      'pid',
      'decisionId',
      'requestId',
      ...auditFields.filter((f) => f !== 'decisionId'),
      'message',
    ]);
    expect(line).toMatchObject({ requestId: 'req-2', client: 'anonymous', authority: 'dartford' });
  }
});

test('an unexpected fault is logged without case facts and answered 500 with the decisionId', async () => {
  // A store whose dartford pack has lost its measures table (the types rule such a pack out): deciding throws.
  const store = bundledRules();
  const broken = store.packs
    .get('dartford')!
    .map((p) => ({ ...p, tables: { ...p.tables, measures: null } }) as unknown as CompiledPack);
  const faulty = { ...store, packs: new Map([...store.packs, ['dartford', broken]]) } as RuleStore;
  const { app, lines } = capturingApp(faulty);
  const valid: Case = {
    ...contractExampleCase,
    assessment: { ...contractExampleCase.assessment, worksCostGBP: markerNumber },
  };
  const res = await request(app).post('/v1/authorities/dartford/decisions').send(valid);
  expect(res.status).toBe(500);
  expect(res.headers['content-type']).toMatch(/problem\+json/);
  expect(res.body.decisionId).toMatch(/^[0-9a-f-]{36}$/);
  const log = lines.join('');
  expect(log).toContain(res.body.decisionId);
  expect(log).not.toContain(String(markerNumber));
  // The process carries on.
  expect((await request(app).get('/healthz')).status).toBe(200);
});

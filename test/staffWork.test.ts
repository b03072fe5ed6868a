// The staff pages never hold up the API (issue 18): the "what would change" search bounded by time and run in
// slices, the home page and coverage matrix kept per rule store and day, and the preview on a worker thread.
import request from 'supertest';
import type { Case, Outcome } from '../src/contract/apiTypes';
import { createApp } from '../src/http/app';
import { silentLogger } from '../src/logger';
import { coverageMatrixFor } from '../src/reports/coverageMatrix';
import { currentPack, type RuleStore } from '../src/rules/loadRules';
import { RuleService } from '../src/services/ruleService';
import { checkCase } from '../src/web/checkCase';
import { previewResult } from '../src/web/previewWork';
import { closeStaffWorkers, previewOffThread } from '../src/web/staffWorkers';
import { whatWouldChange, whatWouldChangeInSlices } from '../src/web/whatWouldChange';
import { ineligibleAtDartford } from './support/caseAnswers';
import { bundledRules, fixedToday } from './support/appSetup';

afterAll(closeStaffWorkers);

const clock = { today: () => fixedToday };
const appOn = (rules: RuleService) => createApp({ rules, clock, log: silentLogger });

describe('the "what would change" search', () => {
  const variations = new Map([
    ['household.livesInArea', [true, false]],
    ['household.agreesToWorks', [true, false]],
    ['harm.riskLevel', ['standard', 'medium', 'high']],
  ]);
  const never = (): Outcome => 'ineligible';
  const both = (c: Case): Outcome =>
    c.household?.livesInArea && c.household?.agreesToWorks ? 'eligible' : 'ineligible';

  test('stops when its time is spent, read on the clock it is given, and says it is incomplete', () => {
    let now = 0;
    const tick = () => (now += 10);
    // Each slice of one re-decision reads the clock twice, 10 ms apart: the third slice reaches 25 ms.
    const search = whatWouldChange({}, variations, never, { ms: 25, slice: 1, now: tick });
    expect(search).toEqual({ ways: [], tried: 3, complete: false });
  });

  test('a search that finishes within its limits is complete, whatever the clock', () => {
    const search = whatWouldChange({}, variations, both, { ms: 1e9, slice: 2, now: () => 0 });
    expect(search.complete).toBe(true);
    expect(search.tried).toBe(7 + 16);
  });

  test('in slices it pauses between them and finds the same as in one go', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses += 1;
    };
    const limits = { slice: 5, now: () => 0 };
    const sliced = await whatWouldChangeInSlices({}, variations, both, limits, pause);
    expect(sliced).toEqual(whatWouldChange({}, variations, both, limits));
    expect(pauses).toBe(Math.floor(23 / 5));
  });

  test('a check cut short by time gives the ways found so far and is marked incomplete', async () => {
    const result = await checkCase(bundledRules(), clock, 'dartford', ineligibleAtDartford, {
      ms: 0,
      slice: 4,
      now: () => 0,
    });
    if (!result.ok) throw new Error('the case should be decided');
    expect(result.changes).toMatchObject({ tried: 4, complete: false });
    const whole = await checkCase(bundledRules(), clock, 'dartford', ineligibleAtDartford);
    expect(whole.ok && whole.changes?.complete).toBe(true);
  });
});

describe('the home page and the coverage matrix, kept per rule store and day', () => {
  const store = bundledRules();
  /** The same rules as a new store object, without one authority: what a reload that dropped it would give. */
  const without = (authorityId: string): RuleStore => ({
    ...store,
    packs: new Map([...store.packs].filter(([id]) => id !== authorityId)),
  });

  test('the matrix is worked out once per store and day', () => {
    const first = coverageMatrixFor(store, fixedToday);
    expect(coverageMatrixFor(store, fixedToday)).toBe(first);
    expect(coverageMatrixFor(store, '2027-01-01')).not.toBe(first);
    const other = without('dartford');
    expect(coverageMatrixFor(other, fixedToday)).not.toBe(first);
    expect(coverageMatrixFor(other, fixedToday).rows.some((r) => r.authorityId === 'dartford')).toBe(false);
  });

  test('a second request gives the same answer, and a reload (a new store) a new one', async () => {
    const rules = new RuleService(store);
    const app = appOn(rules);
    for (const path of ['/', '/v1/reports/coverage-matrix', '/v1/reports/coverage-matrix?format=csv']) {
      const [a, b] = [await request(app).get(path), await request(app).get(path)];
      expect(a.status).toBe(200);
      expect(b.text).toBe(a.text);
      expect(b.headers['content-type']).toBe(a.headers['content-type']);
    }
    const json = await request(app).get('/v1/reports/coverage-matrix');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.body.rows.some((r: { authorityId: string }) => r.authorityId === 'dartford')).toBe(true);
    expect((await request(app).get('/')).text).toContain('Dartford');

    rules.activate(without('dartford'));
    const after = await request(app).get('/v1/reports/coverage-matrix');
    expect(after.body.rows.some((r: { authorityId: string }) => r.authorityId === 'dartford')).toBe(false);
    expect((await request(app).get('/')).text).not.toContain('Dartford');
  });
});

describe('the preview, on a worker thread', () => {
  const store = bundledRules();
  const proposal = () => {
    const pack = structuredClone(currentPack(store, 'dartford', fixedToday)!.pack);
    pack.version = `${pack.version}-proposed`;
    pack.tables.eligibility!.rows.pop();
    return { originalname: 'dartford.json', buffer: Buffer.from(JSON.stringify(pack)) };
  };

  test('gives exactly the preview worked out on the main thread', async () => {
    const input = { authorityId: 'dartford', today: fixedToday, proposal: proposal() };
    const offThread = await previewOffThread(store, input);
    expect(offThread.view.versionAfter).toMatch(/-proposed$/);
    expect(offThread).toEqual(await previewResult(store, input));
  }, 60_000);

  test('a proposal that breaks the schema where its tables belong is previewed with its problems, not a fault', async () => {
    for (const tables of [
      undefined,
      null,
      'none',
      { eligibility: { rows: 'none' } },
      { eligibility: null },
    ]) {
      const pack = { ...structuredClone(currentPack(store, 'dartford', fixedToday)!.pack), tables };
      const input = {
        authorityId: 'dartford',
        today: fixedToday,
        proposal: { originalname: 'dartford.json', buffer: Buffer.from(JSON.stringify(pack)) },
      };
      const { view } = await previewResult(store, input);
      expect(view.accepted).toBe(false);
      expect(view.problems.some((p) => p.severity === 'error')).toBe(true);
    }
  }, 60_000);

  test('the API answers while a preview is being worked out', async () => {
    const app = appOn(new RuleService(store));
    const finished: string[] = [];
    const preview = request(app)
      .post('/authorities/dartford/preview')
      .attach('proposal', proposal().buffer, 'dartford.json')
      .then((res) => {
        finished.push('preview');
        return res;
      });
    // Sent once the preview is under way (its worker reads the rules first): answered before it ends.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const decision = await request(app).post('/v1/authorities/dartford/decisions').send({});
    finished.push('decision');
    expect(decision.status).toBe(200);
    const page = await preview;
    expect(page.status).toBe(200);
    expect(page.text).toContain('Preview of a change to');
    expect(finished).toEqual(['decision', 'preview']);
  }, 60_000);

  test('against rules that are not those on disk, it is worked out on the main thread', async () => {
    const live: RuleStore = {
      ...store,
      packs: new Map([...store.packs].filter(([id]) => id !== 'gwynedd')),
    };
    const input = { authorityId: 'dartford', today: fixedToday, proposal: proposal() };
    expect(await previewOffThread(live, input)).toEqual(await previewResult(live, input));
  }, 60_000);
});

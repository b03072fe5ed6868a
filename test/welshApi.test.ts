// The API in Welsh (`Accept-Language: cy`): the service's own sentences and labels in Welsh, a pack's texts in
// its Welsh where it has them and in English, said field by field, where not; English answers as they were.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Decision } from '../src/contract/apiTypes';
import { segmentsOf } from '../src/contract/jsonPointer';
import { schemaErrors } from '../src/contract/schemaValidation';
import { loadRules, type RuleStore } from '../src/rules/loadRules';
import { appWithRules, bundledRulesDir, withoutDecisionIds } from './support/appSetup';

const conwyDecisions = '/v1/authorities/conwy/decisions';
/** No referral source: Conwy's referral routes cannot be looked up, so more information is needed. */
const noReferralSource = { property: { tenure: 'council-tenant' }, perpetrator: { livesAtProperty: false } };

/** The value at a pointer in an answer. */
const at = (body: unknown, pointer: string): unknown =>
  segmentsOf(pointer).reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], body);

let dir: string;
let store: RuleStore;
let conwy: { tables: Record<string, { rows: { id: string; then: Record<string, unknown>; cy?: object }[] }> };

/**
 * A copy of the bundled rules whose Conwy pack has Welsh of its own making: the tenure row's unreviewed, the
 * response row's reviewed, and none for the routing row, whatever the bundled pack says by now.
 */
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-welsh-'));
  cpSync(bundledRulesDir, dir, { recursive: true });
  const file = path.join(dir, 'authorities', 'conwy.json');
  conwy = JSON.parse(readFileSync(file, 'utf8'));
  const row = (table: string) => conwy.tables[table]!.rows[0]!;
  row('tenureCoverage').cy = { text: 'Testun Cymraeg y ddeiliadaeth.', reviewed: false };
  row('response').cy = { label: 'O fewn 24 awr fel arfer', reviewed: true };
  delete row('routing').cy;
  writeFileSync(file, JSON.stringify(conwy));
  store = loadRules(dir);
  expect(store.rejected).toEqual([]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a decision asked for in Welsh', () => {
  test('has the service sentences in Welsh, Content-Language cy, and a valid Decision', async () => {
    const res = await request(appWithRules())
      .post(conwyDecisions)
      .set('Accept-Language', 'cy')
      .send(noReferralSource);
    expect(res.status).toBe(200);
    expect(res.headers['content-language']).toBe('cy');
    expect(res.headers.vary).toMatch(/Accept-Language/);
    const decision = res.body as Decision;
    expect(decision.outcome).toBe('more-information-needed');
    const needed = decision.reasons.find((r) => r.code === 'referral-route-needed')!;
    expect(needed.text).toBe(
      "Mae angen hyn er mwyn penderfynu a yw'r llwybr atgyfeirio hwn yn cael ei dderbyn (mae angen referral.source)",
    );
    expect(decision.language?.served).toBe('cy');
    expect(schemaErrors('Decision', decision)).toEqual([]);
  });

  test("serves the pack's Welsh where it has it, listing unreviewed Welsh, and its English where not", async () => {
    const res = await request(appWithRules(store))
      .post(conwyDecisions)
      .set('Accept-Language', 'cy')
      .send(noReferralSource);
    const decision = res.body as Decision;
    const language = decision.language!;
    const tenure = decision.reasons.findIndex((r) => r.rule === 'conwy/tenureCoverage/all-tenures');
    expect(decision.reasons[tenure]!.text).toBe('Testun Cymraeg y ddeiliadaeth.');
    expect(language.unreviewedWelsh).toContain(`/reasons/${tenure}/text`);

    expect(decision.response.label).toBe('O fewn 24 awr fel arfer');
    expect([...language.unreviewedWelsh, ...language.englishFallback]).not.toContain('/response/label');

    const routingRow = conwy.tables.routing!.rows[0]!;
    expect(decision.routing[0]!.text).toBe(routingRow.then.text);
    expect(language.englishFallback).toEqual(expect.arrayContaining(['/routing/0/text', '/routing/0/name']));

    // Every listed field holds text: never a blank.
    for (const pointer of [...language.englishFallback, ...language.unreviewedWelsh])
      expect(String(at(decision, pointer)).trim()).not.toBe('');
  });

  test("the service's national safety criterion is in its own Welsh, not listed as English", async () => {
    const res = await request(appWithRules())
      .post(conwyDecisions)
      .set('Accept-Language', 'cy')
      .send(noReferralSource);
    const decision = res.body as Decision;
    const national = decision.reasons.findIndex(
      (r) => r.rule === 'national/eligibility/perpetrator-not-at-property',
    );
    expect(decision.reasons[national]).toMatchObject({
      effect: 'met',
      text: 'Rhaid i’r cyflawnwr beidio â byw yn yr eiddo: mae mesurau diogelwch yn diogelu cartref rhag rhywun y tu allan iddo, nid rhag rhywun sy’n byw ynddo.',
    });
    // No Welsh speaker has reviewed it yet, so it is listed as unreviewed Welsh: never as English.
    expect(decision.language!.englishFallback).not.toContain(`/reasons/${national}/text`);
    expect(decision.language!.unreviewedWelsh).toContain(`/reasons/${national}/text`);
  });

  test('a measure label comes from the Welsh catalogue', async () => {
    const res = await request(appWithRules())
      .post('/v1/authorities/dartford/decisions')
      .set('Accept-Language', 'cy')
      .send({ assessment: { recommendedMeasures: ['door-chain'] } });
    const decision = res.body as Decision;
    expect(decision.measures.items[0]!.label).toBe('Cadwyn drws');
    expect(decision.language!.englishFallback).not.toContain('/measures/items/0/label');
  });

  test('a council with no scheme says so in Welsh', async () => {
    const res = await request(appWithRules())
      .post('/v1/authorities/powys/decisions')
      .set('Accept-Language', 'cy')
      .send({});
    const decision = res.body as Decision;
    expect(decision.outcome).toBe('no-scheme');
    expect(decision.reasons[0]!.text).toMatch(/^Nid yw .+ yn gweithredu .+\.$/);
  });
});

describe('an English request', () => {
  test('is answered as before, whatever it says about languages', async () => {
    const app = appWithRules();
    const plain = await request(app).post(conwyDecisions).send(noReferralSource);
    expect(plain.body.language).toBeUndefined();
    expect(plain.headers['content-language']).toBe('en');
    for (const asked of ['en', 'fr', 'en-GB, cy;q=0.5', '*']) {
      const res = await request(app)
        .post(conwyDecisions)
        .set('Accept-Language', asked)
        .send(noReferralSource);
      expect([asked, res.headers['content-language']]).toEqual([asked, 'en']);
      expect(withoutDecisionIds(res.text)).toBe(withoutDecisionIds(plain.text));
    }
  });

  test('Welsh preferred by weight is Welsh', async () => {
    const res = await request(appWithRules())
      .post(conwyDecisions)
      .set('Accept-Language', 'en;q=0.4, cy')
      .send(noReferralSource);
    expect(res.headers['content-language']).toBe('cy');
  });
});

describe('a batch asked for in Welsh', () => {
  test('decides every case in Welsh, and keeps each problem in its place', async () => {
    const res = await request(appWithRules(store))
      .post('/v1/decisions/batch')
      .set('Accept-Language', 'cy')
      .send({
        cases: [
          { authorityId: 'conwy', case: noReferralSource },
          { authorityId: 'dartford', case: {} },
          { authorityId: 'atlantis', case: {} },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-language']).toBe('cy');
    const [first, second, third] = res.body.results;
    expect(first.language.served).toBe('cy');
    expect(first.reasons.find((r: { code: string }) => r.code === 'referral-route-needed').text).toMatch(
      /^Mae angen hyn er mwyn penderfynu/,
    );
    expect(second.language.served).toBe('cy');
    expect(third.kind).toBe('problem');
    expect(schemaErrors('BatchResponse', res.body)).toEqual([]);
  });
});

describe('the catalogue and authorities in Welsh', () => {
  test('measures', async () => {
    const res = await request(appWithRules()).get('/v1/measures').set('Accept-Language', 'cy');
    expect(res.headers['content-language']).toBe('cy');
    expect(res.body.measures.find((m: { id: string }) => m.id === 'door-chain').label).toBe('Cadwyn drws');
    expect(res.body.language).toEqual({ served: 'cy', englishFallback: [], unreviewedWelsh: [] });
    expect(schemaErrors('MeasureList', res.body)).toEqual([]);
  });

  test("an authority's names are its pack's Welsh, and the list says which are English", async () => {
    const app = appWithRules(store);
    const detail = await request(app).get('/v1/authorities/conwy').set('Accept-Language', 'cy');
    expect(detail.headers['content-language']).toBe('cy');
    expect(schemaErrors('AuthorityDetail', detail.body)).toEqual([]);
    expect(detail.body.language.englishFallback).toContain('/tables/0/title');
    const list = await request(app).get('/v1/authorities').set('Accept-Language', 'cy');
    expect(schemaErrors('AuthorityList', list.body)).toEqual([]);
    const dartford = list.body.authorities.findIndex((a: { id: string }) => a.id === 'dartford');
    expect(list.body.language.englishFallback).toContain(`/authorities/${dartford}/name`);
    const english = await request(app).get('/v1/authorities');
    expect(english.body.language).toBeUndefined();
    expect(english.headers['content-language']).toBe('en');
  });
});

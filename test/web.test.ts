// The staff pages, server side: what each page answers, how the check-a-case form becomes a Case (blank is
// "not known", never "no"), the GOV.UK error summary, and the pure pieces behind "what would change the outcome".
import request from 'supertest';
import type { Case, Decision, Outcome } from '../src/contract/apiTypes';
import { componentSchema } from '../src/contract/openapi';
import { packInForce } from '../src/rules/loadRules';
import { decideForAuthority } from '../src/services/decisionService';
import { factCatalogue } from '../src/rules/factCatalogue';
import { caseFromForm } from '../src/web/caseForm';
import { caseQuestions, clauseText, questionByPath } from '../src/web/caseQuestions';
import { describeWays } from '../src/web/changeText';
import { conditionText, printedTables } from '../src/web/decisionTables';
import { valueLabel } from '../src/web/labels';
import { measureLabeller } from '../src/web/pages/catalogue';
import { variationsFor, whatWouldChange, type FactChange } from '../src/web/whatWouldChange';
import { eligibleAtDartford, ineligibleAtDartford, type Answers } from './support/caseAnswers';
import { appWithRules, bundledRules, fixedToday } from './support/appSetup';

const app = appWithRules();

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
/** The page's words, as a person reads them: no tags, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]!)
    .replace(/\s+/g, ' ');

const postForm = (path: string, answers: Answers) => request(app).post(path).type('form').send(answers);
const decideByApi = async (authority: string, body: Case): Promise<Decision> =>
  (await request(app).post(`/v1/authorities/${authority}/decisions`).send(body)).body;

describe('the schemes page', () => {
  const councilRows = (html: string) => (html.match(/<th scope="row"/g) ?? []).length;

  test('lists every authority, and filters by nation and tenure with a GET form', async () => {
    const all = await request(app).get('/');
    expect(all.status).toBe(200);
    expect(all.headers['content-type']).toMatch(/^text\/html/);
    expect(councilRows(all.text)).toBe(bundledRules().packs.size);

    const welshPrivate = await request(app).get('/?nation=wales&tenure=private-rented');
    const text = textOf(welshPrivate.text);
    expect(councilRows(welshPrivate.text)).toBeLessThan(councilRows(all.text));
    expect(text).toContain('Neath Port Talbot County Borough Council'); // fits to all tenures
    expect(text).toContain('Cardiff Council'); // covers private tenants; that the report names no referrers is no gap
    expect(text).not.toContain('Blaenau Gwent'); // "Fit to all tenure apart from PRS"
    expect(text).not.toContain('Dartford'); // England
    expect(text).not.toContain('Wrexham County Borough Council'); // its scheme does not cover private tenants
    expect(text).not.toContain('Powys County Council'); // runs no scheme
  });

  test('ignores a filter value that is not in the vocabulary rather than failing', async () => {
    const res = await request(app).get('/?nation=atlantis&tenure=castle');
    expect(res.status).toBe(200);
    expect(councilRows(res.text)).toBe(bundledRules().packs.size);
  });

  test('says which tenures and risk levels each scheme covers, from the coverage matrix', async () => {
    const html = (await request(app).get('/?nation=wales')).text;
    const gwynedd = textOf(html.split('<tr').find((row) => row.includes('Gwynedd Council'))!);
    // Gwynedd takes only MARAC referrals, which the standard case has at high risk only.
    expect(gwynedd).toContain('High');
    expect(gwynedd).not.toContain('Standard');
    const neathPortTalbot = textOf(html.split('<tr').find((row) => row.includes('Neath Port Talbot'))!);
    expect(neathPortTalbot).toContain('Standard, Medium, High');
    // Tenures come from the tenure table: what it leaves open is said, and a referral gap never hides one.
    const cardiff = textOf(html.split('<tr').find((row) => row.includes('Cardiff Council'))!);
    expect(cardiff).toContain('Council tenant, Private rented, Owner-occupier');
    expect(cardiff).toContain('Left open by the policy: Housing association tenant, Shared ownership, Other');
    const blaenauGwent = textOf(html.split('<tr').find((row) => row.includes('Blaenau Gwent'))!);
    expect(blaenauGwent).toContain(
      'Council tenant, Housing association tenant, Owner-occupier, Shared ownership, Other',
    );
    expect(blaenauGwent).toContain('Not covered: Private rented');
    // "None" is never both "no tenures" and "the victim pays nothing".
    expect(blaenauGwent).toContain('Nothing to pay');
  });

  test('answers 503 with a page, not a stack trace, while no rules are loaded', async () => {
    const res = await request(appWithRules(null)).get('/');
    expect(res.status).toBe(503);
    expect(textOf(res.text)).toContain('Sorry, the service is unavailable');
  });
});

describe("an authority's page", () => {
  test('prints every row of every table with its citation and quote, and names version, dates and sha256', async () => {
    const compiled = packInForce(bundledRules(), 'dartford', fixedToday)!;
    const res = await request(app).get('/authorities/dartford');
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain(compiled.ruleSet.sha256);
    expect(text).toContain(`Rule pack version ${compiled.ruleSet.version}`);
    expect(text).toContain(`In force from ${compiled.ruleSet.effectiveFrom}`);
    for (const table of Object.values(compiled.pack.tables)) {
      for (const row of table.rows as { id: string; source: { quote?: string; section: string } }[]) {
        expect(text).toContain(row.id);
        expect(text).toContain(row.source.section);
        if (row.source.quote) expect(text).toContain(row.source.quote.replace(/\s+/g, ' '));
      }
    }
    // Dartford has no DASH bands of its own: the national default is printed, and said to be one.
    expect(text).toContain('DASH risk bands (national default)');
    expect(text).toContain('10 to 13');
    // Each row in words, with only the conditions it has: no grid, no column of "Any".
    expect(text).toContain(
      'When the tenure is private rented: covered; funded by the homelessness prevention grant; the landlord must agree.',
    );
    expect(text).toContain("In every case: no cost to the victim; no cap on the council's contribution.");
    expect(res.text).not.toMatch(/<table|>\s*Any\s*</);
  });

  test("ends the eligibility table with the service's national safety rule, once, with its mark and source", async () => {
    const text = textOf((await request(app).get('/authorities/conwy')).text);
    const mark =
      "One of the service's national safety rules, applied with every council's own criteria: not this council's policy.";
    expect(text.split(mark)).toHaveLength(2);
    const rule = text.slice(
      text.indexOf(mark) + mark.length,
      text.indexOf('Who may refer', text.indexOf(mark)),
    );
    expect(rule).toContain('In every case: met when the perpetrator does not live at the property.');
    expect(rule).toContain('The perpetrator must not be living at the property');
    expect(rule).toContain('Source: sanctuary-rules national safety rules, Perpetrator in the home');
    expect(rule).toContain('Row perpetrator-not-at-property');
  });

  test('is a 404 page for an unknown authority', async () => {
    const res = await request(app).get('/authorities/atlantis');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});

describe('check a case', () => {
  test('the form asks every question of the Case schema, with its vocabulary', async () => {
    const res = await request(app).get('/check?authority=dartford');
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    for (const question of caseQuestions) expect(text).toContain(question.text);
    for (const tenure of componentSchema('Tenure').enum as string[]) {
      expect(res.text).toContain(`name="property.tenure" type="radio" value="${tenure}"`);
    }
    expect(res.text).toMatch(/<option value="dartford" selected>/);
  });

  test('decides exactly as the API does for the same case', async () => {
    const res = await postForm('/check', { authority: 'dartford', ...ineligibleAtDartford });
    expect(res.status).toBe(200);
    const { caseFacts } = caseFromForm(ineligibleAtDartford);
    const api = await decideByApi('dartford', caseFacts);
    const text = textOf(res.text);
    expect(api.outcome).toBe('ineligible');
    expect(res.text).toContain('data-outcome="ineligible"');
    for (const reason of api.reasons) expect(text).toContain(reason.text);
    expect(text).toContain('Eligible if landlord permission is not refused.');
    expect(text).toContain('Eligible if the tenure is council tenant or owner-occupier.');
  });

  test('a question left blank is an absent fact: the decision asks for it instead of failing the criterion', async () => {
    const blank = await postForm('/check', {
      authority: 'dartford',
      ...eligibleAtDartford,
      'household.livesInArea': '',
    });
    const blankText = textOf(blank.text);
    expect(blank.text).toContain('data-outcome="more-information-needed"');
    expect(blankText).toContain(
      "Answers needed The rules need answers to these questions before they can decide: Does the victim live in the council's area?",
    );
    expect(blankText).toContain('Eligible if the victim lives in the area.');

    const no = await postForm('/check', {
      authority: 'dartford',
      ...eligibleAtDartford,
      'household.livesInArea': 'false',
    });
    expect(no.text).toContain('data-outcome="ineligible"');
    expect(textOf(no.text)).toContain('Not met The victim must live in the Dartford borough.');
  });

  test('blank answers, "Not known" and an unanswered reveal all become absent facts', () => {
    expect(
      caseFromForm({
        'household.livesInArea': '',
        'property.tenure': '',
        'harm.dashYesCount': '  ',
        'assessment.recommendedMeasures': ['door-chain'],
        'asOf-day': '',
        'asOf-month': '',
        'asOf-year': '',
      }),
    ).toEqual({ caseFacts: {}, errors: new Map() });
    // A revealed answer counts only when its reveal was answered "yes".
    expect(caseFromForm({ dashCompleted: 'yes', 'harm.dashYesCount': '14' }).caseFacts).toEqual({
      harm: { dashYesCount: 14 },
    });
    expect(
      caseFromForm({
        'perpetrator.livesAtProperty': 'false',
        'assessment.worksCostGBP': '£1,250.50',
        'asOf-day': '1',
        'asOf-month': '2',
        'asOf-year': '2026',
      }).caseFacts,
    ).toEqual({
      asOf: '2026-02-01',
      perpetrator: { livesAtProperty: false },
      assessment: { worksCostGBP: 1250.5 },
    });
  });

  test('errors come back as a GOV.UK error summary linked to each field, with the answers kept', async () => {
    const res = await postForm('/check', {
      dashCompleted: 'yes',
      'harm.dashYesCount': '30',
      'property.tenure': 'castle',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<title>Error: /);
    expect(res.text).toContain('govuk-error-summary');
    const links = [...res.text.matchAll(/<a href="(#[^"]+)">\s*([^<]*?)\s*<\/a>/g)].map((m) => [
      m[1],
      textOf(m[2]!),
    ]);
    expect(links).toEqual([
      ['#authority', 'Select the council the case is for'],
      ['#harm-dashYesCount', 'Enter the number of ‘yes’ answers as a whole number from 0 to 27'],
      ['#property-tenure', `Select an answer to "What is the victim's tenure?"`],
    ]);
    const input = /<input[^>]*id="harm-dashYesCount"[^>]*>/.exec(res.text)![0];
    expect(input).toContain('govuk-input--error');
    expect(input).toContain('value="30"');
  });

  test('a date with no rules in force is an error on the date, not a failure', async () => {
    const res = await postForm('/check', {
      authority: 'dartford',
      'asOf-day': '1',
      'asOf-month': '1',
      'asOf-year': '1999',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#asOf-day"');
    const invalid = await postForm('/check', {
      authority: 'dartford',
      'asOf-day': '30',
      'asOf-month': '2',
      'asOf-year': '2026',
    });
    expect(invalid.status).toBe(400);
    expect(textOf(invalid.text)).toContain('The date must be a real date');
  });

  test('"change your answers" shows the form again filled in from the posted answers', async () => {
    const res = await postForm('/check', { action: 'edit', authority: 'dartford', ...ineligibleAtDartford });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/name="property.landlordPermission" type="radio" value="refused" checked/);
    expect(res.text).toMatch(/value="door-chain" checked/);
  });

  test('result pages are never cached and carry no inline script', async () => {
    const res = await postForm('/check', { authority: 'dartford', ...eligibleAtDartford });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.text).not.toMatch(/\son[a-z]+=/);
  });
});

describe('compare', () => {
  test('decides the same case for each council chosen, side by side', async () => {
    const res = await request(app)
      .post('/compare')
      .type('form')
      .send({ ...eligibleAtDartford, authorities: ['dartford', 'gwynedd'] });
    expect(res.status).toBe(200);
    const outcomes = [...res.text.matchAll(/<td class="govuk-table__cell" data-outcome="([a-z-]+)"/g)].map(
      (m) => m[1],
    );
    // Gwynedd's scheme is "accessed via MARAC referral": whether this case is at MARAC decides it, and it is not given.
    expect(outcomes).toEqual(['eligible', 'more-information-needed']);
    // The same decisions again as one card per council, for screens too narrow for the table.
    const cards = [...res.text.matchAll(/<section class="app-compare-card"[^>]*>\s*<h2[^>]*>([^<]*)<\/h2>/g)];
    expect(cards.map((m) => m[1])).toEqual(['Dartford Borough Council', 'Gwynedd Council']);
  });

  test.each([[['dartford']], [['dartford', 'gwynedd', 'wrexham', 'boston']], [['dartford', 'atlantis']]])(
    'asks for two or three councils (%j)',
    async (authorities) => {
      const res = await request(app).post('/compare').type('form').send({ authorities });
      expect(res.status).toBe(400);
      expect(textOf(res.text)).toContain('Select 2 or 3 councils to compare');
    },
  );
});

describe('assets', () => {
  test('CSS, JavaScript, fonts and images are served by the service itself', async () => {
    const css = await request(app).get('/assets/govuk-frontend.min.css');
    expect(css.status).toBe(200);
    const urls = [...css.text.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^\/assets\//);
      expect((await request(app).get(url)).status).toBe(200);
    }
    for (const path of [
      '/assets/govuk-frontend.bundle.js',
      '/assets/sanctuary.js',
      '/assets/sanctuary.css',
    ]) {
      expect((await request(app).get(path)).status).toBe(200);
    }
    const page = await request(app).get('/check');
    expect(page.text).not.toMatch(/(src|href)="(https?:)?\/\/(?!www\.nationalarchives)/);
  });
});

describe('the form and the schema agree', () => {
  test('every fact a case may carry has a question, and every question is a fact', () => {
    const facts = [...factCatalogue.values()].filter((f) => f.scope === 'case').map((f) => f.path);
    expect(caseQuestions.map((q) => q.path).sort()).toEqual(facts.sort());
  });
});

describe('what would change the outcome', () => {
  const store = bundledRules();
  const outcomeAt =
    (authorityId: string) =>
    (caseFacts: Case): Outcome => {
      // The same decision function the API uses.
      const result = decideForAuthority(store, authorityId, caseFacts, { today: () => fixedToday });
      return result.kind === 'decided' ? result.decision.outcome : 'no-scheme';
    };

  test('finds the single change that makes a case eligible, and leaves the case as it was', () => {
    const { caseFacts } = caseFromForm(ineligibleAtDartford);
    const before = JSON.stringify(caseFacts);
    const pack = packInForce(store, 'dartford', fixedToday)!;
    const search = whatWouldChange(caseFacts, variationsFor(pack), outcomeAt('dartford'));
    expect(search.complete).toBe(true);
    expect(search.ways).toContainEqual([{ path: 'property.landlordPermission', value: 'granted' }]);
    expect(search.ways).not.toContainEqual([{ path: 'property.landlordPermission', value: 'refused' }]);
    expect(search.ways.every((way) => way.length === 1)).toBe(true);
    expect(JSON.stringify(caseFacts)).toBe(before);
    expect(describeWays(search.ways, variationsFor(pack), caseFacts)).toEqual([
      'the tenure is council tenant or owner-occupier',
      'landlord permission is not refused',
    ]);
  });

  test('tries pairs only when no single change works, and reports only pairs that are both needed', () => {
    const variations = new Map([
      ['household.livesInArea', [true, false]],
      ['household.agreesToWorks', [true, false]],
      ['harm.riskLevel', ['standard', 'medium', 'high']],
    ]);
    const both = (c: Case): Outcome =>
      c.household?.livesInArea && c.household?.agreesToWorks ? 'eligible' : 'ineligible';
    const search = whatWouldChange({}, variations, both);
    expect(search.ways).toEqual([
      [
        { path: 'household.livesInArea', value: true },
        { path: 'household.agreesToWorks', value: true },
      ],
    ]);
    // 7 single changes, then every pair of different facts: 2×2 + 2×3 + 2×3.
    expect(search.tried).toBe(7 + 16);
    expect(describeWays(search.ways, variations, {})).toEqual([
      'the victim lives in the area and the victim agrees to the works',
    ]);
  });

  test('stops at its limit and says the search was not complete', () => {
    const variations = new Map([['harm.riskLevel', ['standard', 'medium', 'high']]]);
    let calls = 0;
    const never = (): Outcome => {
      calls += 1;
      return 'ineligible';
    };
    const search = whatWouldChange({}, variations, never, 2);
    expect(search).toEqual({ ways: [], tried: 2, complete: false });
    expect(calls).toBe(2);
  });

  test("varies the facts the pack's tables read, over values that can make a difference", () => {
    const variations = variationsFor(packInForce(store, 'dartford', fixedToday)!);
    expect(variations.get('household.livesInArea')).toEqual([true, false]);
    expect(variations.get('property.landlordPermission')).toEqual(componentSchema('LandlordPermission').enum);
    // The DASH bands 0–9, 10–13, 14–27: each edge and the value just past it.
    expect(variations.get('harm.dashYesCount')).toEqual([0, 9, 10, 13, 14, 27]);
    expect(variations.has('measure.id')).toBe(false);
    expect([...variations.keys()].every((path) => factCatalogue.get(path)?.scope === 'case')).toBe(true);
  });

  test('says "at least" for a number where every higher value works', () => {
    const ways: FactChange[][] = [14, 27].map((value) => [{ path: 'harm.dashYesCount', value }]);
    const variations = new Map([['harm.dashYesCount', [0, 9, 10, 13, 14, 27]]]);
    expect(describeWays(ways, variations, {})).toEqual([
      'the number of ‘yes’ answers on the DASH checklist is at least 14',
    ]);
    expect(describeWays(ways, variations, {}, 'cy')).toEqual([
      'mai 14 neu fwy yw’r ateb i “Faint o gwestiynau ar restr wirio DASH a atebwyd ‘ie’?”',
    ]);
  });

  test('says "is not" where every answer but the one given works, in English only of a clause that is "… is …"', () => {
    const sources = componentSchema('ReferralSource').enum as string[];
    const permissions = componentSchema('LandlordPermission').enum as string[];
    const variations = new Map([
      ['referral.source', sources],
      ['property.landlordPermission', permissions],
    ]);
    const caseFacts: Case = { referral: { source: 'self' }, property: { landlordPermission: 'refused' } };
    const allBut = (path: string, values: string[], current: string) =>
      values.filter((value) => value !== current).map((value) => [{ path, value }]);
    const permission = allBut('property.landlordPermission', permissions, 'refused');
    expect(describeWays(permission, variations, caseFacts)).toEqual(['landlord permission is not refused']);
    expect(describeWays(permission, variations, caseFacts, 'cy')).toEqual([
      'nad ‘Wedi’i wrthod’ yw’r ateb i “A yw’r landlord wedi rhoi caniatâd ar gyfer y gwaith?”',
    ]);
    // "The referral is made by …" names the sources that work; Welsh says "nad … yw’r ateb" of any question.
    const source = allBut('referral.source', sources, 'self');
    expect(describeWays(source, variations, caseFacts)[0]).toMatch(
      /^the referral is made by police, MARAC, /,
    );
    expect(describeWays(source, variations, caseFacts, 'cy')[0]).toMatch(
      /^nad ‘.*’ yw’r ateb i “Pwy wnaeth yr atgyfeiriad\?”$/,
    );
  });
});

describe('decision tables in words', () => {
  const store = bundledRules();
  const tablesOf = (authorityId: string) =>
    printedTables(
      packInForce(store, authorityId, fixedToday)!,
      JSON.parse(store.defaultsText),
      measureLabeller(store),
    );

  test('conditions read as clauses of a sentence', () => {
    expect(conditionText('property.tenure', 'private-rented')).toBe('the tenure is private rented');
    expect(conditionText('referral.source', { not: 'self' })).toBe(
      'the referral is not made by the victim (self-referral)',
    );
    expect(conditionText('referral.source', ['police', 'marac', 'idva'])).toBe(
      'the referral is made by police, MARAC or IDVA',
    );
    expect(conditionText('household.livesInArea', true)).toBe('the victim lives in the area');
    expect(conditionText('harm.maracCase', { not: true })).toBe('the case does not go to MARAC');
    expect(conditionText('harm.dashYesCount', { min: 14 })).toBe(
      'the number of ‘yes’ answers on the DASH checklist is at least 14',
    );
    expect(conditionText('assessment.recommendedMeasures', { includes: 'safe-room' })).toBe(
      'the assessment recommends safe room',
    );
  });

  test('a row says when it applies (only the conditions it has) and what it decides, and keeps its citation', () => {
    const tenure = tablesOf('dartford').find((t) => t.id === 'tenureCoverage')!;
    expect(tenure.hitPolicy).toBe('Exactly one row applies.');
    expect(tenure.rows.find((row) => row.id === 'private-rented')).toEqual({
      id: 'private-rented',
      nationalRule: false,
      when: 'When the tenure is private rented',
      decides: 'covered; funded by the homelessness prevention grant; the landlord must agree',
      statement:
        'Private sector tenants are covered, funded from the Preventing Homelessness Grant; the landlord must agree to the works.',
      statementWelsh: null,
      codes: [{ label: 'Code', code: 'tenure-covered' }],
      citation: 'Dartford Borough Council, Sanctuary Scheme Referral Procedure, 6. Funding',
      sourceHref: '/sources/dartford-sanctuary-scheme-procedure.txt',
      quote:
        'For private sector tenants or owner-occupiers, the scheme is funded from Communities and Local Government Preventing Homelessness Grant.',
      note: null,
    });
    const eligibility = tablesOf('uttlesford').find((t) => t.id === 'eligibility')!;
    const [first, second] = eligibility.rows;
    expect(first!.when).toBe('In every case');
    expect(first!.codes.map((c) => c.label)).toEqual(['Code when met', 'Code when not met']);
    expect(second).toMatchObject({
      when: 'When the tenure is not housing association tenant',
      decides: 'met when the victim agrees to work with housing options',
    });
    const routing = tablesOf('gwynedd').find((t) => t.id === 'routing')!;
    expect(routing.rows[0]).toMatchObject({
      when: 'When the referral is not made by MARAC and the case does not go to MARAC',
      decides: 'goes to MARAC; when the case is ineligible',
    });
  });

  test('conditions read in Welsh by the form’s question and its answers, with every word from the catalogues', () => {
    const welsh = (fact: string, cell: Parameters<typeof conditionText>[1]) =>
      conditionText(fact, cell, (id) => valueLabel(id, 'cy'), 'cy');
    expect(welsh('property.tenure', ['private-rented', 'council-tenant'])).toBe(
      'mai ‘Rhentu preifat’ neu ‘Tenant y cyngor’ yw’r ateb i “Beth yw deiliadaeth y dioddefwr?”',
    );
    expect(welsh('harm.dashYesCount', { min: 10, max: 13 })).toBe(
      'mai rhwng 10 a 13 yw’r ateb i “Faint o gwestiynau ar restr wirio DASH a atebwyd ‘ie’?”',
    );
    expect(welsh('resolved.riskLevel', { not: 'high' })).toBe(
      'nad ‘Uchel’ yw’r lefel risg a ddefnyddir (yr uchaf o’r un a roddwyd a band DASH)',
    );
    // English says a fact with no clause of its own the same way, and a derived fact by what it is.
    expect(conditionText('measure.id', ['cctv', 'safe-room'])).toBe('the measure is CCTV or safe room');
    expect(conditionText('resolved.worksCostAboveCap', false)).toBe(
      "the cost of the works is within the cap on the council's contribution",
    );
  });

  test('every question says its fact as an English clause, from the tables catalogue', () => {
    for (const question of caseQuestions) {
      const value =
        question.domain.kind === 'enum' || question.domain.kind === 'set' ? question.domain.values[0]! : 1;
      expect(question.says(question.domain.kind === 'boolean' ? true : value)).toMatch(/^[a-z].* .+[^ ]$/);
    }
    expect(clauseText('property.tenure', 'isNot', { answers: 'private rented' })).toBe(
      'the tenure is not private rented',
    );
    expect(questionByPath.get('assessment.worksCostGBP')!.says(1500)).toBe('the works cost £1,500.00');
  });

  test('every pack prints the rule that the perpetrator must not live at the property once: its own, or the national one last', () => {
    const statedByThePack: string[] = [];
    for (const id of store.packs.keys()) {
      const { rows } = tablesOf(id).find((table) => table.id === 'eligibility')!;
      const rule = rows.filter(
        (row) => row.decides === 'met when the perpetrator does not live at the property',
      );
      expect([id, rule.length]).toEqual([id, 1]);
      if (rule[0]!.nationalRule) {
        expect([id, rows.at(-1)]).toEqual([id, rule[0]]);
        expect(rule[0]!.citation).toBe('sanctuary-rules national safety rules, Perpetrator in the home');
        expect(rule[0]!.sourceHref).toBeNull();
      } else statedByThePack.push(id);
    }
    // Dartford states the rule itself, so its pack is compiled without the national row.
    expect(statedByThePack).toEqual(['dartford']);
  });
});

// The last of the staff pages' Welsh (issue 20): a result's language toggle re-posts the same answers rather
// than linking to an empty form, a council's English name is marked on a Welsh result, sign-in and the case-check
// limit answer in the officer's language, and a change preview's own words (and its download) are Welsh.
import request from 'supertest';
import { createApp } from '../src/http/app';
import { silentLogger } from '../src/logger';
import { currentPack } from '../src/rules/loadRules';
import { RuleService } from '../src/services/ruleService';
import { closeStaffWorkers } from '../src/web/staffWorkers';
import { eligibleAtDartford, ineligibleAtDartford } from './support/caseAnswers';
import { appWithRules, bundledRules, fixedToday } from './support/appSetup';

afterAll(closeStaffWorkers);

const app = appWithRules();

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The language toggle's form on a result page: where it posts, and the fields it carries. */
function toggleForm(html: string) {
  const form =
    /<form method="post" action="([^"]*)" class="app-language-toggle__form">([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error('the page has no language toggle form');
  const fields = [...form[2]!.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
    ([, name, value]) => [unescapeHtml(name!), unescapeHtml(value!)] as [string, string],
  );
  return { action: unescapeHtml(form[1]!), fields };
}

/** The fields as a form body, a repeated name (a checkbox list) repeated. */
const formBody = (fields: [string, string][]) =>
  fields.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');

/** Every address on the page: links, form actions and <link> elements. */
const addresses = (html: string) =>
  [...html.matchAll(/\s(?:href|action)="([^"]*)"/g)].map((m) => unescapeHtml(m[1]!));

describe('the language toggle on a result page', () => {
  const dartfordCase = { ...ineligibleAtDartford, authority: 'dartford' };

  test('re-posts the same answers in the other language, and the same result comes back', async () => {
    const welsh = await request(app).post('/check?lang=cy').type('form').send(dartfordCase);
    expect(welsh.status).toBe(200);
    const toggle = toggleForm(welsh.text);
    expect(toggle.action).toBe('/check');
    expect(toggle.fields).toEqual(
      expect.arrayContaining([
        ['authority', 'dartford'],
        ['property.tenure', 'private-rented'],
        ['assessment.recommendedMeasures', 'door-chain'],
        ['assessment.recommendedMeasures', 'cctv'],
      ]),
    );
    // Not "change your answers": the toggle asks for the result.
    expect(toggle.fields.some(([name]) => name === 'action')).toBe(false);

    const english = await request(app).post(toggle.action).type('form').send(formBody(toggle.fields));
    expect(english.status).toBe(200);
    expect(english.text).toContain('<html lang="en-GB"');
    expect(english.text).toContain('data-outcome="ineligible"');
    expect(english.text).toContain('What would change the outcome');
    expect(english.text).toMatch(/<p class="govuk-body-l">The case does not meet Dartford Borough Council/);

    // And back to Welsh, the same way.
    const back = toggleForm(english.text);
    expect(back.action).toBe('/check?lang=cy');
    const welshAgain = await request(app).post(back.action).type('form').send(formBody(back.fields));
    expect(welshAgain.text).toContain('<html lang="cy"');
    expect(welshAgain.text).toContain('Beth fyddai’n newid y canlyniad');
  });

  test('puts no case fact into any address on the page', async () => {
    for (const path of ['/check', '/check?lang=cy']) {
      const res = await request(app).post(path).type('form').send(dartfordCase);
      const leaking = addresses(res.text).filter((href) =>
        /private-rented|refused|domestic-abuse|door-chain|tenure|authority=/.test(href),
      );
      expect([path, leaking]).toEqual([path, []]);
    }
  });

  test('on a compare result, re-posts the same councils and answers', async () => {
    const welsh = await request(app)
      .post('/compare?lang=cy')
      .type('form')
      .send({ ...eligibleAtDartford, authorities: ['conwy', 'dartford'] });
    expect(welsh.status).toBe(200);
    const toggle = toggleForm(welsh.text);
    expect(toggle.action).toBe('/compare');
    expect(toggle.fields).toEqual(
      expect.arrayContaining([
        ['authorities', 'conwy'],
        ['authorities', 'dartford'],
      ]),
    );
    const english = await request(app).post(toggle.action).type('form').send(formBody(toggle.fields));
    expect(english.status).toBe(200);
    expect(english.text).toContain('The same case, side by side');
    expect(english.text).toContain('Conwy County Borough Council');
    expect(addresses(english.text).filter((href) => /authorities=|door-chain/.test(href))).toEqual([]);
  });

  test('pages that are not results keep the link', async () => {
    const form = await request(app).get('/check?lang=cy');
    expect(form.text).not.toContain('app-language-toggle__form');
    expect(form.text).toContain('href="/check" hreflang="en" lang="en"');
  });
});

describe('a council’s name on a Welsh result', () => {
  test('an English council’s name in the summary is marked as English', async () => {
    const eligible = await request(app)
      .post('/check?lang=cy')
      .type('form')
      .send({ ...eligibleAtDartford, authority: 'dartford' });
    expect(eligible.text).toContain(
      'Mae’r achos yn bodloni meini prawf <span lang="en">Dartford Borough Council</span> ar gyfer ei gynllun.',
    );
    const ineligible = await request(app)
      .post('/check?lang=cy')
      .type('form')
      .send({ ...ineligibleAtDartford, authority: 'dartford' });
    expect(ineligible.text).toContain(
      '<p class="govuk-body-l">Nid yw’r achos yn bodloni meini prawf <span lang="en">Dartford Borough Council</span>.',
    );
  });

  test('a Welsh council’s Welsh name is not marked, and English pages mark nothing', async () => {
    const conwy = await request(app)
      .post('/check?lang=cy')
      .type('form')
      .send({ ...eligibleAtDartford, authority: 'conwy' });
    expect(conwy.text).toContain('meini prawf Cyngor Bwrdeistref Sirol Conwy ar gyfer ei gynllun');
    const english = await request(app)
      .post('/check')
      .type('form')
      .send({ ...eligibleAtDartford, authority: 'dartford' });
    expect(english.text).toContain('The case meets Dartford Borough Council&#39;s criteria for its scheme.');
  });
});

describe('sign-in and the case-check limit, in the officer’s language', () => {
  // A provider nobody answers at: a post without a session is refused before it is asked, a page after.
  const signedOut = createApp({
    rules: new RuleService(bundledRules()),
    clock: { today: () => fixedToday },
    log: silentLogger,
    staffSignIn: {
      issuer: 'http://127.0.0.1:9',
      clientId: 'staff-pages',
      clientSecret: 'staff-pages-secret',
      redirectUrl: 'http://127.0.0.1:9/auth/callback',
      sessionSecret: 'a-session-secret-of-at-least-32-characters',
    },
  });

  test('a post without a session: "sign in first", in Welsh on a Welsh page and as before in English', async () => {
    const welsh = await request(signedOut)
      .post('/check?lang=cy')
      .type('form')
      .send({ authority: 'dartford' });
    expect(welsh.status).toBe(401);
    expect(welsh.headers['content-language']).toBe('cy');
    expect(welsh.text).toBe('Mewngofnodwch yn gyntaf.');
    const english = await request(signedOut).post('/check').type('form').send({ authority: 'dartford' });
    expect(english.status).toBe(401);
    expect(english.headers['content-language']).toBe('en-GB');
    expect(english.text).toBe('Sign in first.');
  });

  test('sign-in unavailable: said in Welsh on a Welsh page', async () => {
    const welsh = await request(signedOut).get('/check?lang=cy');
    expect(welsh.status).toBe(503);
    expect(welsh.headers['content-language']).toBe('cy');
    expect(welsh.text).toBe('Nid yw’r mewngofnodi ar gael: rhowch gynnig arall arni cyn bo hir.');
    const english = await request(signedOut).get('/check');
    expect(english.text).toBe('Sign-in is unavailable: try again shortly.');
  });

  test('past the limit, the 429 problem is in the language of the page that posted', async () => {
    const limited = createApp({
      rules: new RuleService(bundledRules()),
      clock: { today: () => fixedToday },
      log: silentLogger,
      staffChecksPerMinute: 1,
    });
    await request(limited).post('/check?lang=cy').type('form').send({ authority: '' });
    const welsh = await request(limited).post('/check?lang=cy').type('form').send({ authority: '' });
    expect(welsh.status).toBe(429);
    expect(welsh.headers['content-language']).toBe('cy');
    expect(welsh.body.detail).toBe('Dim mwy na 1 o wiriadau achos y funud: arhoswch ennyd.');
    const english = await request(limited).post('/compare').type('form').send({});
    expect(english.status).toBe(429);
    expect(english.headers['content-language']).toBe('en-GB');
    expect(english.body.detail).toBe('No more than 1 case checks a minute: wait a moment.');
  });
});

describe('a change preview in Welsh', () => {
  /** Dartford's pack with private tenants no longer covered, and no new version: a row change with impact. */
  const proposal = () => {
    const pack = structuredClone(currentPack(bundledRules(), 'dartford', fixedToday)!.pack);
    const row = pack.tables.tenureCoverage!.rows.find((r) => r.id === 'private-rented')!;
    (row.then as { covered: boolean }).covered = false;
    return Buffer.from(JSON.stringify(pack));
  };
  const summaryOf = (html: string) => {
    const href = /href="data:text\/plain;charset=utf-8;base64,([^"]+)"/.exec(html)![1]!;
    return Buffer.from(href, 'base64').toString('utf8');
  };

  test('says what changed, and for which cases, in Welsh; the comparison’s own words in marked English', async () => {
    const res = await request(app)
      .post('/authorities/dartford/preview?lang=cy')
      .attach('proposal', proposal(), 'dartford.json');
    expect(res.status).toBe(200);
    const text = res.text.replace(/\s+/g, ' ');
    expect(text).toContain('<span class="govuk-caption-l" lang="en">Dartford Borough Council</span>');
    expect(text).toContain('Wedi’i newid (rhes');
    expect(text).toMatch(/Wedi’i gynnwys<\/th> <td [^>]*>Ie<\/td><td [^>]*>Na<\/td>/);
    expect(text).toMatch(/[\d,]+ math o achos, wedi’u gwahaniaethu gan \d+ ffaith/);
    expect(text).toMatch(
      /<strong lang="en">outcome: eligible → ineligible<\/strong>: [\d,]+ o’r [\d,]+ math o achos/,
    );
    expect(text).toContain('Mae’r newidiadau i benderfyniadau yn Saesneg');
    expect(text).not.toContain('kinds of case');
    expect(text).not.toContain('Changed (row');
  });

  test('the downloadable change summary is in Welsh, saying what it quotes in English', async () => {
    const res = await request(app)
      .post('/authorities/dartford/preview?lang=cy')
      .attach('proposal', proposal(), 'dartford.json');
    const summary = summaryOf(res.text);
    expect(summary).toMatch(/^Newid arfaethedig i reolau cynllun noddfa Dartford Borough Council\n/);
    expect(summary).toContain('Rhagwelwyd ar 24 Tachwedd 2026.');
    expect(summary).toContain('Byddai’r gwasanaeth yn derbyn y pecyn hwn (');
    expect(summary).toContain('Rhesi a newidiwyd:');
    expect(summary).toContain('Mae’r newidiadau i benderfyniadau yn Saesneg');
    expect(summary).toContain('- outcome: eligible → ineligible:');
    expect(summary).not.toMatch(/Proposed change|Rows changed|kinds of case/);
  });

  test('the English preview and its summary say what they always said', async () => {
    const res = await request(app)
      .post('/authorities/dartford/preview')
      .attach('proposal', proposal(), 'dartford.json');
    const text = res.text.replace(/\s+/g, ' ');
    expect(text).toContain('Changed (row');
    expect(text).toMatch(/[\d,]+ kinds of case, told apart by \d+ facts/);
    // The English page marks nothing inside its content as English.
    expect(text.slice(text.indexOf('<main'), text.indexOf('</main>'))).not.toContain('lang=');
    const summary = summaryOf(res.text);
    expect(summary).toMatch(
      /^Proposed change to Dartford Borough Council's sanctuary scheme rules\nPreviewed on 2026-11-24\./,
    );
    expect(summary).toContain('Rows changed:');
    expect(summary).toContain('What it changes, over ');
  });

  test('a pack for another council is refused in Welsh, by the service’s own words', async () => {
    const pack = JSON.parse(proposal().toString('utf8')) as { authorityId: string };
    pack.authorityId = 'conwy';
    const res = await request(app)
      .post('/authorities/dartford/preview?lang=cy')
      .attach('proposal', Buffer.from(JSON.stringify(pack)), 'conwy.json');
    expect(res.text).toContain('data-accepted="false"');
    expect(res.text).toContain('mae’r pecyn hwn ar gyfer “conwy”, nid dartford');
  });
});

describe('the schemes page names each scheme and who runs it in the council’s Welsh', () => {
  const conwyRow = (html: string) => {
    const row =
      /<tr class="govuk-table__row" role="row">\s*<th[^>]*><a [^>]*href="\/authorities\/conwy[^"]*"[\s\S]*?<\/tr>/.exec(
        html,
      );
    if (!row) throw new Error('no Conwy row on the schemes page');
    return row[0];
  };

  test('in Welsh: the runner in Welsh, untranslated words marked English, and one note that it is unreviewed', async () => {
    const page = await request(app).get('/?lang=cy').expect(200);
    const row = conwyRow(page.text);
    expect(row).toContain('Cydlynydd Cam-drin Domestig (DAC)');
    expect(row).not.toContain('Domestic Abuse Co-ordinator');
    // The scheme's own name is the same in both languages, so it stays English, marked so.
    expect(row).toContain('<span lang="en">Safer Homes Scheme</span>');
    expect(page.text).toContain('heb eu hadolygu eto gan y cyngor');
  });

  test('in English: the pack’s English, and no note', async () => {
    const page = await request(app).get('/').expect(200);
    expect(conwyRow(page.text)).toContain('Domestic Abuse Co-ordinator (DAC)');
    expect(page.text).not.toContain('not yet reviewed by the council');
  });
});

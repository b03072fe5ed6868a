// The staff pages in Welsh (`?lang=cy`): every page answers in Welsh with lang="cy", links to its English twin
// and back, keeps the language in its links and forms, and says its errors in Welsh.
import request from 'supertest';
import { hrefIn, languageOf } from '../src/web/pageLanguage';
import { eligibleAtDartford, ineligibleAtDartford } from './support/caseAnswers';
import { appWithRules } from './support/appSetup';

const app = appWithRules();

const pages = [
  '/',
  '/authorities/conwy',
  '/check',
  '/compare',
  '/authorities/conwy/preview',
  '/authorities/atlantis',
];

/** The links and posted forms' actions to a page's own routes (not assets, documents or the API). A GET form
 * carries the language in a hidden field instead (tested on the schemes page). */
const pageLinks = (html: string) =>
  [...html.matchAll(/<(?:a [^>]*href|form method="post" action)="(\/[^"]*)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((href) => !/^\/(assets|sources|docs|openapi\.yaml)/.test(href));

describe('the language in the address', () => {
  test('only lang=cy exactly is Welsh', () => {
    expect(languageOf('cy')).toBe('cy');
    expect(languageOf(undefined)).toBe('en');
    expect(languageOf(['cy', 'cy'])).toBe('en');
    expect(languageOf('CY')).toBe('en');
  });

  test('a page address gains or loses lang=cy; English addresses stay as written', () => {
    expect(hrefIn('/check?authority=conwy', 'cy')).toBe('/check?authority=conwy&lang=cy');
    expect(hrefIn('/check?authority=conwy&lang=cy', 'en')).toBe('/check?authority=conwy');
    expect(hrefIn('/check', 'en')).toBe('/check');
    expect(hrefIn('/assets/sanctuary.css', 'cy')).toBe('/assets/sanctuary.css');
    expect(hrefIn('https://example.org/', 'cy')).toBe('https://example.org/');
  });
});

describe.each(pages)('%s in Welsh', (path) => {
  const welsh = `${path}${path.includes('?') ? '&' : '?'}lang=cy`;

  test('answers with lang="cy", the toggle to its English twin, and hreflang alternates', async () => {
    const res = await request(app).get(welsh);
    expect(res.text).toContain('<html lang="cy"');
    expect(res.text).toMatch(
      new RegExp(`<a [^>]*href="${path.replace(/[?]/g, '\\?')}" hreflang="en" lang="en"`),
    );
    expect(res.text).toContain(`<link rel="alternate" hreflang="en" href="${path}">`);
    expect(res.text).toContain(`<link rel="alternate" hreflang="cy" href="${welsh}">`);
    expect(res.text).toContain('Rheolau cynlluniau noddfa');
  });

  test('keeps lang=cy in every link and form to a page', async () => {
    const res = await request(app).get(welsh);
    const links = pageLinks(res.text);
    const english = links.filter((href) => !href.includes('lang=cy'));
    // The toggle's link to the English twin is the one page link without it.
    expect(english).toEqual([path]);
  });

  test('its English twin links back to the Welsh', async () => {
    const res = await request(app).get(path);
    expect(res.text).toContain('<html lang="en-GB"');
    expect(res.text).toContain(`href="${welsh.replace(/&/g, '&amp;')}" hreflang="cy" lang="cy"`);
  });
});

describe('the check-a-case form in Welsh', () => {
  test('says its errors in Welsh, in the GOV.UK error summary', async () => {
    const res = await request(app)
      .post('/check?lang=cy')
      .type('form')
      .send({ authority: '', 'harm.dashYesCount': 'lots', dashCompleted: 'yes' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Gwall: Gwirio achos');
    expect(res.text).toContain('Mae problem wedi codi');
    expect(res.text).toContain('Dewiswch y cyngor y mae’r achos ar ei gyfer');
    expect(res.text).toContain('Rhowch nifer yr atebion ‘ie’ fel rhif cyfan rhwng 0 a 27');
    expect(res.text).toContain('<span class="govuk-visually-hidden">Gwall:</span>');
    expect(res.text).toContain('action="/check?lang=cy"');
  });

  test('asks its questions in Welsh, with the date parts named in Welsh', async () => {
    const res = await request(app).get('/check?lang=cy');
    expect(res.text).toContain('A yw’r dioddefwr yn byw yn ardal y cyngor?');
    expect(res.text).toContain('Ddim yn hysbys');
    expect(res.text).toContain('Diwrnod');
    expect(res.text).toContain('Blwyddyn');
  });
});

test('the schemes page filters in Welsh, carrying the language in its GET form', async () => {
  const res = await request(app).get('/?lang=cy&nation=wales');
  expect(res.text).toContain('<input type="hidden" name="lang" value="cy">');
  expect(res.text).toContain('Cynlluniau noddfa fesul cyngor');
  expect(res.text).toContain('Cymru');
  expect(res.text).toMatch(/Yn dangos \d+ o \d+ o gynghorau\./);
});

describe('the check-a-case result in Welsh', () => {
  const conwyCase = { ...eligibleAtDartford, authority: 'conwy' };

  test('tells the outcome, its reasons and its headings in Welsh, and keeps the language in its forms', async () => {
    const res = await request(app).post('/check?lang=cy').type('form').send(conwyCase);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="cy"');
    expect(res.text).toContain('Pam</h2>');
    expect(res.text).toContain('Cyllid a chyfraniad');
    expect(res.text).toContain('Yr atebion y penderfynwyd arnynt');
    expect(res.text).toContain('A yw’r dioddefwr yn byw yn ardal y cyngor?');
    expect(res.text).toMatch(/Tachwedd 2026/);
    expect(res.text).toContain('action="/check?lang=cy"');
    expect(res.text).toContain('action="/compare?lang=cy"');
    // Quotes from the policy stay English, and say so.
    expect(res.text).not.toMatch(/<blockquote class="app-quote govuk-body-s">/);
  });

  test('the national safety rule’s Welsh is marked as the service’s, the council’s as the council’s', async () => {
    const res = await request(app).post('/check?lang=cy').type('form').send(conwyCase);
    const rule = res.text.indexOf('Rhaid i’r cyflawnwr beidio â byw yn yr eiddo');
    expect(rule).toBeGreaterThan(0);
    expect(res.text.slice(rule, res.text.indexOf('</strong>', rule))).toContain(
      'Cyfieithiad y gwasanaeth, heb ei adolygu eto',
    );
    expect(res.text).toContain('Cyfieithiad heb ei adolygu gan y cyngor');
  });

  test('the English result is as it was', async () => {
    const res = await request(app).post('/check').type('form').send(conwyCase);
    expect(res.text).toContain('<html lang="en-GB"');
    expect(res.text).toContain('Why</h2>');
    expect(res.text).toContain('Decided by the rules in force on 2026-11-24');
  });
});

describe('compare in Welsh', () => {
  test('the side-by-side result and its errors are in Welsh', async () => {
    const compared = await request(app)
      .post('/compare?lang=cy')
      .type('form')
      .send({ ...eligibleAtDartford, authorities: ['conwy', 'gwynedd'] });
    expect(compared.status).toBe(200);
    expect(compared.text).toContain('Yr un achos, ochr yn ochr');
    expect(compared.text).toContain('Meini prawf heb eu bodloni');
    expect(compared.text).toContain('action="/check?lang=cy"');

    const refused = await request(app).post('/compare?lang=cy').type('form').send({ authorities: 'conwy' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Mae problem wedi codi');
    expect(refused.text).toContain('Dewiswch 2 neu 3 chyngor i’w cymharu');
  });
});

describe('a pack’s own texts on a Welsh page', () => {
  test('shows the council’s Welsh, marked as not yet reviewed, with the English original beside it', async () => {
    const res = await request(app).get('/authorities/gwynedd?lang=cy');
    expect(res.text).toContain('<h1 class="govuk-heading-l" lang="cy">Cyngor Gwynedd</h1>');
    expect(res.text).toContain('Cyfieithiad heb ei adolygu gan y cyngor');
    expect(res.text).toContain('Testun Saesneg gwreiddiol');
    expect(res.text).toContain('lang="cy">Ceir caledu targedau drwy atgyfeiriad MARAC');
    // Quotes from the source documents stay English, and say so.
    expect(res.text).toContain('<blockquote class="app-quote govuk-body-s" lang="en">');
  });

  test('the English page shows the English alone, with no tag', async () => {
    const res = await request(app).get('/authorities/gwynedd');
    expect(res.text).not.toContain('Cyfieithiad heb ei adolygu');
    expect(res.text).not.toContain('Ceir caledu targedau');
  });
});

describe('what would change the outcome, in Welsh', () => {
  test('is told by the form’s questions and answers, joined as Welsh joins them', async () => {
    const res = await request(app)
      .post('/check?lang=cy')
      .type('form')
      .send({ ...ineligibleAtDartford, authority: 'dartford' });
    expect(res.text).toContain('Beth fyddai’n newid y canlyniad');
    expect(res.text).toContain(
      'Cymwys os mai ‘Tenant y cyngor’ neu ‘Perchen-feddiannydd’ yw’r ateb i “Beth yw deiliadaeth y dioddefwr?”.',
    );
  });
});

test('the preview form and its refusal are in Welsh', async () => {
  const form = await request(app).get('/authorities/conwy/preview?lang=cy');
  expect(form.text).toContain('Rhagweld newid');
  const refused = await request(app).post('/authorities/conwy/preview?lang=cy').field('x', 'y');
  expect(refused.status).toBe(400);
  expect(refused.text).toContain('Mae problem wedi codi');
  expect(refused.text).toContain('Dewiswch y llyfr gwaith neu’r ffeil becyn wedi’i golygu i’w rhagweld');
});

test('an authority’s decision tables are printed in Welsh, by the form’s questions and answers', async () => {
  const res = await request(app).get('/authorities/dartford?lang=cy');
  const text = res.text.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
  expect(text).toContain(
    'Os mai ‘Rhentu preifat’ yw’r ateb i “Beth yw deiliadaeth y dioddefwr?”: Wedi’i gynnwys: Ie; Pwy sy’n talu: Grant atal digartrefedd; Rhaid i’r landlord gytuno: Angen.',
  );
  expect(text).toContain('Y rhes gyntaf sy’n cyfateb sy’n berthnasol.');
  // The documents cited are English: their links say so.
  expect(res.text).toMatch(/href="\/sources\/[^"]+" hreflang="en"/);
});

test('an authority’s page prints the national safety rule in its Welsh, marked unreviewed, as the service’s own', async () => {
  const res = await request(app).get('/authorities/conwy?lang=cy');
  const mark =
    'Un o reolau diogelwch cenedlaethol y gwasanaeth, a gymhwysir gyda meini prawf pob cyngor: nid polisi’r cyngor hwn.';
  expect(res.text.split(mark)).toHaveLength(2);
  const rule = res.text.slice(res.text.indexOf(mark), res.text.indexOf('</li>', res.text.indexOf(mark)));
  expect(rule).toContain(
    'lang="cy">Rhaid i’r cyflawnwr beidio â byw yn yr eiddo: mae mesurau diogelwch yn diogelu cartref rhag rhywun y tu allan iddo, nid rhag rhywun sy’n byw ynddo. <strong class="govuk-tag govuk-tag--grey app-unreviewed">Cyfieithiad y gwasanaeth, heb ei adolygu eto</strong>',
  );
  // The council's own rows wait on the council's review, not the service's.
  expect(res.text).toContain('Cyfieithiad heb ei adolygu gan y cyngor');
  expect(rule).toContain(
    'Ffynhonnell: <span lang="en">sanctuary-rules national safety rules, Perpetrator in the home</span>',
  );
  // Dartford states the rule in its own criteria: the national row is not printed beside it.
  expect((await request(app).get('/authorities/dartford?lang=cy')).text).not.toContain(mark);
});

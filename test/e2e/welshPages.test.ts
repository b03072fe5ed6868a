/// <reference lib="dom" />
// The staff pages in Welsh (`?lang=cy`), in Chromium, with JavaScript on and off: the schemes, a Welsh council's
// page (Conwy), checking a case there (eligible, not eligible, and the error summary) and comparing councils.
// Every page is `lang="cy"`, axe finds nothing, the toggle leads to the same page in English and back, every
// link and form keeps the page Welsh, and no English is left on it outside an element marked `lang="en"`.
import type { Page } from 'playwright-core';
import { axeViolations, axeViolationsWithoutScripts, screenshot, staffPagesInBrowser } from './browser';
import { answer, eligibleAtDartford, type Answers } from '../support/caseAnswers';

jest.setTimeout(180_000);

/**
 * Conwy's pack sets no eligibility criteria of its own (the WLGA report gives none) and fits to any tenure, so
 * the case that meets Dartford's criteria meets Conwy's; the national rule that the perpetrator must not live at
 * the property still applies, and is the one this case fails.
 */
const eligibleAtConwy: Answers = eligibleAtDartford;
const ineligibleAtConwy: Answers = { ...eligibleAtDartford, 'perpetrator.livesAtProperty': 'true' };

/**
 * Words the pages would show if a string were left untranslated, matched as whole words and case as written:
 * none is Welsh, and none is a Welsh word's spelling (Welsh "a", "i", "o", "ac", "at", "go", "does", "is", "problem" and
 * "landlord" or "tenant" are left out on purpose). A word is a run of letters, apostrophes and hyphens, so a
 * row id such as `range-of-partners` is one word, not "of".
 */
const englishWords = new Set(
  (
    'the The and And of for For with With from From this This that That there There these when When where ' +
    'Where which Which what What who Who will would must should can cannot not Not has have been are was ' +
    'were your Your you You by or no No Yes Eligible Ineligible Check Continue Back Select Enter Change ' +
    'Compare Apply filters Showing Skip Error None Unknown unknown Source Note Rule ' +
    'within hours days working given time Council County Borough District own Abuse Police police asked ' +
    'property victim referral Menu Search'
  ).split(' '),
);
const englishPhrases = ['There is a problem', 'main content', 'Check the case', 'Not known'];

interface EnglishText {
  text: string;
  element: string;
  words: string[];
}

/**
 * The text on the page that is not inside an element marked `lang="en"` (or `en-GB`) and reads as English.
 * Every text node a person can be shown is looked at: on screen now, or behind a closed <details>, a
 * conditional reveal or another screen width, and the visually hidden text a screen reader speaks. Code
 * (rule ids, hashes) is in no language, and is left out.
 */
async function englishLeftOn(page: Page): Promise<EnglishText[]> {
  const texts = await page.evaluate(() => {
    const found: { text: string; element: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (
        !parent ||
        !text ||
        parent.closest('script, style, template, code') ||
        parent.tagName === 'NOSCRIPT'
      )
        continue;
      const lang = parent.closest('[lang]')?.getAttribute('lang') ?? '';
      if (/^en\b/i.test(lang)) continue;
      const cls =
        typeof parent.className === 'string' && parent.className ? `.${parent.className.split(' ')[0]}` : '';
      found.push({ text, element: `<${parent.tagName.toLowerCase()}${cls}>` });
    }
    return found;
  });
  return texts
    .map(({ text, element }) => ({
      text,
      element,
      words: [
        ...(text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []).filter((word) => englishWords.has(word)),
        ...englishPhrases.filter((phrase) => text.includes(phrase)),
      ],
    }))
    .filter((found) => found.words.length > 0);
}

/** The English left on the page, one line each, for a failure message that says what and where. */
const englishLines = (found: EnglishText[]) =>
  found.map((f) => `${f.element} "${f.text}" (English: ${[...new Set(f.words)].join(', ')})`);

/** Addresses that are not staff pages, as src/web/pageLanguage.ts lists them: left in their own language. */
const notAPage = /^\/(assets|sources|docs|openapi\.yaml|v1|health|metrics)(\/|$|\?)/;

/** Links and forms on the page that would leave Welsh: a page link without `lang=cy`, a form that drops it. */
async function linksAndFormsLeavingWelsh(page: Page): Promise<string[]> {
  const { links, forms } = await page.evaluate(() => ({
    links: Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))
      .filter((a) => !a.classList.contains('app-language-toggle__link'))
      .map((a) => a.getAttribute('href')!),
    // The toggle on a result page is a form, leading to English by design.
    forms: Array.from(document.querySelectorAll('form:not(.app-language-toggle__form)')).map((form) => ({
      method: (form.getAttribute('method') ?? 'get').toLowerCase(),
      action: form.getAttribute('action') ?? '',
      langField: form.querySelector<HTMLInputElement>('input[name="lang"]')?.value ?? null,
    })),
  }));
  const leaving: string[] = [];
  for (const href of links) {
    if (!href.startsWith('/') || href.startsWith('//') || notAPage.test(href)) continue;
    if (new URL(href, 'http://page.invalid').searchParams.get('lang') !== 'cy') leaving.push(`link ${href}`);
  }
  for (const form of forms) {
    const actionLang = new URL(form.action || '/', 'http://page.invalid').searchParams.get('lang');
    // A GET form's fields replace its action's query, so the language must be one of its fields.
    const keeps =
      form.method === 'get' ? form.langField === 'cy' : actionLang === 'cy' || form.langField === 'cy';
    if (!keeps) leaving.push(`form ${form.method.toUpperCase()} ${form.action}`);
  }
  return leaving;
}

/** An address with its query in a fixed order, so two spellings of the same page compare equal. */
function address(href: string): string {
  const url = new URL(href, 'http://page.invalid');
  url.searchParams.sort();
  return url.pathname + url.search;
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/**
 * The language toggle on a result (the answer to a POST): a button that posts the same answers again in the other
 * language, so "English" shows the same result in English, from the form's address with no case in it, and
 * "Cymraeg" there brings it back in Welsh. `sameResult` says what must be the same. Leaves the page Welsh.
 */
async function toggleResultToEnglishAndBack(
  page: Page,
  path: string,
  sameResult: (page: Page) => Promise<unknown>,
): Promise<void> {
  const welsh = await sameResult(page);
  await Promise.all([page.waitForNavigation(), page.click('button.app-language-toggle__link[lang="en"]')]);
  await expect(htmlLang(page)).resolves.toBe('en-GB');
  expect(address(page.url())).toBe(path);
  await expect(page.locator('.app-language-toggle__current').textContent()).resolves.toBe('English');
  await expect(sameResult(page)).resolves.toEqual(welsh);
  await Promise.all([page.waitForNavigation(), page.click('button.app-language-toggle__link[lang="cy"]')]);
  await expect(htmlLang(page)).resolves.toBe('cy');
  expect(address(page.url())).toBe(`${path}?lang=cy`);
  await expect(sameResult(page)).resolves.toEqual(welsh);
}

/**
 * The language toggle: "English" opens the page's twin (`english`, its address without `lang=cy`) in English,
 * and "Cymraeg" there comes back to the Welsh address it left (`welsh`). Leaves the page on the Welsh twin.
 */
async function toggleToEnglishAndBack(page: Page, english: string, welsh: string): Promise<void> {
  const toEnglish = page.locator('a.app-language-toggle__link[hreflang="en"]');
  expect(address((await toEnglish.getAttribute('href'))!)).toBe(address(english));
  await Promise.all([page.waitForURL((url) => address(url.href) === address(english)), toEnglish.click()]);
  await expect(htmlLang(page)).resolves.toBe('en-GB');
  await expect(page.locator('.app-language-toggle__current').textContent()).resolves.toBe('English');
  const toWelsh = page.locator('a.app-language-toggle__link[hreflang="cy"]');
  expect(address((await toWelsh.getAttribute('href'))!)).toBe(address(welsh));
  await Promise.all([page.waitForURL((url) => address(url.href) === address(welsh)), toWelsh.click()]);
  await expect(htmlLang(page)).resolves.toBe('cy');
}

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('the staff pages in Welsh %s', (_name, javaScriptEnabled) => {
  // axe is injected as an inline script, which the pages' Content-Security-Policy rightly refuses (see
  // staffPages.test.ts, which checks the pages under the real policy).
  const staff = staffPagesInBrowser({ javaScriptEnabled, bypassCSP: true });
  const axe = (page: Page) => (javaScriptEnabled ? axeViolations(page) : axeViolationsWithoutScripts(page));

  /**
   * What every Welsh page must be: Welsh, accessible, Welsh in what it links to, and with no stray English.
   * Each problem goes into `problems`, named by `where`, so one run reports every page's problems together;
   * each test asserts there are none at its end.
   */
  async function checkWelshPage(page: Page, where: string, problems: string[]): Promise<void> {
    const lang = await htmlLang(page);
    if (lang !== 'cy') problems.push(`${where}: <html lang="${lang}">`);
    for (const violation of await axe(page)) problems.push(`${where}: axe ${violation}`);
    for (const leaving of await linksAndFormsLeavingWelsh(page))
      problems.push(`${where}: leaves Welsh: ${leaving}`);
    for (const line of englishLines(await englishLeftOn(page))) problems.push(`${where}: English ${line}`);
  }

  async function submit(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.click(`main button:has-text("${button}")`)]);
  }

  test('the schemes page, and its filter, in Welsh', async () => {
    const { page, errors } = await staff.open('/?lang=cy');
    const problems: string[] = [];
    await expect(page.locator('h1').textContent()).resolves.toBe('Cynlluniau noddfa fesul cyngor');
    await expect(page.locator('tbody tr').count()).resolves.toBe(32);
    await checkWelshPage(page, 'schemes', problems);

    await page.selectOption('#nation', 'wales');
    await submit(page, 'Hidlo');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('cy');
    expect(new URL(page.url()).searchParams.get('nation')).toBe('wales');
    const nations = await page.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(nations.length).toBeGreaterThan(0);
    expect(new Set(nations.map((n) => n.trim()))).toEqual(new Set(['Cymru']));
    await checkWelshPage(page, 'schemes, filtered to Wales', problems);

    // The filtered page's twin keeps the filter.
    const filtered = new URL(page.url());
    const english = new URL(filtered);
    english.searchParams.delete('lang');
    await toggleToEnglishAndBack(
      page,
      english.pathname + english.search,
      filtered.pathname + filtered.search,
    );
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Conwy's page in Welsh", async () => {
    const { page, errors } = await staff.open('/authorities/conwy?lang=cy');
    const problems: string[] = [];
    await expect(page.locator('h1').textContent()).resolves.toBe('Cyngor Bwrdeistref Sirol Conwy');
    await expect(page.locator('h1').getAttribute('lang')).resolves.toBe('cy');
    // Welsh pack texts say they are unreviewed, with the English original beside them, marked as English.
    await expect(page.locator('.app-unreviewed').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('blockquote.app-quote').first().getAttribute('lang')).resolves.toBe('en');
    await checkWelshPage(page, 'Conwy', problems);
    await toggleToEnglishAndBack(page, '/authorities/conwy', '/authorities/conwy?lang=cy');
    await expect(page.locator('h1').textContent()).resolves.toBe('Cyngor Bwrdeistref Sirol Conwy');

    // "Check a case for this council" opens the Welsh form with Conwy chosen.
    await Promise.all([
      page.waitForNavigation(),
      page.click('a:has-text("Gwirio achos ar gyfer y cyngor hwn")'),
    ]);
    await expect(htmlLang(page)).resolves.toBe('cy');
    await expect(page.locator('#authority').inputValue()).resolves.toBe('conwy');
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('check a case at Conwy in Welsh: the form, and an eligible result', async () => {
    const { page, errors } = await staff.open('/check?lang=cy');
    const problems: string[] = [];
    await expect(page.locator('h1').textContent()).resolves.toBe('Gwirio achos');
    // The measures are a conditional reveal: hidden until "Ie" is chosen, unless there is no script to hide them.
    await expect(page.locator('#assessment-recommendedMeasures').isVisible()).resolves.toBe(
      !javaScriptEnabled,
    );
    await checkWelshPage(page, 'check form', problems);
    await answer(page, 'conwy', eligibleAtConwy);
    await expect(page.locator('#assessment-recommendedMeasures').isVisible()).resolves.toBe(true);
    await checkWelshPage(page, 'check form, answered', problems);
    if (javaScriptEnabled) await screenshot(page, 'check-form-welsh');

    await submit(page, 'Gwirio’r achos');
    await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe('eligible');
    await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain('Cymwys');
    await expect(page.title()).resolves.toBe(
      'Canlyniad: Cyngor Bwrdeistref Sirol Conwy – Rheolau cynlluniau noddfa',
    );
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Cadwyn drws');
    expect(main).toContain('Comisiynydd heddlu a throseddu');
    expect(main).toContain('Cyfieithiad heb ei adolygu gan y cyngor');
    expect(main).not.toContain('Beth fyddai’n newid y canlyniad');
    await checkWelshPage(page, 'check result, eligible', problems);
    if (javaScriptEnabled) await screenshot(page, 'check-result-welsh');

    // "Newid eich atebion" brings the form back filled in, still in Welsh.
    await submit(page, 'Newid eich atebion');
    await expect(htmlLang(page)).resolves.toBe('cy');
    await expect(page.locator('#authority').inputValue()).resolves.toBe('conwy');
    await expect(
      page.locator('input[name="perpetrator.livesAtProperty"][value="false"]').isChecked(),
    ).resolves.toBe(true);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('check a case at Conwy in Welsh: a case that is not eligible says what would change the outcome', async () => {
    const { page, errors } = await staff.open('/check?lang=cy');
    const problems: string[] = [];
    await answer(page, 'conwy', ineligibleAtConwy);
    await submit(page, 'Gwirio’r achos');
    await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe('ineligible');
    await expect(page.locator('h1').textContent()).resolves.toContain('Ddim yn gymwys');
    await expect(page.locator('#changes li').allTextContents()).resolves.toContain(
      'Cymwys os mai ‘Na’ yw’r ateb i “A yw’r cyflawnwr yn byw yn yr eiddo?”.',
    );
    // The criteria met are in a <details>: opened, they are Welsh too.
    await page.click('summary:has-text("Meini prawf a fodlonwyd")');
    await checkWelshPage(page, 'check result, not eligible', problems);
    // A result is the answer to a POST and is not kept: the toggle posts the same answers in English.
    await toggleResultToEnglishAndBack(page, '/check', (shown) =>
      shown.locator('[data-outcome]').getAttribute('data-outcome'),
    );
    await expect(page.locator('h1').textContent()).resolves.toContain('Ddim yn gymwys');
    await checkWelshPage(page, 'check result, not eligible, back from English', problems);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('check a case in Welsh: submitted empty, the error summary is in Welsh and linked to the field', async () => {
    const { page, errors } = await staff.open('/check?lang=cy');
    const problems: string[] = [];
    await checkWelshPage(page, 'check form', problems);
    await toggleToEnglishAndBack(page, '/check', '/check?lang=cy');

    await submit(page, 'Gwirio’r achos');
    await expect(page.title()).resolves.toMatch(/^Gwall: /);
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.locator('.govuk-error-summary__title').textContent()).resolves.toContain(
      'Mae problem wedi codi',
    );
    const links = await summary.locator('a').allTextContents();
    expect(links.map((l) => l.trim())).toEqual(['Dewiswch y cyngor y mae’r achos ar ei gyfer']);
    await expect(page.locator('#authority-error').textContent()).resolves.toContain(
      'Dewiswch y cyngor y mae’r achos ar ei gyfer',
    );
    // GOV.UK Frontend moves focus to the summary, so a screen reader announces it.
    if (javaScriptEnabled)
      await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await checkWelshPage(page, 'check form with errors', problems);
    await summary.locator('a').first().click();
    if (javaScriptEnabled)
      await expect(page.locator('#authority').evaluate((el) => el === document.activeElement)).resolves.toBe(
        true,
      );
    // The browser reports the 400 status of the page itself; nothing else may go wrong.
    expect(problems).toEqual([]);
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
    await page.close();
  });

  test('compare in Welsh: Conwy, Gwynedd and Dartford side by side, and a full result from a column', async () => {
    const { page, errors } = await staff.open('/compare?lang=cy');
    const problems: string[] = [];
    await expect(page.locator('h1').textContent()).resolves.toBe('Cymharu awdurdodau');
    await checkWelshPage(page, 'compare form', problems);
    await toggleToEnglishAndBack(page, '/compare', '/compare?lang=cy');

    for (const id of ['conwy', 'gwynedd', 'dartford'])
      await page.check(`input[name="authorities"][value="${id}"]`);
    await answer(page, null, eligibleAtConwy);
    await submit(page, 'Cymharu');
    const headings = (await page.locator('thead th').allTextContents()).map((h) => h.trim());
    expect(headings).toEqual([
      'Cyngor Bwrdeistref Sirol Conwy',
      'Dartford Borough Council',
      'Cyngor Gwynedd',
    ]);
    const outcomes = await page
      .locator('td[data-outcome]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-outcome')));
    // Gwynedd's scheme is accessed via MARAC referral, which this case does not say.
    expect(outcomes).toEqual(['eligible', 'eligible', 'more-information-needed']);
    await checkWelshPage(page, 'compare result', problems);
    await toggleResultToEnglishAndBack(page, '/compare', (shown) =>
      shown
        .locator('td[data-outcome]')
        .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-outcome'))),
    );

    // Each column opens that council's full result, in Welsh.
    await Promise.all([
      page.waitForNavigation(),
      page.locator('table button:has-text("Gweld y canlyniad llawn")').nth(2).click(),
    ]);
    await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe(
      'more-information-needed',
    );
    await checkWelshPage(page, 'compare, full result for Gwynedd', problems);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

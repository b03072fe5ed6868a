/// <reference lib="dom" />
// The staff pages on a phone, 375 px wide, and on paper: no page scrolls sideways, axe finds nothing at that
// width, the compare page shows every council it compares, and an authority's printout keeps its citations
// while the navigation and buttons stay off the paper.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, axeViolationsWithoutScripts, screenshot, staffPagesInBrowser } from './browser';
import { answer, eligibleAtDartford, ineligibleAtDartford } from '../support/caseAnswers';

jest.setTimeout(240_000);

const phone = { width: 375, height: 800 };
const staff = staffPagesInBrowser({ bypassCSP: true }, phone);

/** How wide the page is: wider than the screen, and it scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function expectToFitAPhone(page: Page) {
  expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width);
  await expect(axeViolations(page)).resolves.toEqual([]);
}

/** Whether the element, scrolled to, is on screen whole: inside the viewport, and clipped by nothing around it. */
async function onScreenWhole(element: Locator): Promise<boolean> {
  await element.scrollIntoViewIfNeeded();
  if (!(await element.isVisible())) return false;
  return element.evaluate((el) => {
    // The element's box, and its text, which may run out of the box.
    const text = document.createRange();
    text.selectNodeContents(el);
    const boxes = [el.getBoundingClientRect(), text.getBoundingClientRect()];
    const inside = (outer: { left: number; right: number; top: number; bottom: number }) =>
      boxes.every(
        (box) =>
          box.left >= outer.left &&
          box.right <= outer.right &&
          box.top >= outer.top &&
          box.bottom <= outer.bottom,
      );
    if (!inside({ left: 0, right: window.innerWidth, top: 0, bottom: window.innerHeight })) return false;
    for (let up = el.parentElement; up; up = up.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(up);
      if ((overflowX !== 'visible' || overflowY !== 'visible') && !inside(up.getBoundingClientRect()))
        return false;
    }
    return true;
  });
}

test.each([
  '/',
  '/authorities/dartford',
  '/authorities/wrexham',
  '/check',
  '/compare',
  '/authorities/dartford/preview',
])('%s fits a phone', async (address) => {
  const { page, errors } = await staff.open(address);
  await expectToFitAPhone(page);
  expect(errors).toEqual([]);
  await page.close();
});

test('the page-not-found page fits a phone', async () => {
  const { page, errors } = await staff.open('/authorities/atlantis');
  await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
  await expectToFitAPhone(page);
  // The browser reports the 404 status of the page itself; nothing else may go wrong.
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  await page.close();
});

test('a policy document the rules cite fits a phone', async () => {
  const { page, errors } = await staff.open('/authorities/dartford');
  const href = await page.locator('.app-rule__source a').first().getAttribute('href');
  expect(href).toMatch(/^\/sources\//);
  const response = await page.goto(staff.baseUrl + href!);
  // Served as the plain text it is, which the browser wraps: there is no HTML of the service's own for axe to
  // check, and the checks axe would make (a title, a language, landmarks) are for HTML pages.
  expect(response?.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width);
  expect(errors).toEqual([]);
  await page.close();
});

test('a check result fits a phone, ineligible or eligible, with long rule ids wrapped', async () => {
  const { page, errors } = await staff.open('/check');
  await answer(page, 'dartford', ineligibleAtDartford);
  await page.click('button:has-text("Check the case")');
  await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe('ineligible');
  await expectToFitAPhone(page);
  // Each reason names its rule, an id such as dartford/tenureCoverage/private-rented, in full.
  const rule = page.locator('main code', { hasText: 'dartford/tenureCoverage/private-rented' }).first();
  await expect(onScreenWhole(rule)).resolves.toBe(true);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'check-result-phone');

  await page.goto(staff.baseUrl + '/check');
  await answer(page, 'dartford', eligibleAtDartford);
  await page.click('button:has-text("Check the case")');
  await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe('eligible');
  await expectToFitAPhone(page);
  // The measures table is stacked: each measure with its status under it, labelled.
  await expect(onScreenWhole(page.locator('main tbody th', { hasText: 'Door chain' }))).resolves.toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test('compare shows every council it compares on a phone', async () => {
  const councils = ['Dartford Borough Council', 'Gwynedd Council', 'Wrexham County Borough Council'];
  const { page, errors } = await staff.open('/compare');
  for (const id of ['dartford', 'gwynedd', 'wrexham'])
    await page.check(`input[name="authorities"][value="${id}"]`);
  await answer(page, null, eligibleAtDartford);
  await page.click('button:has-text("Compare")');
  await expect(page.locator('h1').textContent()).resolves.toBe('Compare authorities');
  await expectToFitAPhone(page);
  await screenshot(page, 'compare-phone');

  // One card per council, each headed by its name, whole on screen once scrolled to.
  await expect(page.locator('.app-compare-card h2').allTextContents()).resolves.toEqual(councils);
  for (const name of councils) {
    await expect(onScreenWhole(page.locator('.app-compare-card h2', { hasText: name }))).resolves.toBe(true);
    await expect(
      onScreenWhole(page.locator(`button[aria-label="See the full result for ${name}"]:visible`)),
    ).resolves.toBe(true);
  }
  // The list at the top says from the start that there are three, and links to each.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const name of councils)
    await expect(onScreenWhole(page.getByRole('link', { name, exact: true }))).resolves.toBe(true);
  // Each card opens that council's full result, as the table does on a wide screen.
  await page.click('button[aria-label="See the full result for Gwynedd Council"]:visible');
  await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe(
    'more-information-needed',
  );
  expect(errors).toEqual([]);
  await page.close();
});

test('the preview of a change fits a phone', async () => {
  const pack = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'rules', 'authorities', 'dartford.json'), 'utf8'),
  ) as {
    version: string;
    tables: { tenureCoverage: { rows: { id: string; then: { covered: unknown } }[] } };
  };
  pack.version += '-phone';
  pack.tables.tenureCoverage.rows.find((row) => row.id === 'private-rented')!.then.covered = false;
  const { page, errors } = await staff.open('/authorities/dartford/preview');
  await page.setInputFiles('#proposal', {
    name: 'dartford.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(pack)),
  });
  await page.click('button:has-text("Preview the change")');
  await expect(page.locator('h1').textContent()).resolves.toBe('Preview of a change');
  await expect(page.locator('.app-row-diff').first().textContent()).resolves.toMatch(/Covered\s*Yes\s*No/);
  await expectToFitAPhone(page);
  expect(errors).toEqual([]);
  await page.close();
});

test("an authority's page prints its rules with their citations, and no navigation or buttons", async () => {
  const { page, errors } = await staff.open('/authorities/dartford');
  // Paper is wider than a phone: about an A4 page.
  await page.setViewportSize({ width: 800, height: 1100 });
  const navigation = page.locator('.govuk-service-navigation__wrapper');
  await expect(navigation.isVisible()).resolves.toBe(true);
  await page.emulateMedia({ media: 'print' });

  await expect(navigation.isVisible()).resolves.toBe(false);
  for (const hidden of ['.govuk-skip-link', '.govuk-back-link', '.govuk-button'])
    await expect(page.locator(hidden).first().isVisible()).resolves.toBe(false);
  const citations = page.locator('.app-rule__source');
  const rows = await page.locator('.app-rule').count();
  expect(rows).toBeGreaterThan(20);
  await expect(citations.count()).resolves.toBe(rows);
  for (const citation of await citations.all()) await expect(citation.isVisible()).resolves.toBe(true);
  await expect(page.locator('.app-rules .app-quote').first().isVisible()).resolves.toBe(true);
  await expect(page.locator('main').textContent()).resolves.toContain(
    'When the tenure is private rented: covered; funded by the homelessness prevention grant; the landlord must agree.',
  );
  // Nothing runs off the edge of the paper: here, nor on the schemes page, whose table has seven columns.
  expect(await pageWidth(page)).toBeLessThanOrEqual(800);
  await page.goto(staff.baseUrl + '/');
  await expect(page.locator('tbody tr').count()).resolves.toBe(32);
  expect(await pageWidth(page)).toBeLessThanOrEqual(800);
  expect(errors).toEqual([]);
  await page.close();
});

describe('without JavaScript', () => {
  // The menu is not folded away, and nothing else changes: the pages still fit.
  const plain = staffPagesInBrowser({ javaScriptEnabled: false, bypassCSP: true }, phone);

  test.each(['/', '/authorities/dartford', '/check'])('%s fits a phone', async (address) => {
    const { page, errors } = await plain.open(address);
    expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width);
    await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('compare shows every council on a phone', async () => {
    const { page, errors } = await plain.open('/compare');
    for (const id of ['dartford', 'lichfield']) await page.check(`input[name="authorities"][value="${id}"]`);
    await answer(page, null, ineligibleAtDartford);
    await page.click('button:has-text("Compare")');
    expect(await pageWidth(page)).toBeLessThanOrEqual(phone.width);
    for (const name of ['Dartford Borough Council', 'Lichfield District Council'])
      await expect(onScreenWhole(page.locator('.app-compare-card h2', { hasText: name }))).resolves.toBe(
        true,
      );
    await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

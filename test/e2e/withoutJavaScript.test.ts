/// <reference lib="dom" />
// The staff pages with JavaScript switched off: every page is a plain HTML form or link, so everything still
// works; conditional reveals simply stay open, and GOV.UK Frontend's scripts never run.
import { axeViolationsWithoutScripts, screenshot, staffPagesInBrowser } from './browser';
import { answer, eligibleAtDartford, ineligibleAtDartford } from '../support/caseAnswers';

jest.setTimeout(180_000);

const staff = staffPagesInBrowser({ javaScriptEnabled: false, bypassCSP: true });

test('the schemes filter is a plain GET form', async () => {
  const { page, errors } = await staff.open('/');
  await expect(page.locator('body').getAttribute('class')).resolves.not.toContain('js-enabled');
  await page.selectOption('#nation', 'england');
  await page.click('button:has-text("Apply filters")');
  await page.waitForURL(/nation=england/);
  const nations = await page.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(nations.length).toBeGreaterThan(0);
  expect(new Set(nations.map((n) => n.trim()))).toEqual(new Set(['England']));
  await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('an authority page reads the same without JavaScript', async () => {
  const { page, errors } = await staff.open('/authorities/wrexham');
  await expect(page.locator('h1').textContent()).resolves.toBe('Wrexham County Borough Council');
  await expect(page.locator('section.app-rules').count()).resolves.toBeGreaterThan(5);
  await expect(page.locator('.app-rule').count()).resolves.toBeGreaterThan(10);
  await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('check a case: the reveals are open, the form submits, and the result and error pages work', async () => {
  const { page, errors } = await staff.open('/check');
  // With no script to hide them, the revealed questions are on show from the start.
  await expect(page.locator('#assessment-recommendedMeasures').isVisible()).resolves.toBe(true);
  await expect(page.locator('#harm-dashYesCount').isVisible()).resolves.toBe(true);
  await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);
  await page.locator('#section-assessment').evaluate((heading) => heading.scrollIntoView());
  await screenshot(page, 'check-form-no-javascript');

  await answer(page, 'dartford', eligibleAtDartford);
  await page.click('button:has-text("Check the case")');
  await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe('eligible');
  await expect(page.locator('main').textContent()).resolves.toContain('Door chain');
  await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);

  await page.goto(staff.baseUrl + '/check');
  await answer(page, 'dartford', ineligibleAtDartford);
  await page.click('button:has-text("Check the case")');
  await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe('ineligible');
  await expect(page.locator('#changes li').allTextContents()).resolves.toContain(
    'Eligible if landlord permission is not refused.',
  );
  // The criteria met are in a <details>, which opens without JavaScript.
  await page.click('summary:has-text("Criteria met")');
  await expect(page.locator('details').first().getAttribute('open')).resolves.not.toBeNull();
  await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);

  await page.goto(staff.baseUrl + '/check');
  await page.click('button:has-text("Check the case")');
  await expect(page.locator('.govuk-error-summary a').allTextContents()).resolves.toEqual([
    'Select the council the case is for',
  ]);
  await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);
  expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  await page.close();
});

test('compare works without JavaScript', async () => {
  const { page, errors } = await staff.open('/compare');
  for (const id of ['dartford', 'lichfield']) await page.check(`input[name="authorities"][value="${id}"]`);
  await answer(page, null, ineligibleAtDartford);
  await page.click('button:has-text("Compare")');
  await expect(page.locator('thead th').allTextContents()).resolves.toEqual([
    'Dartford Borough Council',
    'Lichfield District Council',
  ]);
  await expect(axeViolationsWithoutScripts(page)).resolves.toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

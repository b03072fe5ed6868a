/// <reference lib="dom" />
// The preview of a change, in Chromium, with JavaScript on and off: a policy officer downloads the spreadsheet,
// edits it, uploads it, and sees the problems, the rows changed, the case-space impact and the scenarios; a
// hostile or broken upload gets a clear answer, never a server error. axe finds nothing on any of the pages.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { axeViolations, axeViolationsWithoutScripts, screenshot, staffPagesInBrowser } from './browser';

jest.setTimeout(240_000);

/** The workbook with each edit made: in the sheet's row whose "Row id" is `row`, the cell under `column`. */
async function editedWorkbook(
  original: Buffer,
  edits: { sheet: string; row: string; column: string; value: string }[],
) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(original as unknown as ArrayBuffer);
  for (const edit of edits) {
    const sheet = workbook.getWorksheet(edit.sheet)!;
    let header: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (!header && row.getCell(1).text === 'Row id') header = row;
    });
    let column = 0;
    header!.eachCell((cell, n) => {
      if (cell.text === edit.column) column = n;
    });
    sheet.eachRow((row) => {
      if (row.getCell(1).text === edit.row) row.getCell(column).value = edit.value;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function download(page: Page, href: string): Promise<Buffer> {
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  return response.body();
}

/** Three Dartford referrals that meet every criterion: two private tenants and an owner-occupier. */
const caseload = [
  'referral.source,harm.type,household.livesInArea,household.wishesToRemain,household.intendsToRemain,' +
    'household.agreesToWorks,household.threatenedWithHomelessness,perpetrator.livesAtProperty,property.tenure,' +
    'property.rightToOccupy,property.landlordPermission,assessment.safeToRemainWithMeasures',
  ...['private-rented', 'owner-occupier', 'private-rented'].map(
    (tenure) => `police,domestic-abuse,yes,yes,yes,yes,yes,no,${tenure},yes,granted,yes`,
  ),
].join('\n');

async function upload(page: Page, name: string, buffer: Buffer, mimeType: string, cases?: string) {
  await page.setInputFiles('#proposal', { name, mimeType, buffer });
  if (cases)
    await page.setInputFiles('#caseload', {
      name: 'referrals.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(cases),
    });
  await page.click('button:has-text("Preview the change")');
  await page.waitForLoadState('load');
}

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each([
  ['with JavaScript', true],
  ['without JavaScript', false],
])('previewing a change %s', (_name, javaScriptEnabled) => {
  const staff = staffPagesInBrowser({ javaScriptEnabled, bypassCSP: true });
  const axe = (page: Page) => (javaScriptEnabled ? axeViolations(page) : axeViolationsWithoutScripts(page));

  test('an edited spreadsheet shows its row diff, its impact on every kind of case and the scenarios it changes', async () => {
    const { page, errors } = await staff.open('/authorities/dartford');
    await page.click('a:has-text("Preview a change")');
    await expect(page.locator('h1').textContent()).resolves.toBe('Preview a change');
    await expect(axe(page)).resolves.toEqual([]);
    if (javaScriptEnabled) await screenshot(page, 'preview-form');

    const original = await download(page, staff.baseUrl + '/authorities/dartford/spreadsheet');
    const edited = await editedWorkbook(original, [
      { sheet: 'Tenure', row: 'private-rented', column: 'Covered', value: 'No' },
    ]);
    await upload(page, 'dartford.xlsx', edited, xlsx, caseload);

    const main = page.locator('main');
    await expect(page.locator('[data-accepted]').getAttribute('data-accepted')).resolves.toBe('true');
    await expect(main.textContent()).resolves.toContain('private-rented');
    await expect(page.locator('.app-row-diff').first().textContent()).resolves.toMatch(/Covered\s*Yes\s*No/);
    // The version did not change: the page says so, and check's wording warning names the row.
    await expect(main.textContent()).resolves.toContain('Give the pack a new version');
    await expect(page.locator('.app-impact').textContent()).resolves.toContain(
      'outcome: eligible → ineligible',
    );
    await expect(page.locator('#scenarios + ul').textContent()).resolves.toContain('private tenant');
    // The two private tenants of the caseload are turned away; the owner-occupier is not.
    const cases = await page.locator('.app-caseload').textContent();
    expect(cases).toContain('Of 3 cases for dartford, 2 would be decided differently');
    expect(cases).toMatch(/outcome: eligible → ineligible: 2 cases \(lines 2 and 4\)/);
    const summary = await page.locator('a:has-text("Download the change summary")').getAttribute('href');
    expect(Buffer.from(summary!.split(',')[1]!, 'base64').toString('utf8')).toContain(
      'outcome: eligible → ineligible',
    );
    const pack = await page.locator('a:has-text("Download the new pack")').getAttribute('href');
    const json = JSON.parse(Buffer.from(pack!.split(',')[1]!, 'base64').toString('utf8'));
    expect(json.tables.tenureCoverage.rows[2].then.covered).toBe(false);
    await expect(axe(page)).resolves.toEqual([]);
    if (javaScriptEnabled) await screenshot(page, 'preview-change');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a wrong value is a problem naming its sheet, row and column, with a suggestion', async () => {
    const { page } = await staff.open('/authorities/dartford/preview');
    const original = await download(page, staff.baseUrl + '/authorities/dartford/spreadsheet');
    const edited = await editedWorkbook(original, [
      { sheet: 'Tenure', row: 'owner-occupier', column: 'Funder', value: 'councill' },
    ]);
    await upload(page, 'dartford.xlsx', edited, xlsx);
    await expect(page.locator('[data-accepted]').getAttribute('data-accepted')).resolves.toBe('false');
    const problems = await page.locator('.app-problems').textContent();
    expect(problems).toContain('"Tenure"');
    expect(problems).toContain('councill');
    expect(problems).toContain('did you mean');
    await expect(page.locator('a:has-text("Download the new pack")').count()).resolves.toBe(0);
    await expect(axe(page)).resolves.toEqual([]);
    await page.close();
  });

  test('a zip bomb and a file that is not a workbook are refused with a clear reason', async () => {
    const { page } = await staff.open('/authorities/dartford/preview');
    const bomb = new JSZip();
    bomb.file('xl/worksheets/sheet1.xml', Buffer.alloc(60 * 1024 * 1024));
    const bytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await upload(page, 'bomb.xlsx', bytes, xlsx);
    await expect(page.locator('[data-accepted]').getAttribute('data-accepted')).resolves.toBe('false');
    await expect(page.locator('.app-problems').textContent()).resolves.toMatch(/unzip|too large|larger/i);

    await page.goto(staff.baseUrl + '/authorities/dartford/preview');
    await upload(page, 'notes.xlsx', Buffer.from('these are not the rules'), xlsx);
    await expect(page.locator('.app-problems').textContent()).resolves.toContain('not valid JSON');
    await expect(axe(page)).resolves.toEqual([]);

    await page.goto(staff.baseUrl + '/authorities/dartford/preview');
    await upload(page, 'huge.json', Buffer.alloc(6 * 1024 * 1024, 32), 'application/json');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('larger than 5 MB');
    await expect(axe(page)).resolves.toEqual([]);

    await page.goto(staff.baseUrl + '/authorities/dartford/preview');
    await page.click('button:has-text("Preview the change")');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Choose the edited');
    await page.close();
  });
});

// The spreadsheet round trip: every bundled pack through a workbook and back unchanged; a person's edits read
// as they meant them, and their slips reported at the cell with a suggestion; untrusted files refused before
// exceljs reads them; and the export and import commands.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RulePack } from '../src/generated/pack';
import { conditionWords, readCondition } from '../src/rules/workbook/cellWords';
import { packToWorkbook } from '../src/rules/workbook/packWorkbook';
import { checkXlsxUpload, rangeArea } from '../src/rules/workbook/workbookLimits';
import { placeProblems, workbookToPack } from '../src/rules/workbook/workbookPack';
import { factCatalogue } from '../src/rules/factCatalogue';
import { checkPackSchema } from '../src/rules/packSchema';
import { runCli } from './support/runCli';

// exceljs's reader, to show that a refused file never reaches it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelReader = require('exceljs/lib/xlsx/xlsx') as { prototype: { load: unknown } };

const root = path.join(__dirname, '..');
const authorities = path.join(root, 'rules', 'authorities');
const packFiles = readdirSync(authorities).filter((name) => name.endsWith('.json'));
const readPack = (name: string): RulePack => JSON.parse(readFileSync(path.join(authorities, name), 'utf8'));
const dartford = readPack('dartford.json');

async function roundTrip(pack: RulePack) {
  return workbookToPack(await packToWorkbook(pack), `${pack.authorityId}.xlsx`);
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Dartford's workbook with a person's edit made in it. */
async function edited(edit: (workbook: ExcelJS.Workbook) => void, pack = dartford): Promise<Buffer> {
  const workbook = await loadWorkbook(await packToWorkbook(pack));
  edit(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const headerRowOf = (sheet: ExcelJS.Worksheet) => {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === 'Row id') return row;
  throw new Error(`no header row in ${sheet.name}`);
};

/** The cell of a table sheet in the row with this id and the column with this header. */
function cellAt(workbook: ExcelJS.Workbook, sheetName: string, rowId: string, header: string): ExcelJS.Cell {
  const sheet = workbook.getWorksheet(sheetName)!;
  const headerRow = headerRowOf(sheet);
  let column = 0;
  sheet.getRow(headerRow).eachCell((cell, n) => void (cell.value === header && (column = n)));
  for (let row = headerRow + 1; row <= sheet.rowCount; row++) {
    if (sheet.getCell(row, 1).value === rowId) return sheet.getCell(row, column);
  }
  throw new Error(`no row ${rowId} in ${sheetName}`);
}

const schemeValue = (workbook: ExcelJS.Workbook, label: string) => {
  const sheet = workbook.getWorksheet('Scheme')!;
  for (let row = 1; row <= sheet.rowCount; row++)
    if (sheet.getCell(row, 1).value === label) return sheet.getCell(row, 2);
  throw new Error(`no ${label} row`);
};

describe('round trip', () => {
  test.each(packFiles)('%s comes back from its workbook unchanged, with no problems', async (name) => {
    const pack = readPack(name);
    const read = await roundTrip(pack);
    expect(read.problems).toEqual([]);
    expect(read.pack).toEqual(pack);
  });

  test('absent, null, one-item lists and every kind of cell survive the round trip', async () => {
    const pack = structuredClone(dartford) as RulePack & Record<string, unknown>;
    const { tables } = pack;
    pack.effectiveTo = null;
    delete pack.description;
    pack.scheme.neverEligible = {
      text: 'No case is eligible.',
      source: { document: 'procedure', section: '1' },
    };
    pack.alternatives!.values = [];
    tables.referralRoutes.description = 'Who may refer.';
    tables.referralRoutes.inputs = [{ fact: 'referral.source' }];
    tables.referralRoutes.rows[0]!.when['referral.source'] = ['police'];
    tables.referralRoutes.rows[1]!.when['referral.source'] = { not: ['police', 'marac'] };
    tables.eligibility.rows[0]!.when = {
      'property.tenure': { not: 'council-tenant' },
      'harm.maracCase': true,
    };
    tables.eligibility.rows[1]!.require['harm.dashYesCount'] = { min: 5 };
    tables.eligibility.rows[2]!.require['harm.dashYesCount'] = { max: 10 };
    tables.eligibility.rows[3]!.require['harm.dashYesCount'] = { min: -1, max: 2.5 };
    tables.tenureCoverage.rows[0]!.then.fitter = { to: 'installer', name: null };
    tables.tenureCoverage.rows[1]!.then.fitter = { to: 'landlord', name: 'The landlord' };
    tables.tenureCoverage.rows[1]!.then.referToLandlord = false;
    tables.contributions.rows[0]!.then.councilContributionCapGBP = 1500.5;
    tables.measures.rows[0]!.then.standardOffer = false;
    tables.measures.rows[1]!.then.approval = 'senior-officer-written';
    tables.measures.rows[1]!.then.package = 'basic-package';
    tables.routing.rows[0]!.then.withinWorkingDays = null;
    tables.routing.rows[1]!.then.forOutcomes = ['eligible'];
    tables.routing.rows[3]!.when['assessment.recommendedMeasures'] = { includes: 'safe-room' };
    tables.response.rows[0]!.then = { withinHours: 48, label: null };
    const read = await roundTrip(pack);
    expect(read.problems).toEqual([]);
    expect(read.pack).toEqual(pack);

    const dated = { ...structuredClone(dartford), effectiveTo: '2027-03-31' };
    expect((await roundTrip(dated)).pack).toEqual(dated);
  });

  test.each([
    [{ not: 'marac' }, 'not marac'],
    [['police', 'marac'], 'police, marac'],
    [['police'], 'police,'],
    [{ min: 5, max: 10 }, '5 to 10'],
    [{ min: 5 }, 'at least 5'],
    [{ max: 10 }, 'at most 10'],
    [{ includes: 'cctv' }, 'includes cctv'],
    [true, 'Yes'],
  ])('the condition %j is written "%s"', (cell, words) => {
    expect(conditionWords(cell)).toBe(words);
  });

  test('a person may type Any, other capitals and extra spaces', () => {
    const source = factCatalogue.get('referral.source')!.domain;
    expect(readCondition('Any', source).value).toBeUndefined();
    expect(readCondition('  Police ,  MARAC ', source).value).toEqual(['police', 'marac']);
    expect(readCondition('NOT self', source).value).toEqual({ not: 'self' });
    expect(readCondition('yes', factCatalogue.get('harm.maracCase')!.domain).value).toBe(true);
  });
});

describe('the workbook a person sees', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await loadWorkbook(await packToWorkbook(dartford));
  });

  test('a Scheme sheet, one sheet per table, and a hidden Lists sheet', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Scheme',
      'Eligibility',
      'Who may refer',
      'Tenure',
      'Contributions',
      'Measures',
      'Routing',
      'Response time',
      'Lists',
    ]);
    expect(workbook.getWorksheet('Lists')!.state).toBe('hidden');
    expect(schemeValue(workbook, 'Version').value).toBe('2026.2');
    expect(schemeValue(workbook, 'Scheme operated').value).toBe('Yes');
    expect(schemeValue(workbook, 'Alternatives').value).toMatch(
      /^management-transfer, temporary-accommodation/,
    );
  });

  test('inputs are headed by their labels, with the fact in a note; outputs are words', () => {
    const tenure = workbook.getWorksheet('Tenure')!;
    expect(tenure.getCell('B3').value).toBe('unique');
    const header = tenure.getRow(headerRowOf(tenure));
    expect(header.getCell(2).value).toBe('Tenure');
    expect(header.getCell(2).note).toBe('fact: property.tenure');
    expect(cellAt(workbook, 'Tenure', 'other-tenures-not-stated', 'Covered').value).toBe('Not stated');
    expect(cellAt(workbook, 'Tenure', 'other-tenures-not-stated', 'Tenure').value).toBe(
      'shared-ownership, other',
    );
    expect(cellAt(workbook, 'Who may refer', 'self-referral-open', 'Accepted').value).toBe('Open');
    expect(tenure.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRowOf(tenure) });
  });

  test('outputs have strict drop-downs and conditions lenient ones, from the hidden Lists sheet', () => {
    const covered = cellAt(workbook, 'Tenure', 'council-tenant', 'Covered').dataValidation;
    expect(covered).toMatchObject({ type: 'list', errorStyle: 'stop' });
    const lists = workbook.getWorksheet('Lists')!;
    const [, letter, last] = /^Lists!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(covered.formulae[0])!;
    const values = Array.from(
      { length: Number(last) - 1 },
      (_v, i) => lists.getCell(`${letter}${i + 2}`).value,
    );
    expect(values).toEqual(['Yes', 'No', 'Open', 'Not stated']);
    const tenure = cellAt(workbook, 'Tenure', 'council-tenant', 'Tenure').dataValidation;
    expect(tenure).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(cellAt(workbook, 'Tenure', 'council-tenant', 'Source document').dataValidation.errorStyle).toBe(
      'stop',
    );
  });

  test('cellOf names the cell a JSON pointer came from', async () => {
    const read = await roundTrip(dartford);
    expect(read.cellOf('/version')).toEqual({ sheet: 'Scheme', row: 4, column: 'Version', value: '2026.2' });
    expect(read.cellOf('/tables/tenureCoverage/rows/3/then/covered')).toEqual({
      sheet: 'Tenure',
      row: 9,
      column: 'Covered',
      value: 'Yes',
    });
    expect(read.cellOf('/tables/eligibility/rows/1/require/household.livesInArea')).toMatchObject({
      sheet: 'Eligibility',
      column: 'Lives in Dartford borough',
      value: 'Yes',
    });
    expect(read.cellOf('/tables/referralRoutes/rows/0/when/referral.source/3')?.column).toBe('Referred by');
    expect(read.cellOf('/tables/routing/rows/2')).toMatchObject({
      column: 'Row id',
      value: 'works-arranged',
    });
    expect(read.cellOf('/sources/0/file')).toMatchObject({ sheet: 'Scheme', column: 'File' });
  });
});

describe('a workbook a person has edited', () => {
  test('a tenure no longer covered and a cap raised are read as meant', async () => {
    const bytes = await edited((workbook) => {
      cellAt(workbook, 'Tenure', 'owner-occupier', 'Covered').value = 'No';
      cellAt(workbook, 'Contributions', 'no-cost-to-victim', 'Council contribution cap (£)').value = 2500;
    });
    const read = await workbookToPack(bytes, 'dartford.xlsx');
    expect(read.problems).toEqual([]);
    const pack = read.pack as RulePack;
    expect(pack.tables.tenureCoverage.rows[3]!.then.covered).toBe(false);
    expect(pack.tables.contributions.rows[0]!.then.councilContributionCapGBP).toBe(2500);
    const expected = structuredClone(dartford);
    expected.tables.tenureCoverage.rows[3]!.then.covered = false;
    expected.tables.contributions.rows[0]!.then.councilContributionCapGBP = 2500;
    expect(pack).toEqual(expected);
  });

  test('a date typed as an Excel date is read as its calendar day', async () => {
    const bytes = await edited((workbook) => {
      const from = schemeValue(workbook, 'Effective from');
      from.value = new Date(Date.UTC(2026, 3, 1));
      from.numFmt = 'dd/mm/yyyy';
      schemeValue(workbook, 'Effective to').value = 46387; // a date whose format was lost: 31 December 2026
    });
    const read = await workbookToPack(bytes, 'dartford.xlsx');
    expect(read.problems).toEqual([]);
    expect(read.pack).toMatchObject({ effectiveFrom: '2026-04-01', effectiveTo: '2026-12-31' });
  });

  test('a misspelt funder is reported at its cell with a suggestion, and kept so later checks run', async () => {
    const bytes = await edited((workbook) => {
      cellAt(workbook, 'Tenure', 'owner-occupier', 'Funder').value = 'councill';
    });
    const read = await workbookToPack(bytes, 'dartford.xlsx');
    expect(read.problems).toEqual([
      expect.objectContaining({
        file: 'dartford.xlsx',
        severity: 'error',
        pointer: '/tables/tenureCoverage/rows/3/then/funder',
        cell: { sheet: 'Tenure', row: 9, column: 'Funder', value: 'councill' },
        message: expect.stringMatching(
          /^"councill" is not one of council, landlord, .* \(did you mean "council"\?\)$/,
        ),
      }),
    ]);
    expect((read.pack as RulePack).tables.tenureCoverage.rows[3]!.then.funder).toBe('councill');
  });

  test('a value that is not one of the words says which words are', async () => {
    const bytes = await edited((workbook) => {
      cellAt(workbook, 'Tenure', 'owner-occupier', 'Covered').value = 'Maybe';
    });
    const [problem] = (await workbookToPack(bytes, 'dartford.xlsx')).problems;
    expect(problem!.message).toBe('"Maybe" is not one of Yes, No, Open, Not stated');
  });

  test('a misspelt fact in a header note is reported with a suggestion', async () => {
    const bytes = await edited((workbook) => {
      const tenure = workbook.getWorksheet('Tenure')!;
      tenure.getCell(headerRowOf(tenure), 2).note = 'fact: property.tenur';
    });
    const read = await workbookToPack(bytes, 'dartford.xlsx');
    expect(read.problems).toEqual([
      expect.objectContaining({
        cell: { sheet: 'Tenure', row: 5, column: 'Tenure', value: 'Tenure' },
        message: expect.stringMatching(
          /"property\.tenur".*not a fact the API knows \(did you mean "property\.tenure"\?\)/,
        ),
      }),
    ]);
    const inputs = (read.pack as RulePack).tables.tenureCoverage.inputs;
    expect(inputs).toEqual([{ fact: 'property.tenur', label: 'Tenure' }]);
  });

  test('an unknown column, row label, sheet or source document is reported with a suggestion', async () => {
    const bytes = await edited((workbook) => {
      const tenure = workbook.getWorksheet('Tenure')!;
      const header = headerRowOf(tenure);
      tenure.getRow(header).eachCell((cell) => void (cell.value === 'Funder' && (cell.value = 'Fundr')));
      tenure.getCell(1, 1).value = 'Titel';
      workbook.getWorksheet('Routing')!.name = 'Routeing';
      cellAt(workbook, 'Tenure', 'council-tenant', 'Source document').value = 'procedur';
    });
    const messages = (await workbookToPack(bytes, 'dartford.xlsx')).problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '"Fundr" is not a column this sheet has (did you mean "Funder"?)',
        '"Titel" is not a row this sheet has (did you mean "Title"?)',
        expect.stringMatching(/^"Routeing" is not a sheet the import reads.*did you mean "Routing"\?\)$/),
        '"procedur" is not one of procedure (did you mean "procedure"?)',
      ]),
    );
  });

  test('problems found later in the pack are placed at their cells, without repeating the reader', async () => {
    const bytes = await edited((workbook) => {
      cellAt(workbook, 'Tenure', 'owner-occupier', 'Funder').value = 'councill';
      cellAt(workbook, 'Tenure', 'council-tenant', 'Reason code').value = '';
    });
    const read = await workbookToPack(bytes, 'dartford.xlsx');
    const later = [
      { file: 'x', pointer: '/tables/tenureCoverage/rows/3/then/funder', message: 'must be one of…' },
      {
        file: 'x',
        pointer: '/tables/tenureCoverage/rows/0/then',
        message: 'then is missing the field "code"',
      },
      { file: 'x', pointer: '/tables/tenureCoverage/rows', message: 'gap' },
    ].map((p) => ({ ...p, severity: 'error' as const }));
    expect(placeProblems(read, later).map((p) => p.cell && [p.cell.row, p.cell.column])).toEqual([
      [6, 'Reason code'],
      [5, 'Row id'],
    ]);
  });

  test('a column every row needs, misspelt, is reported once and not again for every row', async () => {
    const bytes = await edited((workbook) => {
      const tenure = workbook.getWorksheet('Tenure')!;
      tenure.getRow(headerRowOf(tenure)).eachCell((cell) => {
        if (cell.value === 'Landlord permission') cell.value = 'Landlord permision';
      });
    });
    const read = await workbookToPack(bytes, 'dartford.xlsx');
    expect(read.problems.map((p) => [p.cell!.row, p.cell!.column, p.message])).toEqual([
      [
        5,
        'Landlord permision',
        '"Landlord permision" is not a column this sheet has (did you mean "Landlord permission"?)',
      ],
      [5, 'Landlord permission', 'the sheet has no column "Landlord permission", which every row needs'],
    ]);
    const checked = checkPackSchema(read.pack, 'authorities/dartford.json');
    const later = 'problems' in checked ? checked.problems : [];
    expect(later.length).toBe(5);
    expect(placeProblems(read, later)).toEqual([]);
  });

  test('a sheet past the row limit is a problem, not a crash', async () => {
    const bytes = await edited((workbook) => {
      workbook.getWorksheet('Tenure')!.getCell(1500, 1).value = 'far-away';
    });
    const read = await workbookToPack(bytes, 'dartford.xlsx');
    expect(read.problems.map((p) => p.message)).toEqual([
      'the sheet has rows down to 1500; only the first 1000 rows and 60 columns of a sheet are read',
    ]);
    expect(read.pack).toEqual(dartford);
  });
});

describe('untrusted files', () => {
  let load: jest.SpyInstance;
  beforeEach(() => {
    load = jest.spyOn(ExcelReader.prototype as { load(): unknown }, 'load');
  });
  afterEach(() => load.mockRestore());

  async function zipOf(files: Record<string, Buffer | string>): Promise<Buffer> {
    const zip = new JSZip();
    for (const [name, content] of Object.entries(files)) zip.file(name, content);
    return zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 1 },
    });
  }

  async function expectRefused(bytes: Buffer, reason: RegExp) {
    expect(await checkXlsxUpload(bytes)).toMatch(reason);
    const read = await workbookToPack(bytes, 'upload.xlsx');
    expect(read.pack).toBeNull();
    expect(read.problems).toEqual([expect.objectContaining({ file: 'upload.xlsx', severity: 'error' })]);
    expect(read.problems[0]!.message).toMatch(reason);
    expect(load).not.toHaveBeenCalled();
  }

  test('a workbook of ours is safe', async () => {
    expect(await checkXlsxUpload(await packToWorkbook(dartford))).toBeNull();
  });

  test('a file that is not a zip is not an XLSX workbook', async () => {
    await expectRefused(Buffer.from('authorityId,name\ndartford,Dartford\n'), /not an XLSX workbook/);
    await expectRefused(Buffer.alloc(0), /not an XLSX workbook/);
  });

  test('a zip that is not a workbook is not an XLSX workbook', async () => {
    await expectRefused(await zipOf({ 'notes.txt': 'hello' }), /not an XLSX workbook/);
  });

  test('a truncated workbook is refused', async () => {
    const bytes = await packToWorkbook(dartford);
    await expectRefused(bytes.subarray(0, bytes.length - 100), /XLSX workbook/);
  });

  test('a zip bomb is refused by what it really unzips to, not what it declares', async () => {
    const bomb = await zipOf({
      '[Content_Types].xml': '<Types/>',
      'xl/worksheets/sheet1.xml': Buffer.alloc(50 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectRefused(bomb, /unzips to more than 20 MB/);
  });

  test('too large a file, or too many parts, is refused', async () => {
    await expectRefused(Buffer.alloc(3 * 1024 * 1024), /the file is 3 MB; the limit is 2 MB/);
    const parts = Object.fromEntries(Array.from({ length: 201 }, (_v, i) => [`part${i}.xml`, 'x']));
    await expectRefused(await zipOf(parts), /201 parts; the limit is 200/);
    expect(await checkXlsxUpload(await packToWorkbook(dartford), { maxEntries: 5 })).toMatch(
      /the limit is 5$/,
    );
  });

  test('a drop-down over a whole column is refused (exceljs would make a million cells of it)', async () => {
    const zip = await JSZip.loadAsync(await packToWorkbook(dartford));
    const sheet = 'xl/worksheets/sheet4.xml';
    const xml = await zip.file(sheet)!.async('string');
    zip.file(sheet, xml.replace(/sqref="[^"]*"/, 'sqref="B1:B1048576"'));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expectRefused(bytes, /drop-down lists cover more than 100,000 cells \(one covers B1:B1048576\)/);
    expect(rangeArea('A1:Z1048576')).toBe(26 * 1048576);
    expect(rangeArea('$C$3')).toBe(1);
  });
});

describe('sanctuary-rules export and import', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-workbook-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('export writes the workbook of the pack in force and says so', async () => {
    const out = path.join(dir, 'dartford.xlsx');
    const { code, stdout } = await runCli('export', 'dartford', '--out', out, '--as-of', '2026-06-01');
    expect(stdout).toBe(
      `Wrote Dartford Borough Council (dartford) version 2026.2, in force from 2026-01-01, to ${out}`,
    );
    expect(code).toBe(0);
    expect((await workbookToPack(readFileSync(out), 'dartford.xlsx')).pack).toEqual(dartford);
  });

  test.each([
    [['dartfort', '--out', 'x.xlsx'], /no authority "dartfort" \(did you mean "dartford"\?\)/],
    [['dartford'], /--out FILE.xlsx is required/],
    [['dartford', '--out', 'x.xlsx', '--as-of', '1/6/2026'], /--as-of must be a date as YYYY-MM-DD/],
    [['dartford', 'boston', '--out', 'x.xlsx'], /name one authority/],
  ])('export %j is wrong usage (exit 2)', async (args, message) => {
    const { code, stderr } = await runCli('export', ...args);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
  });

  test('import of a valid workbook prints the diff, exits 0 and writes the pack with --out', async () => {
    const file = path.join(dir, 'powys.xlsx');
    const pack = readPack('powys.json');
    writeFileSync(file, await packToWorkbook(pack));
    const out = path.join(dir, 'powys.json');
    const { code, stdout } = await runCli('import', file, '--out', out);
    expect(stdout).toMatch(/Rules diff: in force → proposed/);
    // Exported and imported as it was: the same pack, so nothing to compare.
    expect(stdout).toMatch(/No pack changed\./);
    expect(stdout).toMatch(/is valid: 0 errors/);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(pack);
    expect(readFileSync(out, 'utf8')).toBe(
      JSON.stringify(JSON.parse(readFileSync(out, 'utf8')), null, 2) + '\n',
    );
  });

  test('import of a workbook with a tenure turned off shows what it changes, and asks for a new version', async () => {
    const file = path.join(dir, 'dartford.xlsx');
    writeFileSync(
      file,
      await edited((workbook) => void (cellAt(workbook, 'Tenure', 'private-rented', 'Covered').value = 'No')),
    );
    const { code, stdout } = await runCli('import', file);
    expect(stdout).toMatch(
      /"Tenure" row 8, column "Row id".*warning: covered is false, but the reason says the opposite/,
    );
    expect(stdout).toMatch(
      /the tables changed but neither "version" \(2026\.2\) nor "effectiveFrom" did.*"2026\.3"/,
    );
    expect(stdout).toMatch(/outcome: eligible → ineligible/);
    expect(code).toBe(0);
  });

  test('import prints each problem at its cell, exits 1, and writes nothing', async () => {
    const file = path.join(dir, 'dartford.xlsx');
    writeFileSync(
      file,
      await edited(
        (workbook) => void (cellAt(workbook, 'Tenure', 'owner-occupier', 'Funder').value = 'councill'),
      ),
    );
    const out = path.join(dir, 'dartford.json');
    const { code, stdout } = await runCli('import', file, '--out', out);
    expect(stdout).toMatch(
      /"Tenure" row 9, column "Funder".*error: "councill" is not one of .*did you mean "council"\?/,
    );
    expect(stdout).toMatch(/has errors: 1 error/);
    expect(code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  test('import of a file that is not a workbook exits 1 with the reason', async () => {
    const file = path.join(dir, 'pack.xlsx');
    writeFileSync(file, JSON.stringify(dartford));
    const { code, stdout } = await runCli('import', file);
    expect(stdout).toMatch(/pack\.xlsx .*error: the file cannot be read: not an XLSX workbook/);
    expect(code).toBe(1);
  });

  test.each([[[]], [['missing.xlsx']], [['a.xlsx', 'b.xlsx']], [['x.xlsx', '--bogus']]])(
    'import %j is wrong usage (exit 2)',
    async (args) => {
      const { code, stderr } = await runCli('import', ...args);
      expect(stderr).toMatch(/usage: sanctuary-rules import/);
      expect(code).toBe(2);
    },
  );
});

describe('Welsh texts', () => {
  const conwy = readPack('conwy.json');

  test('a Welsh council’s workbook has a Cymraeg column per text and "Welsh reviewed"; an English one has none', async () => {
    const welsh = await loadWorkbook(await packToWorkbook(conwy));
    expect(cellAt(welsh, 'Tenure', 'all-tenures', 'Fitter name (Cymraeg)').value).toBe(
      conwy.tables.tenureCoverage.rows[0]!.cy!['fitter.name'],
    );
    expect(cellAt(welsh, 'Routing', 'managed-by-dac', 'Welsh reviewed').value).toBe('No');
    expect(schemeValue(welsh, 'Council (Cymraeg)').value).toBe('Cyngor Bwrdeistref Sirol Conwy');
    expect(schemeValue(welsh, 'Welsh reviewed').value).toBe('No');
    const english = await loadWorkbook(await packToWorkbook(dartford));
    expect(() => schemeValue(english, 'Welsh reviewed')).toThrow();
    const routing = english.getWorksheet('Routing')!;
    const headers = (routing.getRow(headerRowOf(routing)).values as unknown[]).map(String);
    expect(headers).toContain('Text');
    expect(headers.filter((h) => /Cymraeg|Welsh/.test(h))).toEqual([]);
  });

  test('a Welsh text typed into a workbook is read, and marked reviewed where the person says so', async () => {
    const bytes = await edited((workbook) => {
      cellAt(workbook, 'Who may refer', 'self-referral-open', 'Text (Cymraeg)').value = 'Testun newydd';
      cellAt(workbook, 'Who may refer', 'self-referral-open', 'Welsh reviewed').value = 'Yes';
    }, conwy);
    const read = await workbookToPack(bytes, 'conwy.xlsx');
    expect(read.problems).toEqual([]);
    const row = (read.pack as RulePack).tables.referralRoutes.rows.find((r) => r.id === 'self-referral-open');
    expect(row!.cy).toEqual({ text: 'Testun newydd', reviewed: true });
  });
});

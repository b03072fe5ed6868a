// A rule change measured against a real caseload: the file read (JSON lines or CSV), bad lines reported by
// number and skipped, oversized files refused, and the cases decided differently counted by change.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CaseloadError,
  maxCaseloadBytes,
  maxCaseloadCases,
  readCaseload,
  type CaseloadCase,
} from '../src/analysis/caseload';
import {
  caseloadImpact,
  formatCaseloadImpact,
  linesText,
  packSide,
  storeSide,
} from '../src/analysis/caseloadImpact';
import { describeChange } from '../src/analysis/decisionFields';
import { packChanges } from '../src/analysis/packChanges';
import type { Case } from '../src/contract/apiTypes';
import { loadRules, type RuleStore } from '../src/rules/loadRules';
import { runCli } from './support/runCli';

const bundled = path.join(__dirname, '..', 'rules');

/** A Dartford police referral that meets every criterion: eligible, whatever its (covered) tenure. */
const eligible = (tenure: string): Case => ({
  referral: { source: 'police' },
  harm: { type: 'domestic-abuse', riskLevel: 'high', dashYesCount: 15 },
  household: {
    livesInArea: true,
    wishesToRemain: true,
    intendsToRemain: true,
    agreesToWorks: true,
    threatenedWithHomelessness: true,
  },
  perpetrator: { livesAtProperty: false },
  property: { tenure: tenure as never, rightToOccupy: true, landlordPermission: 'pending' },
  assessment: { safeToRemainWithMeasures: true, recommendedMeasures: ['door-chain', 'security-lighting'] },
});

const csvHeader =
  'authorityId,referral.source,harm.type,harm.riskLevel,harm.dashYesCount,household.livesInArea,' +
  'household.wishesToRemain,household.intendsToRemain,household.agreesToWorks,' +
  'household.threatenedWithHomelessness,perpetrator.livesAtProperty,property.tenure,property.rightToOccupy,' +
  'property.landlordPermission,assessment.safeToRemainWithMeasures,assessment.recommendedMeasures';

/** The CSV row of `eligible(tenure)`, with the booleans written as a spreadsheet might. */
const csvRow = (tenure: string, authorityId = '') =>
  `${authorityId},police,domestic-abuse,high,15,yes,Yes,TRUE,true,yes,no,${tenure},yes,pending,yes,door-chain;security-lighting`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-caseload-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled rules with Dartford's private tenants no longer covered, as a new version. */
function changedRules(into: string = dir): string {
  const rules = path.join(into, 'rules');
  cpSync(bundled, rules, { recursive: true });
  const file = path.join(rules, 'authorities', 'dartford.json');
  const pack = JSON.parse(readFileSync(file, 'utf8'));
  pack.version = '2027.1';
  expect(pack.tables.tenureCoverage.rows[2].id).toBe('private-rented');
  pack.tables.tenureCoverage.rows[2].then.covered = false;
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return rules;
}

describe('reading a caseload', () => {
  test('JSON lines: a Case, or a request naming its authority and date, each with its line number', () => {
    const text = [
      '\uFEFF' + JSON.stringify(eligible('private-rented')),
      '',
      JSON.stringify({ authorityId: 'boston', asOf: '2026-03-01', case: eligible('owner-occupier') }),
      JSON.stringify({ case: { ...eligible('council-tenant'), asOf: '2026-04-01' } }),
    ].join('\r\n');
    const { cases, problems } = readCaseload(text, 'referrals.jsonl');
    expect(problems).toEqual([]);
    expect(cases).toEqual([
      { line: 1, case: eligible('private-rented') },
      {
        line: 3,
        authorityId: 'boston',
        asOf: '2026-03-01',
        case: { ...eligible('owner-occupier'), asOf: '2026-03-01' },
      },
      { line: 4, asOf: '2026-04-01', case: { ...eligible('council-tenant'), asOf: '2026-04-01' } },
    ]);
  });

  test('CSV: fact-path headers, cells converted by the fact, empty cells not given, the header is line 1', () => {
    const text = [
      csvHeader + ',asOf,assessment.worksCostGBP',
      csvRow('private-rented') + ',,',
      ',,,,,,,,,,,,,,,,,',
      csvRow('owner-occupier', 'dartford') + ',2026-05-01,450.50',
      Array.from({ length: 18 }, (_, i) => (i === 11 ? '"council-tenant"' : '')).join(','),
    ].join('\n');
    const { cases, problems } = readCaseload(text, 'export.txt');
    expect(problems).toEqual([]);
    expect(cases).toEqual<CaseloadCase[]>([
      { line: 2, case: eligible('private-rented') },
      {
        line: 4,
        authorityId: 'dartford',
        asOf: '2026-05-01',
        case: {
          ...eligible('owner-occupier'),
          asOf: '2026-05-01',
          assessment: { ...eligible('owner-occupier').assessment, worksCostGBP: 450.5 },
        },
      },
      { line: 5, case: { property: { tenure: 'council-tenant' } } },
    ]);
  });

  test('an invalid line or row is reported by its number, without its values, and skipped', () => {
    const jsonl = [
      JSON.stringify(eligible('private-rented')),
      '{"harm": {"type": "Jane Doe, 12 High Street"',
      JSON.stringify({ harm: { dashYesCount: 40 }, household: { livesInArea: 'Jane Doe' } }),
      '{"harm": {"__proto__": {"polluted": true}}}',
      JSON.stringify({ authorityId: 'Dartford!', case: {} }),
      '[1, 2]',
      JSON.stringify({ case: {}, name: 'x' }),
      JSON.stringify(eligible('council-tenant')),
    ].join('\n');
    const fromJson = readCaseload(jsonl, 'cases.jsonl');
    expect(fromJson.cases.map((c) => c.line)).toEqual([1, 8]);
    expect(fromJson.problems).toEqual([
      'line 2: not valid JSON',
      'line 3: harm.dashYesCount must be <= 27; household.livesInArea must be boolean',
      'line 4: /harm/__proto__ the key "__proto__" is not allowed',
      'line 5: authorityId must match pattern "^[a-z0-9-]+$"',
      'line 6: is not a JSON object',
      'line 7: "name" is not one of authorityId, asOf, case',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const csv = [
      csvHeader,
      csvRow('private-rented'),
      csvRow('Jane Doe'),
      csvRow('owner-occupier').replace(',15,', ',lots,'),
      'dartford,police',
      csvRow('owner-occupier').replace('yes,Yes', 'perhaps,Yes'),
      csvRow('council-tenant'),
    ].join('\n');
    const fromCsv = readCaseload(csv, 'cases.csv');
    expect(fromCsv.cases.map((c) => c.line)).toEqual([2, 7]);
    expect(fromCsv.problems).toEqual([
      expect.stringMatching(/^line 3: property\.tenure must be one of: council-tenant, /),
      'line 4: harm.dashYesCount must be integer',
      'line 5: 2 cells, but the header has 16',
      'line 6: household.livesInArea must be boolean',
    ]);
    expect([...fromJson.problems, ...fromCsv.problems].join('\n')).not.toMatch(/Jane|perhaps|lots/);
  });

  test('a CSV header that names no fact refuses the file', () => {
    expect(() => readCaseload('harm.type,name\ndomestic-abuse,x\n', 'cases.csv')).toThrow(
      new CaseloadError(
        'line 1: the header names columns that are not facts: "name" (a column is a fact path such as ' +
          'harm.type, or authorityId or asOf)',
      ),
    );
    expect(() => readCaseload('harm.type,harm.type\n', 'cases.csv')).toThrow(/names "harm.type" twice/);
  });

  test('an oversized file, or one with too many cases, is refused before it is parsed', () => {
    const big = `{"harm":{}}${' '.repeat(maxCaseloadBytes)}\n`;
    expect(() => readCaseload(big, 'cases.jsonl')).toThrow(/larger than 5 MB/);
    const many = '{}\n'.repeat(maxCaseloadCases + 1);
    expect(() => readCaseload(many, 'cases.jsonl')).toThrow(/more than 20,000 cases/);
    expect(readCaseload('{}\n'.repeat(maxCaseloadCases), 'cases.jsonl').cases).toHaveLength(maxCaseloadCases);
    const csv = `harm.type\n${'domestic-abuse\n'.repeat(maxCaseloadCases + 1)}`;
    expect(() => readCaseload(csv, 'cases.csv')).toThrow(/more than 20,000 cases/);
  });
});

describe('the impact of a change on a caseload', () => {
  let before: RuleStore;
  let after: RuleStore;
  let rulesDir: string;
  beforeAll(() => {
    rulesDir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-caseload-rules-'));
    before = loadRules(bundled);
    after = loadRules(changedRules(rulesDir));
  });
  afterAll(() => rmSync(rulesDir, { recursive: true, force: true }));

  const caseload = (tenures: readonly string[], extra: Partial<CaseloadCase> = {}): CaseloadCase[] =>
    tenures.map((tenure, i) => ({ line: i + 2, case: eligible(tenure), ...extra }));

  test('private tenants no longer covered: the eligible private tenants become ineligible', () => {
    const changes = packChanges(before, after, '2026-06-01');
    expect(changes.map((c) => c.authority)).toEqual(['dartford']);
    const tenures = [
      'private-rented',
      'council-tenant',
      'private-rented',
      'owner-occupier',
      'private-rented',
    ];
    const cases = [
      ...caseload(tenures),
      { line: 7, authorityId: 'boston', case: eligible('private-rented') },
      { line: 8, case: eligible('private-rented'), asOf: '2020-01-01' },
    ];
    const impact = caseloadImpact(cases, storeSide(before), storeSide(after), { changes });
    const [dartford] = impact.authorities;
    expect(dartford).toMatchObject({ authority: 'dartford', decided: 5, changed: 3 });
    const outcome = dartford!.groups.find(
      (g) => describeChange(g.change) === 'outcome: eligible → ineligible',
    );
    expect(outcome?.lines).toEqual([2, 4, 6]);
    expect(dartford!.notDecided).toEqual([
      { reason: "no dartford pack in force on the case's date before the change", lines: [8] },
    ]);
    expect(impact.skipped).toEqual([{ reason: 'for an authority whose rules did not change', lines: [7] }]);

    const text = formatCaseloadImpact(impact);
    expect(text.split('\n')[0]).toBe('Of 5 cases for dartford, 3 would be decided differently:');
    expect(text).toContain('\n  outcome: eligible → ineligible: 3 cases (lines 2, 4 and 6)\n');
    expect(text).toContain('\n  failed criteria: + tenure-covered: 3 cases (lines 2, 4 and 6)\n');
    expect(text).toContain('\n  2 decided the same.\n');
    expect(text).toContain('Not compared: 1 case for an authority whose rules did not change (line 7).');
  });

  test('two packs compared directly decide every case of their authority; without an id, one must have changed', () => {
    const side = (store: RuleStore) => ({
      pack: store.packs.get('dartford')!.at(-1)!,
      catalogue: store.measureById,
    });
    const cases = caseload(['private-rented', 'private-rented'], { asOf: '2020-01-01' });
    const options = { changes: [{ authority: 'dartford', asOf: '2026-06-01' }] };
    const impact = caseloadImpact(cases, packSide(side(before)), packSide(side(after)), options);
    expect(impact.authorities[0]).toMatchObject({ decided: 2, changed: 2 });

    const two = { changes: [...options.changes, { authority: 'boston', asOf: '2026-06-01' }] };
    const unclear = caseloadImpact(cases, storeSide(before), storeSide(after), two);
    expect(unclear.skipped).toEqual([
      { reason: 'with no authority, when 2 authorities changed', lines: [2, 3] },
    ]);
    expect(formatCaseloadImpact(unclear).split('\n')[0]).toBe(
      'No case in the file is for an authority whose rules changed.',
    );
  });

  test.each([
    [[3], 'line 3'],
    [[3, 17], 'lines 3 and 17'],
    [[3, 17, 40], 'lines 3, 17 and 40'],
    [[3, 17, 40, 41], 'lines 3, 17, 40 and 41'],
    [[3, 17, 40, 41, 1200], 'lines 3, 17, 40 and 2 more'],
  ])('lines %j read "%s"', (lines, text) => {
    expect(linesText(lines)).toBe(text);
  });
});

describe('sanctuary-rules diff --cases', () => {
  const run = (...args: string[]) => runCli('diff', ...args);

  test('prints the caseload impact after the report, and never the cases', async () => {
    const rules = changedRules();
    const file = path.join(dir, 'referrals.csv');
    writeFileSync(
      file,
      [csvHeader, csvRow('private-rented'), csvRow('Jane Doe'), csvRow('council-tenant')].join('\n'),
    );
    const { code, stdout } = await run(bundled, rules, '--cases', file);
    expect(code).toBe(0);
    const report = stdout.slice(stdout.indexOf('Authorities: 1 changed (dartford)'));
    expect(report).toContain(
      `Cases (${file}): 2 cases read, 1 line skipped:\n  line 3: property.tenure must be`,
    );
    expect(report).toContain('Of 2 cases for dartford, 1 would be decided differently:');
    expect(report).toContain('  outcome: eligible → ineligible: 1 case (line 2)');
    expect(stdout).not.toContain('Jane');
  }, 60_000);

  test('a missing, oversized or unusable cases file is wrong usage', async () => {
    const missing = await run(bundled, bundled, '--cases', path.join(dir, 'nowhere.csv'));
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('no cases file') });
    expect((await run(bundled, bundled, '--cases')).code).toBe(2);
    expect((await run(bundled, bundled, '--cases=')).code).toBe(2);

    const big = path.join(dir, 'big.jsonl');
    writeFileSync(big, Buffer.alloc(maxCaseloadBytes + 1, ' '));
    const oversized = await run(bundled, bundled, '--cases', big);
    expect(oversized).toMatchObject({ code: 2, stderr: expect.stringContaining('is larger than 5 MB') });

    const unusable = path.join(dir, 'people.csv');
    writeFileSync(unusable, 'name,harm.type\n');
    const header = await run(bundled, bundled, `--cases=${unusable}`);
    expect(header).toMatchObject({ code: 2, stderr: expect.stringContaining('not facts: "name"') });
  });
});

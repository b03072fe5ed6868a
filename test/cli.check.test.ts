// `sanctuary-rules check`: the bundled rules pass, and each seeded defect is reported at its table, row id and
// 1-based row number, then its pointer, with exit 1, in the one-line-per-problem form CI and a person both read.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lastLine, runCli } from './support/runCli';

const root = path.join(__dirname, '..');
const bundled = path.join(root, 'rules');
const dartford = JSON.parse(readFileSync(path.join(bundled, 'authorities', 'dartford.json'), 'utf8'));
type Pack = typeof dartford;

let dir: string;
beforeEach(() => {
  // The shared files and no packs: each test writes the packs it is about.
  dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-check-'));
  for (const file of ['measures.json', 'national-defaults.json', 'schema']) {
    cpSync(path.join(bundled, file), path.join(dir, file), { recursive: true });
  }
  mkdirSync(path.join(dir, 'authorities'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writePack(edit: (pack: Pack) => void, name = 'dartford.json') {
  const pack = structuredClone(dartford);
  edit(pack);
  writeFileSync(path.join(dir, 'authorities', name), JSON.stringify(pack, null, 2));
}

const run = (...args: string[]) => runCli('check', ...args);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `file  place  severity: message  [pointer]`: the place a person reads first, the exact pointer last. */
const line = (file: string, place: string, pointer: string, message: string) =>
  new RegExp(`^authorities/${file} +${escape(place)} +${message}.* +\\[${escape(pointer)}\\]$`, 'm');

test('the bundled rules pass with no errors', async () => {
  const { code, stdout } = await run();
  expect(lastLine(stdout)).toMatch(/^\d+ packs checked: 0 errors, \d+ warnings? \(\d+\.\d\ds\)$/);
  expect(code).toBe(0);
});

test.each([
  [
    'a gap: no row for owner-occupiers in a unique table',
    (p: Pack) => void p.tables.tenureCoverage.rows.splice(3, 1),
    line(
      'dartford.json',
      'tenureCoverage',
      '/tables/tenureCoverage/rows',
      'error: gap: no row matches 1 of 6 cases, e.g. property.tenure = owner-occupier \\(the decision then says "no-matching-rule"',
    ),
  ],
  [
    'an overlap: two rows of a unique table match private tenants',
    (p: Pack) =>
      void (p.tables.tenureCoverage.rows[4].when['property.tenure'] = ['shared-ownership', 'private-rented']),
    line(
      'dartford.json',
      'tenureCoverage/other-tenures-not-stated (row 5)',
      '/tables/tenureCoverage/rows/4',
      'error: overlap: this row and row "private-rented" both match 1 case, e.g. property.tenure = private-rented',
    ),
  ],
  [
    'an unreachable row: a first-table row after the catch-all',
    (p: Pack) =>
      void p.tables.measures.rows.push({
        ...p.tables.measures.rows[0],
        id: 'cctv',
        when: { 'measure.id': 'cctv' },
      }),
    line(
      'dartford.json',
      'measures/cctv (row 3)',
      '/tables/measures/rows/2',
      escape(
        'error: unreachable row: earlier row "other-measures-unspecified" already matches every case it matches',
      ),
    ),
  ],
  [
    'conflicting outputs: the same cells with another answer',
    (p: Pack) =>
      void p.tables.referralRoutes.rows.push({
        ...p.tables.referralRoutes.rows[1],
        id: 'self-referral-refused',
        then: { ...p.tables.referralRoutes.rows[1].then, accepted: false },
      }),
    line(
      'dartford.json',
      'referralRoutes/self-referral-refused (row 3)',
      '/tables/referralRoutes/rows/2',
      escape(
        'error: conflicting outputs: same cells as row "self-referral-open" but accepted: "open" vs false',
      ),
    ),
  ],
  [
    'an unknown measure',
    (p: Pack) => void p.tables.measures.rows[0].when['measure.id'].push('moat'),
    line(
      'dartford.json',
      'measures/listed-measures (row 1)',
      '/tables/measures/rows/0/when/measure.id',
      'error: .*"moat"',
    ),
  ],
  [
    'a row with no source',
    (p: Pack) => void delete p.tables.routing.rows[0].source,
    line(
      'dartford.json',
      'routing/refer-to-housing-options (row 1)',
      '/tables/routing/rows/0',
      'error: the field "source" is missing',
    ),
  ],
  [
    'a gap in DASH bands of its own (numbers are checked at their boundaries)',
    (p: Pack) => {
      const band = (id: string, min: number, max: number, level: string) => ({
        id,
        when: { 'harm.dashYesCount': { min, max } },
        then: { band: level },
        source: p.tables.response.rows[0].source,
      });
      p.tables.riskThresholds = {
        title: 'DASH bands',
        hitPolicy: 'first',
        inputs: [{ fact: 'harm.dashYesCount' }],
        rows: [band('standard', 0, 9, 'standard'), band('high', 14, 27, 'high')],
      };
    },
    line(
      'dartford.json',
      'riskThresholds',
      '/tables/riskThresholds/rows',
      'error: gap: no row matches 1 of 7 cases, e.g. harm.dashYesCount = 10 ',
    ),
  ],
])('%s is an error at its table, row and pointer, and exits 1', async (_name, edit, expected) => {
  writePack(edit);
  const { code, stdout } = await run(dir);
  expect(stdout).toMatch(expected);
  expect(lastLine(stdout)).toMatch(/^1 pack checked: [1-9]\d* errors?, \d+ warnings? \(/);
  expect(code).toBe(1);
});

test('a row is named by its id and its number counted from 1, a misspelt name by the name meant', async () => {
  writePack((p) => void delete p.tables.routing.rows[2].id);
  const noId = await run(dir);
  expect(noId.stdout).toMatch(
    line('dartford.json', 'routing (row 3)', '/tables/routing/rows/2', 'error: the field "id" is missing'),
  );
  writePack((p) => void (p.tables.tenureCoverage.rows[2].when = { 'property.tenur': 'private-rented' }));
  const misspelt = await run(dir);
  expect(misspelt.stdout).toMatch(
    line(
      'dartford.json',
      'tenureCoverage/private-rented (row 3)',
      '/tables/tenureCoverage/rows/2/when/property.tenur',
      escape('error: "property.tenur" is not a fact the API knows (did you mean "property.tenure"?)'),
    ),
  );
  expect([noId.code, misspelt.code]).toEqual([1, 1]);
});

test('a file that is not valid JSON is named by the line and column to go to', async () => {
  const last = '"file": "dartford-sanctuary-scheme-procedure.txt"';
  const text = JSON.stringify(dartford, null, 2).replace(last, `${last},`);
  writeFileSync(path.join(dir, 'authorities', 'dartford.json'), text);
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(`${last},`));
  const column = lines[at]!.indexOf(last) + last.length + 1;
  const { code, stdout } = await run(dir);
  expect(stdout).toMatch(
    new RegExp(
      `^authorities/dartford\\.json +- +error: not valid JSON at line ${at + 1}, column ${column}: ` +
        escape('remove the comma before the closing "}"') +
        '$',
      'm',
    ),
  );
  expect(code).toBe(1);
});

test('two versions whose dates overlap are an error', async () => {
  writePack(() => undefined);
  writePack((p) => void (p.version = '2027.1'), 'dartford-2026-01-01.json');
  const { code, stdout } = await run(dir);
  // Whichever file loads second is the one refused.
  expect(stdout).toMatch(
    line(
      'dartford\\S*\\.json',
      'effectiveFrom',
      '/effectiveFrom',
      'error: its dates overlap authorities/dartford',
    ),
  );
  expect(code).toBe(1);
});

test('a repeated row in a collect table is a warning, which does not fail the check', async () => {
  writePack((p) => void p.tables.routing.rows.push({ ...p.tables.routing.rows[1], id: 'police-again' }));
  const { code, stdout } = await run(dir);
  expect(stdout).toMatch(
    line(
      'dartford.json',
      'routing/police-again (row 5)',
      '/tables/routing/rows/4',
      escape('warning: duplicate row: same cells and outputs as row "police-inspection"'),
    ),
  );
  expect(lastLine(stdout)).toMatch(/^1 pack checked: 0 errors, 1 warning \(/);
  expect(code).toBe(0);
});

test('a row whose reason says the opposite of its value is a warning naming the row', async () => {
  // Turning Dartford's private-rented row off, and nothing else, once passed with no warning while its reason
  // still said private tenants are covered.
  writePack((p) => void (p.tables.tenureCoverage.rows[2].then.covered = false));
  const { code, stdout } = await run(dir);
  expect(stdout).toMatch(
    line(
      'dartford.json',
      'tenureCoverage/private-rented (row 3)',
      '/tables/tenureCoverage/rows/2/then',
      escape('warning: covered is false, but the reason says the opposite (code "tenure-covered"'),
    ),
  );
  expect(code).toBe(0);
});

test('problems are grouped by file, and wrong usage exits 2', async () => {
  writePack((p) => void p.tables.tenureCoverage.rows.splice(3, 1));
  writePack((p) => void delete p.tables.routing.rows[0].source, 'another.json');
  const { stdout } = await run(dir);
  const files = stdout
    .split('\n')
    .filter((l) => l.startsWith('authorities/'))
    .map((l) => l.split(' ')[0]);
  expect(files).toEqual(['authorities/another.json', 'authorities/dartford.json']);
  expect(await run(dir, 'extra')).toMatchObject({ code: 2, stderr: /usage: sanctuary-rules check/ });
  expect(await run(path.join(dir, 'nowhere'))).toMatchObject({ code: 2, stderr: /not a rules directory/ });
});

test('the command exits with its code end to end', () => {
  const bin = path.join(root, 'bin', 'sanctuary-rules.js');
  const passing = spawnSync(process.execPath, [bin, 'check'], { cwd: root, encoding: 'utf8' });
  expect(passing.stdout).toMatch(/packs checked: 0 errors/);
  expect(passing.status).toBe(0);
  writePack((p) => void p.tables.tenureCoverage.rows.splice(3, 1));
  const failing = spawnSync(process.execPath, [bin, 'check', dir], { cwd: root, encoding: 'utf8' });
  expect(failing.stdout).toMatch(/1 pack checked: 1 error, 0 warnings/);
  expect(failing.status).toBe(1);
}, 60_000);

describe('--language cy', () => {
  const conwy = readFileSync(path.join(bundled, 'authorities', 'conwy.json'), 'utf8');
  const writeConwy = (edit: (pack: Pack) => void = () => undefined) => {
    const pack = JSON.parse(conwy);
    edit(pack);
    writeFileSync(path.join(dir, 'authorities', 'conwy.json'), JSON.stringify(pack, null, 2));
  };

  test('counts each pack’s texts in Welsh and those reviewed, with a total, and says what is still without', async () => {
    writePack(() => undefined);
    writeConwy((p) => void delete p.tables.routing.rows[0].cy);
    const { code, stdout } = await run(dir, '--language', 'cy');
    expect(stdout).toMatch(/^conwy {5}12 of 14 texts in Welsh, 0 reviewed; 2 still without Welsh$/m);
    // An English council needs no Welsh: no note of what it lacks.
    expect(stdout).toMatch(/^dartford {2}0 of 32 texts in Welsh, 0 reviewed$/m);
    expect(stdout).toMatch(
      /^Total: 12 of 46 texts in Welsh, 0 reviewed; Welsh councils' packs \(1\): 2 texts still without Welsh$/m,
    );
    expect(lastLine(stdout)).toMatch(/^2 packs checked: 0 errors, 0 warnings \(/);
    expect(code).toBe(0);
  });

  test('the bundled Conwy pack has Welsh for every text, none of it reviewed yet', async () => {
    writeConwy();
    const { stdout } = await run(dir, '--language', 'cy');
    expect(stdout).toMatch(/^conwy {2}14 of 14 texts in Welsh, 0 reviewed$/m);
  });

  test('without --language the output says nothing of Welsh; an unknown language is wrong usage', async () => {
    writeConwy();
    const { stdout } = await run(dir);
    expect(stdout).not.toMatch(/Welsh/);
    expect(await run(dir, '--language', 'fr')).toMatchObject({
      code: 2,
      stderr: /--language must be one of: cy, not "fr"\nusage: sanctuary-rules check .*--language cy/,
    });
  });

  test('a Welsh text keyed by a misspelt field is an error naming the field meant', async () => {
    writeConwy((p) => {
      const { text, ...rest } = p.tables.routing.rows[0].cy;
      p.tables.routing.rows[0].cy = { ...rest, txet: text };
    });
    const { code, stdout } = await run(dir);
    expect(stdout).toMatch(
      line(
        'conwy.json',
        'routing/managed-by-dac (row 1)',
        '/tables/routing/rows/0/cy',
        escape('error: cy: the field "txet" is not allowed here (did you mean "text"?)'),
      ),
    );
    expect(code).toBe(1);
  });
});

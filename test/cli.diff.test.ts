// `sanctuary-rules diff`: what a policy officer sees when one row of a pack changes: the decisions that
// change, from what to what, in how many cases, and the scenarios whose decision changed.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nextVersion } from '../src/analysis/diffReport';
import { bundledVersion } from './support/appSetup';
import { runCli } from './support/runCli';

const root = path.join(__dirname, '..');
const bundled = path.join(root, 'rules');
const scenarios = path.join(__dirname, 'fixtures', 'diff', 'scenarios');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-diff-'));
  cpSync(bundled, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pack as parsed from its file: the tests edit it freely, as an officer would. */
type Pack = ReturnType<typeof JSON.parse>;

function editPack(name: string, edit: (pack: Pack) => void) {
  const file = path.join(dir, 'authorities', `${name}.json`);
  const pack: Pack = JSON.parse(readFileSync(file, 'utf8'));
  edit(pack);
  writeFileSync(file, JSON.stringify(pack, null, 2));
}

const run = (...args: string[]) => runCli('diff', ...args);

const count = (text: string) => Number(text.replace(/,/g, ''));

/** `field: from → to   N of M cases (...)`: the two counts. */
function counts(stdout: string, change: string): { n: number; of: number } {
  const escaped = change.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^ +${escaped} +([\\d,]+) of ([\\d,]+) cases \\(`, 'm').exec(stdout);
  if (!match) throw new Error(`no line "${change}" in:\n${stdout}`);
  return { n: count(match[1]!), of: count(match[2]!) };
}

test('one changed row: private tenants are no longer covered in Dartford', async () => {
  editPack('dartford', (p) => {
    p.version = '2027.1';
    p.tables.tenureCoverage.rows[2].then.covered = false;
  });
  const { code, stdout } = await run(bundled, dir, '--scenarios', scenarios);
  expect(code).toBe(0);
  const before = bundledVersion('dartford').replace(/\./g, '\\.');
  expect(stdout).toMatch(
    new RegExp(`^dartford: ${before} \\(.*\\) → 2027\\.1 \\(.*\\), decided as of \\d{4}-\\d\\d-\\d\\d$`, 'm'),
  );

  expect(stdout).not.toContain('warning: the tables changed');
  const outcome = counts(stdout, 'outcome: eligible → ineligible');
  expect(outcome.n).toBeGreaterThan(0);
  expect(outcome.n).toBeLessThan(outcome.of);
  // Every private tenant now fails on tenure: one tenure in six, whatever else the case says.
  const failed = counts(stdout, 'failed criteria: + tenure-covered');
  expect(failed.n * 6).toBe(failed.of);
  // The example shows the facts that matter, and no other change is reported.
  expect(stdout).toMatch(/outcome: eligible → ineligible.*\n +e\.g\. [^]*property\.tenure = private-rented/);
  expect(stdout).not.toMatch(/^ +(funder|response within hours|measure status):/m);
  // The eligible cases that become ineligible lose the police survey and the installer.
  expect(
    counts(stdout, 'routing: − installer within 24h, police-security-survey within 3 working days').n,
  ).toBe(outcome.n);

  expect(stdout).toContain(
    `scenarios (${path.relative(process.cwd(), scenarios)}/dartford.json): 1 of 2 decisions changed`,
  );
  expect(stdout).toMatch(
    /"A police referral of a private tenant[^"]*"\n +outcome: eligible → ineligible\n(.*\n)* +no longer meets its expectations on: outcome/,
  );
  expect(stdout).not.toContain('"A DBC tenant');
  expect(stdout.trimEnd().split('\n').pop()).toBe('Authorities: 1 changed (dartford), 0 added, 0 removed.');
}, 60_000);

test('a measure and a response time: statuses and times change in the cases they should', async () => {
  editPack('dartford', (p) => {
    const listed = p.tables.measures.rows[0].when;
    listed['measure.id'] = listed['measure.id'].filter((id: string) => id !== 'door-chain');
    p.tables.response.rows[0].then.withinWorkingDays = 2;
  });
  const { stdout } = await run(bundled, dir, '--scenarios', scenarios);
  expect(stdout).toMatch(
    /measure status: provided → unknown +[\d,]+ of [\d,]+ cases.*\n +measures: door-chain$/m,
  );
  const response = counts(stdout, 'response within working days: 3 → 2');
  expect(response.n).toBe(response.of);
  expect(stdout).toContain('standard offer: − door-chain: provided');
  // The edit kept the version: every decision would name the old one for the new rules.
  expect(stdout).toContain(
    `warning: the tables changed but neither "version" (${bundledVersion('dartford')}) nor "effectiveFrom" did`,
  );
  expect(stdout).toContain(`set "version": "${nextVersion(bundledVersion('dartford'))}"`);
}, 60_000);

test('an added and a removed authority are listed', async () => {
  rmSync(path.join(dir, 'authorities', 'powys.json'));
  editPack('boston', (p) => void (p.authorityId = 'boston-copy'));
  // A pack file is named for its authority.
  renameSync(path.join(dir, 'authorities', 'boston.json'), path.join(dir, 'authorities', 'boston-copy.json'));
  const { code, stdout } = await run(bundled, dir, '--scenarios', scenarios);
  expect(code).toBe(0);
  expect(stdout).toContain(`boston-copy: added, ${bundledVersion('boston')}`);
  expect(stdout).toContain(`boston: removed; it had ${bundledVersion('boston')}`);
  expect(stdout).toMatch(/^powys: removed/m);
  expect(stdout).toContain('Authorities: 0 changed, 1 added (boston-copy), 2 removed (boston, powys).');
});

test('no change is reported as such, and wrong usage exits 2', async () => {
  const same = await run(bundled, dir);
  expect(same.stdout.trimEnd().split('\n').pop()).toBe('No pack changed.');
  expect(same.code).toBe(0);
  expect((await run(bundled)).code).toBe(2);
  expect((await run(bundled, dir, '--colour')).code).toBe(2);
  expect((await run(bundled, dir, '--scenarios')).code).toBe(2);
  expect((await run(bundled, path.join(dir, 'nowhere'))).code).toBe(2);
});

test.each([
  ['2026.2', '2026.3'],
  ['2026.9', '2026.10'],
  ['2.0.0-rc1', '2.0.0-rc2'],
  ['v7', 'v8'],
  ['draft', 'draft.1'],
])('the next version after %s is %s', (version, next) => {
  expect(nextVersion(version)).toBe(next);
});

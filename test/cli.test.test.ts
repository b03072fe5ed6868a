// `sanctuary-rules test`: what a tester and CI see when scenarios pass, fail, or leave rows unreached.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lastLine, runCli } from './support/runCli';

const root = path.join(__dirname, '..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli('test', ...args);

function suiteFile(name: string, suite: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof suite === 'string' ? suite : JSON.stringify(suite));
  return file;
}

const prsScenario = (outcome: string) => ({
  name: 'A <private> tenant & "the PRS"',
  case: { harm: { type: 'domestic-abuse' }, property: { tenure: 'private-rented', jointTenancy: false } },
  expect: { outcome, failed: outcome === 'ineligible' ? ['tenure-not-covered'] : [] },
});

test('the bundled suites pass and reach every row', async () => {
  const { code, stdout } = await cli('--min-coverage', '100');
  expect(stdout).toContain('  ✓ Target hardening in Wrexham is not fitted in PRS');
  expect(stdout).toMatch(/^Coverage: (\d+) of \1 table rows reached \(100\.0%\)$/m);
  expect(lastLine(stdout)).toMatch(/^[1-9]\d* passed, 0 failed$/);
  expect(code).toBe(0);
});

test('a failing scenario exits 1 with the diff, the reasons and a JUnit failure', async () => {
  const file = suiteFile('failing.json', { authority: 'wrexham', scenarios: [prsScenario('eligible')] });
  const junit = path.join(dir, 'reports', 'junit.xml');
  const { code, stdout } = await cli(file, '--junit', junit);
  expect(code).toBe(1);
  expect(stdout).toContain('  ✗ A <private> tenant & "the PRS"');
  expect(stdout).toContain('outcome\n        expected: "eligible"\n        actual:   "ineligible"');
  expect(stdout).toContain('unexpected: tenure-not-covered');
  expect(stdout).toMatch(/failed +tenure-not-covered +wrexham\/tenureCoverage\/not-fitted-in-prs/);
  expect(lastLine(stdout)).toBe('0 passed, 1 failed');

  const xml = readFileSync(junit, 'utf8');
  expect(xml).toContain('<testsuite name="wrexham"');
  expect(xml).toContain(
    '<testcase name="A &lt;private&gt; tenant &amp; &quot;the PRS&quot;" classname="wrexham">',
  );
  expect(xml).toMatch(
    /<failure message="differs in outcome, failed" type="mismatch">outcome\n {2}expected: &quot;eligible&quot;/,
  );
  expect(xml).toContain('tests="1" failures="1" errors="0"');
});

test('a passing suite writes JUnit test cases without failures', async () => {
  const file = suiteFile('passing.json', { authority: 'wrexham', scenarios: [prsScenario('ineligible')] });
  const junit = path.join(dir, 'junit.xml');
  expect((await cli(file, '--junit', junit)).code).toBe(0);
  expect(readFileSync(junit, 'utf8')).not.toContain('<failure');
});

test('YAML suites are run like JSON ones', async () => {
  const { code, stdout } = await cli(path.join(root, 'test', 'fixtures', 'wrexham-prs.yaml'));
  expect(stdout).toContain('  ✓ Wrexham does not fit in the private rented sector');
  expect(lastLine(stdout)).toBe('1 passed, 0 failed');
  expect(code).toBe(0);
});

test('a case the API would refuse, or a file that is not a suite, fails rather than passing quietly', async () => {
  const typo = suiteFile('typo.json', {
    authority: 'wrexham',
    scenarios: [{ name: 'misspelt', case: { harm: { tpye: 'domestic-abuse' } }, expect: {} }],
  });
  const broken = suiteFile('broken.yaml', 'authority: wrexham\nscenarios: 3\n');
  const { code, stdout } = await cli(typo, broken);
  expect(stdout).toContain('error: the case is not a valid Case: /harm/tpye');
  expect(stdout).toContain('✗ not a valid scenario suite: "scenarios" must be a list');
  expect(lastLine(stdout)).toBe('0 passed, 2 failed');
  expect(code).toBe(1);
});

test('a suite whose pack was refused says so and why, not that no pack is in force', async () => {
  const rules = path.join(dir, 'rules');
  cpSync(path.join(root, 'rules'), rules, { recursive: true });
  const packFile = path.join(rules, 'authorities', 'wrexham.json');
  writeFileSync(packFile, readFileSync(packFile, 'utf8').replace(/\n(\s*)\]/, ',\n$1]'));
  const file = suiteFile('refused.json', {
    authority: 'wrexham',
    scenarios: [prsScenario('ineligible'), { ...prsScenario('ineligible'), name: 'another' }],
  });
  const { code, stdout } = await cli(file, '--rules', rules);
  const refused =
    'wrexham: the pack authorities/wrexham.json was refused, so no scenario can run: not valid JSON at line';
  expect(stdout).toMatch(
    /^Rule packs refused:\n {2}✗ authorities\/wrexham\.json {2}- {2}error: not valid JSON at line \d+, column \d+: remove the comma/m,
  );
  expect(stdout.split('\n').filter((l) => l.startsWith(`  ✗ ${refused}`))).toHaveLength(1);
  expect(stdout).toContain('  ✗ another (not run)');
  expect(stdout).not.toContain('no wrexham pack is in force');
  expect(lastLine(stdout)).toBe('0 passed, 2 failed');
  expect(code).toBe(1);
});

test('--coverage lists the rows no scenario reached, and --min-coverage fails below the bar', async () => {
  const file = suiteFile('one.json', { authority: 'wrexham', scenarios: [prsScenario('ineligible')] });
  const reported = await cli(file, '--coverage');
  expect(reported.code).toBe(0);
  expect(reported.stdout).toContain('Rows no scenario reached:');
  expect(reported.stdout).toMatch(/^ {2}wrexham 2026\.2 tenureCoverage: other-tenures-not-stated$/m);
  // Given suites are judged on their own authorities only.
  expect(reported.stdout).not.toContain('dartford');

  const gated = await cli(file, '--min-coverage', '100');
  expect(gated.code).toBe(1);
  expect(gated.stdout).toMatch(/^Coverage \d+\.\d% is below the minimum of 100%\.$/m);
  expect(lastLine(gated.stdout)).toBe('1 passed, 0 failed');
});

test.each([
  [['--bogus']],
  [['--min-coverage', '150']],
  [['--min-coverage', 'all']],
  [['no-such-suite.json']],
  [['README.md']],
])('wrong usage %j exits 2 with the usage', async (args) => {
  const { code, stderr } = await cli(...args);
  expect(code).toBe(2);
  expect(stderr).toContain('usage: sanctuary-rules test');
});

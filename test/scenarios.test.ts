// Every scenario suite in test/scenarios/, run against the bundled rules by the same runner as
// `sanctuary-rules test`, so that jest reports each scenario; together they must reach every row.
import path from 'node:path';
import { loadRules } from '../src/rules/loadRules';
import { failureLines } from '../src/reports/mismatchText';
import { rowCoverage } from '../src/scenarios/rowCoverage';
import { runScenario, type ScenarioResult } from '../src/scenarios/runScenarios';
import { readSuite, suiteFilesIn } from '../src/scenarios/suiteFile';

const rulesDir = path.join(__dirname, '..', 'rules');
const suitesDir = path.join(__dirname, 'scenarios');
const store = loadRules(rulesDir);
// ONLY_AUTHORITIES=boston,lincoln narrows the run to those authorities while a pack is being written.
const only = process.env.ONLY_AUTHORITIES?.split(',');
function chosen(authority: string): boolean {
  return !only || only.includes(authority);
}
const suites = suiteFilesIn(suitesDir)
  .map((file) => ({ file, suite: readSuite(file) }))
  .filter(({ suite }) => chosen(suite.authority));
const results: ScenarioResult[] = [];

test('every bundled pack loads without problems', () => {
  expect(store.rejected.filter((r) => !only || only.some((id) => r.file.includes(id)))).toEqual([]);
});

for (const { file, suite } of suites) {
  describe(`${suite.authority} (${path.basename(file)})`, () => {
    test.each(suite.scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
      const result = runScenario(store, path.basename(file), suite.authority, scenario);
      results.push(result);
      // The same diff the command prints, so a failure reads the same in jest and in the terminal.
      expect(failureLines(result).join('\n')).toBe('');
    });
  });
}

test('every authority has a scenario suite', () => {
  const tested = new Set(suites.map(({ suite }) => suite.authority));
  expect([...store.packs.keys()].filter((id) => chosen(id) && !tested.has(id))).toEqual([]);
});

test('the suites reach every row of every table', () => {
  const chosenAuthorities = new Set([...store.packs.keys()].filter(chosen));
  expect(rowCoverage(store, results, chosenAuthorities).unreached).toEqual([]);
});

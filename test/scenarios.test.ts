// Every scenario suite in test/scenarios/, run against the bundled rules; together they must reach every row.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadRules } from '../src/rules/loadRules';
import {
  allRows,
  coveredRows,
  readSuite,
  runScenario,
  type ScenarioResult,
} from '../src/scenarios/runScenarios';

const rulesDir = path.join(__dirname, '..', 'rules');
const suitesDir = path.join(__dirname, 'scenarios');
const store = loadRules(rulesDir);
// ONLY_AUTHORITIES=boston,lincoln narrows the run to those authorities while a pack is being written.
const only = process.env.ONLY_AUTHORITIES?.split(',');
function chosen(authority: string): boolean {
  return !only || only.includes(authority);
}
const files = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.json') && chosen(readSuite(path.join(suitesDir, f)).authority))
  .sort();
const results: ScenarioResult[] = [];

test('every bundled pack loads without problems', () => {
  expect(store.rejected.filter((r) => !only || only.some((id) => r.file.includes(id)))).toEqual([]);
});

for (const file of files) {
  const suite = readSuite(path.join(suitesDir, file));
  describe(`${suite.authority} (${file})`, () => {
    test.each(suite.scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
      const result = runScenario(store, file, suite.authority, scenario);
      results.push(result);
      expect(result.error).toBeUndefined();
      expect(result.mismatches).toEqual([]);
    });
  });
}

test('every authority has a scenario suite', () => {
  const suites = new Set(files.map((f) => readSuite(path.join(suitesDir, f)).authority));
  expect([...store.packs.keys()].filter((id) => chosen(id) && !suites.has(id))).toEqual([]);
});

test('the suites reach every row of every table', () => {
  const covered = coveredRows(results);
  const unreached = [...allRows(store)]
    .filter(([key, row]) => chosen(row.authority) && !covered.has(key))
    .map(([key]) => key);
  expect(unreached).toEqual([]);
});

// JUnit XML, which CI systems show as test results: a testsuite per suite file, a testcase per scenario.
import type { ScenarioResult, SuiteRun } from '../scenarios/runScenarios';
import { escapeMarkup as esc } from './escapeMarkup';
import { failureLines, passed } from './mismatchText';

function testcase(result: ScenarioResult): string {
  const open = `    <testcase name="${esc(result.name)}" classname="${esc(result.authority)}"`;
  if (passed(result)) return `${open}/>`;
  const details = esc(failureLines(result).join('\n'));
  const element = result.error
    ? `<error message="${esc(result.error)}" type="error">${details}</error>`
    : `<failure message="${esc(`differs in ${result.mismatches.map((m) => m.field).join(', ')}`)}" type="mismatch">${details}</failure>`;
  return `${open}>\n      ${element}\n    </testcase>`;
}

function testsuite(run: SuiteRun, fileName: string): string {
  const name = esc(run.authority ?? fileName);
  if (run.error) {
    // An unreadable suite is one erroring test, so that CI shows it rather than an empty suite.
    return [
      `  <testsuite name="${name}" file="${esc(fileName)}" tests="1" failures="0" errors="1">`,
      `    <testcase name="${esc(fileName)}" classname="${name}">`,
      `      <error message="not a valid scenario suite" type="error">${esc(run.error)}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ].join('\n');
  }
  const errors = run.results.filter((r) => r.error).length;
  const failures = run.results.filter((r) => !r.error && !passed(r)).length;
  return [
    `  <testsuite name="${name}" file="${esc(fileName)}" tests="${run.results.length}" failures="${failures}" errors="${errors}">`,
    ...run.results.map(testcase),
    '  </testsuite>',
  ].join('\n');
}

export function junitXml(runs: readonly SuiteRun[], fileName: (file: string) => string): string {
  const results = runs.flatMap((run) => run.results);
  const broken = runs.filter((run) => run.error).length;
  const errors = results.filter((r) => r.error).length + broken;
  const failures = results.filter((r) => !r.error && !passed(r)).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sanctuary-rules scenarios" tests="${results.length + broken}" failures="${failures}" errors="${errors}">`,
    ...runs.map((run) => testsuite(run, fileName(run.file))),
    '</testsuites>',
    '',
  ].join('\n');
}

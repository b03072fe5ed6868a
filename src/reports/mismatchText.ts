// A failed scenario in words a tester can act on: what differs, field by field, and why the decision came out
// as it did. Shared by the console report and the JUnit report so that both say the same thing.
import type { Mismatch } from '../scenarios/expectation';
import type { ScenarioResult } from '../scenarios/runScenarios';

/** Fields a scenario states exactly (as a set), where "missing" and "unexpected" say more than two lists. */
const exactSets = new Set(['failed', 'missingFacts', 'routing', 'approvals', 'alternatives']);

const show = (value: unknown) => JSON.stringify(value) ?? 'undefined';
const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

function setDifference(expected: string[], actual: string[]): string[] {
  const missing = expected.filter((v) => !actual.includes(v));
  const unexpected = actual.filter((v) => !expected.includes(v));
  return [
    ...(missing.length ? [`  missing:    ${missing.join(', ')}`] : []),
    ...(unexpected.length ? [`  unexpected: ${unexpected.join(', ')}`] : []),
  ];
}

export function mismatchLines({ field, expected, actual }: Mismatch): string[] {
  if (field === 'reasons') {
    // compare() reports only the codes that were not among the reasons.
    return [`${field}`, `  not among the reasons: ${show(expected)}`];
  }
  const lines = [`${field}`, `  expected: ${show(expected)}`, `  actual:   ${show(actual)}`];
  if (exactSets.has(field) && isStrings(expected) && isStrings(actual))
    lines.push(...setDifference(expected, actual));
  return lines;
}

/** The decision's own account: its outcome, and every reason with its effect and rule. */
export function decisionLines(result: ScenarioResult): string[] {
  const { decision } = result;
  if (!decision) return [];
  const width = Math.max(0, ...decision.reasons.map((r) => r.code.length));
  return [
    `decision: ${decision.outcome} (risk level ${decision.riskLevel ?? 'not known'})`,
    ...(decision.missingFacts.length ? [`  missing facts: ${decision.missingFacts.join(', ')}`] : []),
    ...decision.reasons.map((r) => `  ${r.effect.padEnd(7)} ${r.code.padEnd(width)}  ${r.rule}`),
  ];
}

/** Everything that explains a failed scenario, or [] when it passed. */
export function failureLines(result: ScenarioResult): string[] {
  if (result.error) return [`error: ${result.error}`];
  if (!result.mismatches.length) return [];
  return [...result.mismatches.flatMap(mismatchLines), ...decisionLines(result)];
}

export const passed = (result: ScenarioResult) => !result.error && !result.mismatches.length;

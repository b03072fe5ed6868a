// How a scenario's expectation is compared with a decision: a partial match, written the way a tester thinks.
import type { Decision } from '../contract/apiTypes';

export interface Expectation {
  outcome?: Decision['outcome'];
  riskLevel?: Decision['riskLevel'];
  /** Exactly these failed criteria (reason codes), in any order. */
  failed?: string[];
  /** Exactly these missing facts, in any order. */
  missingFacts?: string[];
  /** Reason codes that must be among the reasons. */
  reasons?: string[];
  /** Exactly these routing targets, in any order. */
  routing?: string[];
  /** Exactly these approval types, in any order. */
  approvals?: string[];
  /** Per measure id, its status. */
  measures?: Record<string, string>;
  package?: string | null;
  funding?: Partial<Decision['funding']>;
  response?: Partial<Decision['response']>;
  alternatives?: string[];
}

export interface Mismatch {
  field: string;
  expected: unknown;
  actual: unknown;
}

const sorted = (values: readonly string[]) => [...values].sort();
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function compare(expect: Expectation, decision: Decision): Mismatch[] {
  const actual: Record<keyof Expectation, () => unknown> = {
    outcome: () => decision.outcome,
    riskLevel: () => decision.riskLevel,
    failed: () => sorted(decision.reasons.filter((r) => r.effect === 'failed').map((r) => r.code)),
    missingFacts: () => sorted(decision.missingFacts),
    reasons: () => decision.reasons.map((r) => r.code),
    routing: () => sorted([...new Set(decision.routing.map((r) => r.to))]),
    approvals: () => sorted([...new Set(decision.approvals.map((a) => a.type))]),
    measures: () => Object.fromEntries(decision.measures.items.map((m) => [m.id, m.status])),
    package: () => decision.measures.package,
    funding: () => decision.funding,
    response: () => decision.response,
    alternatives: () => sorted(decision.alternatives),
  };
  const mismatches: Mismatch[] = [];
  for (const field of Object.keys(expect) as (keyof Expectation)[]) {
    const expected = expect[field];
    const got = actual[field]?.();
    if (got === undefined) {
      mismatches.push({ field, expected, actual: 'not a field a scenario can check' });
    } else if (field === 'reasons') {
      const missing = (expected as string[]).filter((code) => !(got as string[]).includes(code));
      if (missing.length) mismatches.push({ field, expected: missing, actual: got });
    } else if (field === 'measures' || field === 'funding' || field === 'response') {
      const want = expected as Record<string, unknown>;
      const have = got as Record<string, unknown>;
      const differs = Object.keys(want).filter((key) => !same(want[key], have[key] ?? null));
      if (differs.length) {
        mismatches.push({
          field,
          expected: Object.fromEntries(differs.map((k) => [k, want[k]])),
          actual: Object.fromEntries(differs.map((k) => [k, have[k] ?? null])),
        });
      }
    } else {
      const want = Array.isArray(expected) ? sorted(expected as string[]) : expected;
      if (!same(want, got)) mismatches.push({ field, expected: want, actual: got });
    }
  }
  return mismatches;
}

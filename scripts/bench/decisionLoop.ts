// The pack, cases and context every in-process figure uses, so that the fast path and the naive baseline
// always see the same work.
import type { Case } from '../../src/contract/apiTypes';
import { decide, type DecisionContext } from '../../src/decide/decide';
import { rowsOf, type CompiledPack } from '../../src/rules/compiledPack';
import type { Facts } from '../../src/rules/conditions';
import type { RuleStore } from '../../src/rules/loadRules';
import { referenceEngineFor } from '../../test/support/referenceEngine';
import { randomCases } from './randomCases';

/** The pack with the most rows (national default rows included), in force on `asOf`: the costliest to decide. */
export function largestPack(store: RuleStore): CompiledPack {
  const packs = [...store.packs.values()].flat();
  return packs.reduce((largest, pack) => (rowsOf(pack).length > rowsOf(largest).length ? pack : largest));
}

export const benchAsOf = '2026-11-24';

export const contextFor = (store: RuleStore): DecisionContext => ({
  decisionId: '00000000-0000-4000-8000-000000000000',
  asOf: benchAsOf,
  catalogue: store.measureById,
});

/** Decides `count` random cases on the largest pack, cycling through a fixed set. */
export function decideRepeatedly(store: RuleStore, count: number): void {
  const pack = largestPack(store);
  const cases = randomCases(1000);
  const context = contextFor(store);
  for (let i = 0; i < count; i++) decide(cases[i % cases.length]!, pack, context);
}

/**
 * The naive way to decide: every row of every table as a rule in one json-rules-engine Engine, and one
 * engine.run per case with the case's facts (and the stated risk level as the resolved one).
 */
export function naiveDecider(pack: CompiledPack): (caseFacts: Case) => Promise<unknown> {
  const engine = referenceEngineFor(pack);
  return (caseFacts) => {
    const facts = { ...(caseFacts as Facts), resolved: { riskLevel: caseFacts.harm?.riskLevel } };
    return engine.matches(facts);
  };
}

// The reference semantics: every row of a pack as a json-rules-engine Rule in one Engine, built once per pack.
// The fast three-valued evaluator must agree with it wherever it gives a definite answer (see the property test).
// Only the tests and the bench use it: the service evaluates rows without json-rules-engine.
import { Engine, Rule } from 'json-rules-engine';
import { rowsOf, type CompiledPack } from '../../src/rules/compiledPack';
import { ruleConditions, type Facts } from '../../src/rules/conditions';
import type { Conditions } from '../../src/generated/pack';

export interface ReferenceEngine {
  /** The rule names (`authority/table/row`, `…#require` for eligibility requirements) that matched these facts. */
  matches(facts: Facts): Promise<Set<string>>;
  readonly ruleNames: readonly string[];
}

const built = new WeakMap<CompiledPack, ReferenceEngine>();

/** The pack's reference engine, built on first use and then kept with the pack. */
export function referenceEngineFor(compiled: CompiledPack): ReferenceEngine {
  let engine = built.get(compiled);
  if (!engine) built.set(compiled, (engine = buildReferenceEngine(compiled)));
  return engine;
}

function buildReferenceEngine(compiled: CompiledPack): ReferenceEngine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const ruleNames: string[] = [];
  const add = (name: string, cells: Conditions) => {
    const conditions = ruleConditions(cells);
    engine.addRule(new Rule({ name, conditions, event: { type: 'row-matched', params: { rule: name } } }));
    ruleNames.push(name);
  };
  for (const row of rowsOf(compiled)) {
    add(row.ruleId, row.when.cells);
    if (row.require) add(`${row.ruleId}#require`, row.require.cells);
  }
  return {
    ruleNames,
    async matches(facts) {
      const { results } = await engine.run({ ...facts });
      return new Set(results.map((result) => String(result.name)));
    },
  };
}

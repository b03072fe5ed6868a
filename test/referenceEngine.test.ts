// json-rules-engine is the rule language and the reference semantics: for random cases against every pack,
// each row's three-valued result must agree with a plain engine.run of the same compiled rule wherever it is
// definite (true or false). An unknown result is allowed only when a fact the row reads is absent.
import fc from 'fast-check';
import { componentSchema, resolveSchema, type JsonSchema } from '../src/contract/openapi';
import { factCatalogue } from '../src/rules/factCatalogue';
import type { Facts } from '../src/rules/conditions';
import { rowsOf } from '../src/rules/compiledPack';
import { referenceEngineFor } from '../src/rules/referenceEngine';
import { bundledRules } from './testutils/appSetup';

/** A random value for each fact in its domain, or absent. */
function arbitraryFacts(): fc.Arbitrary<Facts> {
  const sections = new Map<string, Record<string, fc.Arbitrary<unknown>>>();
  for (const fact of factCatalogue.values()) {
    const [section, key] = fact.path.split('.') as [string, string];
    const d = fact.domain;
    const value =
      d.kind === 'enum'
        ? fc.constantFrom(...d.values)
        : d.kind === 'boolean'
          ? fc.boolean()
          : d.kind === 'set'
            ? fc.uniqueArray(fc.constantFrom(...d.values), { maxLength: 4 })
            : fc.integer({ min: Math.max(d.min, -1), max: Math.min(d.max, 2000) });
    sections.set(section, { ...sections.get(section), [key]: value });
  }
  const record = Object.fromEntries(
    [...sections].map(([section, keys]) => [section, fc.record(keys, { requiredKeys: [] })]),
  );
  return fc.record(record, { requiredKeys: [] }) as fc.Arbitrary<Facts>;
}

test('the schema-derived fact catalogue covers every Case field a rule can test', () => {
  const caseSections = Object.keys(resolveSchema(componentSchema('Case')).properties as JsonSchema);
  const used = new Set([...factCatalogue.keys()].map((path) => path.split('.')[0]));
  expect(caseSections.filter((s) => s !== 'asOf' && !used.has(s))).toEqual([]);
});

const store = bundledRules();
const packs = [...store.packs.values()].flat();

test.each(packs.map((p) => [p.pack.authorityId, p] as const))(
  '%s: the fast path agrees with json-rules-engine',
  async (_id, pack) => {
    const reference = referenceEngineFor(pack);
    const rows = rowsOf(pack);
    await fc.assert(
      fc.asyncProperty(arbitraryFacts(), async (facts) => {
        const matched = await reference.matches(facts);
        for (const row of rows) {
          for (const [name, conditions] of [
            [row.ruleId, row.when],
            [`${row.ruleId}#require`, row.require],
          ] as const) {
            if (!conditions) continue;
            const fast = conditions.evaluate(facts);
            if (fast === 'unknown') expect(conditions.missing(facts).length).toBeGreaterThan(0);
            else expect([name, fast]).toEqual([name, matched.has(name)]);
          }
        }
      }),
      { numRuns: 150 },
    );
  },
);

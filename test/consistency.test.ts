// Across every authority: each pack answers the same standard set of cases (every tenure × risk level, with and
// without the facts a case system may lack) with a valid Decision, and no tenure or risk level falls through
// a table without the decision saying why.
import { decide } from '../src/decide/decide';
import { schemaErrors } from '../src/contract/schemaValidation';
import { componentSchema, resolveSchema } from '../src/contract/openapi';
import type { Case } from '../src/contract/apiTypes';
import { contractExampleCase } from './support/contractExample';
import { bundledRules, fixedToday } from './support/appSetup';

const store = bundledRules();
const tenures = resolveSchema(componentSchema('Tenure')).enum as NonNullable<Case['property']>['tenure'][];
const riskLevels = resolveSchema(componentSchema('RiskLevel')).enum as NonNullable<
  Case['harm']
>['riskLevel'][];

function standardCases(): Case[] {
  const cases: Case[] = [];
  for (const tenure of tenures) {
    for (const riskLevel of riskLevels) {
      cases.push({
        ...contractExampleCase,
        asOf: fixedToday,
        harm: { ...contractExampleCase.harm, riskLevel, dashYesCount: 0 },
        property: { ...contractExampleCase.property, tenure },
      });
      cases.push({ asOf: fixedToday, harm: { riskLevel }, property: { tenure } });
    }
  }
  return cases;
}

test.each([...store.packs.keys()])(
  '%s answers every standard case, and says why wherever a table has no answer',
  (id) => {
    for (const pack of store.packs.get(id)!) {
      for (const caseFacts of standardCases()) {
        const decision = decide(caseFacts, pack, {
          decisionId: '00000000-0000-4000-8000-000000000000',
          asOf: fixedToday,
          catalogue: store.measureById,
        });
        expect(schemaErrors('Decision', decision)).toEqual([]);
        expect(decision.riskLevel).toBe(caseFacts.harm!.riskLevel);
        if (!pack.pack.scheme.operated) continue;
        // A first/unique table that neither matched nor waited for a fact must have said so in the reasons.
        for (const table of ['referralRoutes', 'tenureCoverage'] as const) {
          const rows = decision.trace.filter((t) => t.table === table);
          const answered = rows.some((t) => t.matched !== false);
          if (!answered) expect(decision.reasons.map((r) => r.code)).toContain('no-matching-rule');
        }
        // Eligible means every stated criterion is met; a fact the document never restricts is only noted.
        const settled = new Set(['met', 'info', 'not-stated']);
        expect(
          decision.outcome === 'eligible' ? decision.reasons.filter((r) => !settled.has(r.effect)) : [],
        ).toEqual([]);
      }
    }
  },
);

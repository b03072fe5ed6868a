// The "postcode lottery" report: what each authority's scheme does for the same household, by tenure and risk
// level, decided by the packs themselves rather than compiled by hand.
import { decide } from '../decide/decide';
import type { components } from '../generated/openapi';
import { packInForce, type RuleStore } from '../rules/loadRules';
import { baseCase, caseFor, riskLevels, tenures, type BaseCase } from './standardCase';
import { tenureCoverage } from './tenureCoverage';

export type CoverageMatrix = components['schemas']['CoverageMatrix'];
export type CoverageMatrixRow = components['schemas']['CoverageMatrixRow'];

export function buildCoverageMatrix(
  store: RuleStore,
  asOf: string,
  base: BaseCase = baseCase,
): CoverageMatrix {
  const rows: CoverageMatrixRow[] = [];
  const notInForce: string[] = [];
  const context = { decisionId: 'coverage-matrix', asOf, catalogue: store.measureById };
  // The same cases for every authority: made once, and only read by decide().
  const cells = tenures.flatMap((tenure) =>
    riskLevels.map((riskLevel) => ({ tenure, riskLevel, caseFacts: caseFor(tenure, riskLevel, base) })),
  );
  for (const authorityId of [...store.packs.keys()].sort()) {
    const pack = packInForce(store, authorityId, asOf);
    if (!pack) {
      notInForce.push(authorityId);
      continue;
    }
    for (const { tenure, riskLevel, caseFacts } of cells) {
      const decision = decide(caseFacts, pack, context);
      rows.push({
        authorityId,
        authorityName: decision.authority.name,
        tenure,
        tenureCoverage: tenureCoverage(pack, caseFacts),
        riskLevel,
        outcome: decision.outcome,
        funder: decision.funding.funder,
        victimContribution: decision.funding.victimContribution,
        responseWithinHours: decision.response.withinHours,
        responseLabel: decision.response.label,
      });
    }
  }
  return { baseCase: base, asOf, notInForce, rows };
}

// Built from the packs in force alone, so it is worked out once per rule store (a reload makes a new one) and
// day; the store keys a WeakMap, so a replaced store's matrix goes with it.
const cache = new WeakMap<RuleStore, { asOf: string; matrix: CoverageMatrix }>();

/** The standard case's matrix, shared between requests: read it, never change it. */
export function coverageMatrixFor(store: RuleStore, asOf: string): CoverageMatrix {
  const cached = cache.get(store);
  if (cached?.asOf === asOf) return cached.matrix;
  const matrix = buildCoverageMatrix(store, asOf);
  cache.set(store, { asOf, matrix });
  return matrix;
}

/** The response column in words: hours where the scheme gives them, else its own words, else a plain gap. */
export function responseText({
  responseWithinHours: hours,
  responseLabel: label,
}: CoverageMatrixRow): string {
  if (hours !== null) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  return label ?? 'unspecified';
}

// The resolved risk level: the higher of the stated level and the DASH band, because professional
// judgement may raise a level but never lower it.
import type { Case, RiskLevel, TraceEntry } from '../contract/apiTypes';
import type { CompiledTable } from '../rules/compiledPack';
import type { Facts } from '../rules/conditions';
import { riskLevelOrder } from '../rules/factCatalogue';
import { evaluateTable, singleHit } from './hitPolicy';

export function higherRisk(a: RiskLevel | null, b: RiskLevel | null): RiskLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return riskLevelOrder.indexOf(a) >= riskLevelOrder.indexOf(b) ? a : b;
}

export function resolveRiskLevel(
  harm: Case['harm'],
  thresholds: CompiledTable<'riskThresholds'>,
  trace: TraceEntry[],
): RiskLevel | null {
  let band: RiskLevel | null = null;
  if (harm?.dashYesCount !== undefined) {
    const facts: Facts = { harm: { dashYesCount: harm.dashYesCount } };
    band = singleHit(evaluateTable(thresholds, facts, trace))?.then.band ?? null;
  }
  return higherRisk(harm?.riskLevel ?? null, band);
}

// The standard case as a list of facts, for the header of the text reports: what every cell assumes.
import type { RiskLevel } from '../contract/apiTypes';
import { riskLevels, type BaseCase } from './standardCase';

export interface BaseCaseFact {
  fact: string;
  value: string;
}

const sectionOrder = ['referral', 'harm', 'household', 'perpetrator', 'property', 'assessment'];

function flatten(value: object): [string, string][] {
  return Object.entries(value).flatMap(([section, facts]) =>
    Object.entries(facts as object).map(([key, fact]): [string, string] => [
      `${section}.${key}`,
      Array.isArray(fact) ? fact.join(', ') : String(fact),
    ]),
  );
}

const sectionRank = (fact: string) => sectionOrder.indexOf(fact.split('.')[0]!);

export function baseCaseFacts(base: BaseCase): BaseCaseFact[] {
  const byLevel = new Map<string, [RiskLevel, string][]>();
  for (const level of riskLevels) {
    for (const [fact, value] of flatten(base.byRiskLevel[level])) {
      byLevel.set(fact, [...(byLevel.get(fact) ?? []), [level, value]]);
    }
  }
  const perLevel = (values: [RiskLevel, string][]) =>
    values.every(([level, value]) => level === value)
      ? "the row's risk level"
      : values.map(([level, value]) => `${value} at ${level} risk`).join(', ');
  const facts = [
    ...flatten(base.common).map(([fact, value]) => ({ fact, value })),
    ...[...byLevel].map(([fact, values]) => ({ fact, value: perLevel(values) })),
    { fact: 'property.tenure', value: "the row's tenure" },
  ];
  // Stable sort: facts keep their order within a section.
  return facts.sort((a, b) => sectionRank(a.fact) - sectionRank(b.fact));
}

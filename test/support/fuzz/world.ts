// What the fuzzer generates requests for: the loaded authorities, the dates their packs are in force, and their
// scenario cases as seeds (so that generated cases reach every outcome), plus the service's body limits.
import path from 'node:path';
import type { Case } from '../../../src/contract/apiTypes';
import { projectRoot } from '../../../src/contract/projectRoot';
import { defaultHttpSettings } from '../../../src/http/httpSettings';
import { schemaErrors } from '../../../src/contract/schemaValidation';
import { packInForce, type RuleStore } from '../../../src/rules/loadRules';
import { readSuite, suiteFilesIn } from '../../../src/scenarios/suiteFile';
import type { AuthorityInfo } from '../caseArbitraries';

export interface FuzzWorld {
  authorities: readonly AuthorityInfo[];
  /** The service's today (its clock), the default asOf. */
  today: string;
  /** Body size limits in bytes, for a single case and for a batch. */
  limits: { single: number; batch: number };
}

export const scenariosDir = path.join(projectRoot(), 'test', 'scenarios');

/** Each authority's scenario cases that are valid and have rules in force on their date. */
export function scenarioSeeds(store: RuleStore, today: string, dir = scenariosDir): Map<string, Case[]> {
  const seeds = new Map<string, Case[]>();
  for (const file of suiteFilesIn(dir)) {
    const suite = readSuite(file);
    const usable = suite.scenarios
      .map((scenario) => scenario.case)
      .filter((c) => schemaErrors('Case', c).length === 0)
      .filter((c) => packInForce(store, suite.authority, c.asOf ?? today) !== undefined);
    seeds.set(suite.authority, [...(seeds.get(suite.authority) ?? []), ...usable]);
  }
  return seeds;
}

export function authoritiesOf(store: RuleStore, seeds: ReadonlyMap<string, Case[]>): AuthorityInfo[] {
  return [...store.packs].map(([id, versions]) => ({
    id,
    versions: versions.map((v) => ({
      effectiveFrom: v.ruleSet.effectiveFrom,
      effectiveTo: v.ruleSet.effectiveTo,
    })),
    seeds: seeds.get(id) ?? [],
  }));
}

export function fuzzWorld(store: RuleStore, today: string): FuzzWorld {
  return {
    authorities: authoritiesOf(store, scenarioSeeds(store, today)),
    today,
    limits: { single: defaultHttpSettings.bodyLimitSingle, batch: defaultHttpSettings.bodyLimitBatch },
  };
}

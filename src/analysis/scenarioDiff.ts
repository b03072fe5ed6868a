// The scenario suites run against both versions of each changed pack: which scenarios' decisions change,
// how, and whether they still meet their expectations.
import type { Decision } from '../contract/apiTypes';
import { decide } from '../decide/decide';
import type { MeasureInfo } from '../rules/loadRules';
import { compare } from '../scenarios/expectation';
import type { Scenario, ScenarioSuite } from '../scenarios/runScenarios';
import { allFields, fieldChanges, type FieldChange, type Fields } from './decisionFields';
import type { PackChange } from './packChanges';

export interface SuiteFile {
  readonly file: string;
  readonly suite: ScenarioSuite;
}

export interface ScenarioChange {
  readonly name: string;
  readonly changes: FieldChange[];
  /** The expectations the new decision no longer meets (but the old one did), by field. */
  readonly nowFails: string[];
}

export interface SuiteDiff {
  readonly file: string;
  readonly authority: string;
  readonly scenarios: number;
  readonly changed: ScenarioChange[];
}

export interface Catalogues {
  readonly before: ReadonlyMap<string, MeasureInfo>;
  readonly after: ReadonlyMap<string, MeasureInfo>;
}

function decideScenario(
  scenario: Scenario,
  pack: PackChange['before'],
  asOf: string,
  catalogue: ReadonlyMap<string, MeasureInfo>,
): Decision | null {
  return pack
    ? decide(scenario.case, pack, { decisionId: 'scenario', asOf: scenario.case.asOf ?? asOf, catalogue })
    : null;
}

const noPack: Fields = { outcome: 'no pack' };
const failing = (scenario: Scenario, decision: Decision | null) =>
  decision ? compare(scenario.expect, decision).map((m) => m.field) : ['outcome'];

function diffScenario(scenario: Scenario, change: PackChange, catalogues: Catalogues): ScenarioChange {
  const old = decideScenario(scenario, change.before, change.asOf, catalogues.before);
  const now = decideScenario(scenario, change.after, change.asOf, catalogues.after);
  const recommended = scenario.case.assessment?.recommendedMeasures;
  const fields = (d: Decision | null) => (d ? allFields(d, recommended) : noPack);
  const failedBefore = new Set(failing(scenario, old));
  return {
    name: scenario.name,
    changes: fieldChanges(fields(old), fields(now)),
    nowFails: failing(scenario, now).filter((field) => !failedBefore.has(field)),
  };
}

/** Each suite of a changed authority, decided with the two versions compared (whatever date it names). */
export function diffScenarios(
  suites: readonly SuiteFile[],
  changes: readonly PackChange[],
  catalogues: Catalogues,
): SuiteDiff[] {
  return suites.flatMap(({ file, suite }) => {
    const change = changes.find((c) => c.authority === suite.authority);
    if (!change) return [];
    const results = suite.scenarios.map((scenario) => diffScenario(scenario, change, catalogues));
    return [
      {
        file,
        authority: suite.authority,
        scenarios: suite.scenarios.length,
        changed: results.filter((r) => r.changes.length > 0),
      },
    ];
  });
}

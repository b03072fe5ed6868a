// How a pack decides its whole case space: every class of case with every fact it reads given, decided once,
// and the cases counted by outcome. A scheme that runs should find some case eligible; one whose cases are
// mostly unknown leaves too much open for an officer to rely on.
import type { Outcome } from '../contract/apiTypes';
import { decideOutcomeOnly } from '../decide/decide';
import type { CompiledPack, TableId } from '../rules/compiledPack';
import type { MeasureInfo } from '../rules/loadRules';
import { pointerOf, type PackProblem } from '../rules/problems';
import { defaultCaseCap, forEachCase, valueOf, type Dimension } from './caseSpace';
import { decisionSpace, toCase, type DecisionSpace } from './decisionSpace';

export interface OutcomeSpace {
  readonly authorityId: string;
  readonly version: string;
  readonly operated: boolean;
  /** Kinds of case in the space, and how many of them come out each way. */
  readonly cases: number;
  readonly byOutcome: Readonly<Partial<Record<Outcome, number>>>;
  readonly sampled: boolean;
}

// decide() settles the outcome from these tables alone; the others (measures, approvals, routing, response)
// only say what follows from it.
const outcomeTables: ReadonlySet<TableId> = new Set([
  'eligibility',
  'referralRoutes',
  'tenureCoverage',
  'riskThresholds',
  'contributions',
]);

/** A fact no outcome table reads cannot change the outcome: it is asked once, and not counted. */
function outcomeDimensions(space: DecisionSpace): Dimension[] {
  return space.dimensions.map((d) =>
    [...(space.readers.get(d.path) ?? [])].some((table) => outcomeTables.has(table))
      ? d
      : { path: d.path, values: [{ value: d.values[0]!.value, weight: 1, alike: [] }] },
  );
}

export function outcomeSpace(
  compiled: CompiledPack,
  catalogue: ReadonlyMap<string, MeasureInfo>,
  cap: number = defaultCaseCap,
): OutcomeSpace {
  const space = decisionSpace([compiled], [...catalogue.keys()]);
  const dimensions = outcomeDimensions(space);
  const byOutcome: Partial<Record<Outcome, number>> = {};
  let cases = 0;
  const { visited, total } = forEachCase(
    dimensions,
    (choice) => {
      const weight = choice.reduce((n, _c, i) => n * valueOf(dimensions, choice, i).weight, 1);
      const outcome = decideOutcomeOnly(toCase(dimensions, choice), compiled);
      byOutcome[outcome] = (byOutcome[outcome] ?? 0) + weight;
      cases += weight;
    },
    cap,
  );
  return {
    authorityId: compiled.pack.authorityId,
    version: compiled.ruleSet.version,
    operated: compiled.pack.scheme.operated,
    cases,
    byOutcome,
    sampled: visited < total,
  };
}

const share = (space: OutcomeSpace, outcome: Outcome) => (space.byOutcome[outcome] ?? 0) / space.cases;

/**
 * An operated scheme that can never be eligible is an error, unless the pack cites its document excluding
 * every case; a pack that leaves most of its case space unknown is a warning.
 */
export function outcomeProblems(space: OutcomeSpace, compiled: CompiledPack): PackProblem[] {
  if (!space.operated || space.cases === 0) return [];
  const at = { file: compiled.file, table: 'scheme' };
  const problems: PackProblem[] = [];
  const neverEligible = compiled.pack.scheme.neverEligible;
  if (!space.byOutcome.eligible && !neverEligible) {
    problems.push({
      ...at,
      pointer: pointerOf('scheme', 'operated'),
      // A sample of a very large space may miss the few eligible cases: it can only warn.
      severity: space.sampled ? 'warning' : 'error',
      message:
        `the scheme runs, but no case ${space.sampled ? 'in a sample of its cases ' : ''}can come out eligible: ` +
        'a criterion is stricter than the document, or the document excludes every case (then say so, ' +
        'citing it, in scheme.neverEligible)',
    });
  }
  if (space.byOutcome.eligible && neverEligible) {
    problems.push({
      ...at,
      pointer: pointerOf('scheme', 'neverEligible'),
      severity: 'error',
      message: `scheme.neverEligible says no case is eligible, but ${percent(share(space, 'eligible'))} of cases are`,
    });
  }
  if (share(space, 'unknown') > 0.5) {
    problems.push({
      ...at,
      pointer: pointerOf('tables'),
      severity: 'warning',
      message: `${percent(share(space, 'unknown'))} of cases come out unknown: most of the case space is left open`,
    });
  }
  return problems;
}

export const percent = (fraction: number) =>
  `${(fraction * 100).toFixed(fraction > 0 && fraction < 0.001 ? 2 : 1)}%`;

const reportedOutcomes: readonly Outcome[] = [
  'eligible',
  'refer-to-landlord',
  'ineligible',
  'unknown',
  'more-information-needed',
  'no-scheme',
];

/** One line per pack: the share of its cases that comes out each way. */
export function formatOutcomeSpaces(spaces: readonly OutcomeSpace[]): string {
  const width = Math.max(...spaces.map((s) => `${s.authorityId} ${s.version}`.length));
  const lines = spaces.map((space) => {
    const name = `${space.authorityId} ${space.version}`.padEnd(width);
    const counts = reportedOutcomes
      .filter((outcome) => space.byOutcome[outcome])
      .map((outcome) => `${outcome} ${percent(share(space, outcome))}`)
      .join(', ');
    const kinds = `${space.cases.toLocaleString('en-GB')} ${space.cases === 1 ? 'kind' : 'kinds'} of case`;
    const of = `${kinds}${space.sampled ? ', sampled' : ''}`;
    return `  ${name}  ${counts} (${of})`;
  });
  return ["Outcomes over each pack's case space, every fact given:", ...lines].join('\n');
}

// The impact of a policy change on one authority: every class of its decision's case space decided with
// both versions of the pack, and the differences grouped by field and change, with how many cases each has.
import type { Decision } from '../contract/apiTypes';
import { decide } from '../decide/decide';
import type { CompiledPack } from '../rules/compiledPack';
import type { MeasureInfo } from '../rules/loadRules';
import { defaultCaseCap, forEachCase, held, valueOf, type Choice, type Dimension } from './caseSpace';
import {
  caseFields,
  fieldChanges,
  measureFields,
  allFields,
  type FieldChange,
  type Fields,
} from './decisionFields';
import { decisionSpace, recommendedMeasures, toCase } from './decisionSpace';

export interface Side {
  readonly pack: CompiledPack;
  readonly catalogue: ReadonlyMap<string, MeasureInfo>;
}

export interface ChangeGroup {
  readonly change: FieldChange;
  /** The dimensions of the run that found it (facts it did not vary have one class there). */
  readonly dimensions: readonly Dimension[];
  /** How many cases changed this way, and out of how many. */
  weight: number;
  of: number;
  /** Scalar fields: how many cases had the old value before (so "17% of those eligible" can be said). */
  fromWeight: number | null;
  readonly example: Choice;
  /** Per dimension, the classes the changed cases span: a fact with one class is one that matters. */
  readonly spans: Set<number>[];
}

export interface Impact {
  readonly dimensions: readonly Dimension[];
  /** Cases in the space, and the classes decided (with each version) to cover them. */
  readonly cases: number;
  readonly classes: number;
  readonly sampled: boolean;
  readonly groups: ChangeGroup[];
}

type FieldsOf = (decision: Decision, recommended: readonly string[] | undefined) => Fields;

interface Run {
  dimensions: Dimension[];
  fields: FieldsOf;
}

/**
 * When the measures offer depends only on the measure asked about (and the facts the measures table reads),
 * it is decided apart from the rest of the case: the same counts, for a fraction of the decisions.
 */
function runsOf(dimensions: Dimension[], measuresReads: ReadonlySet<number> | null): Run[] {
  if (!measuresReads) return [{ dimensions, fields: allFields }];
  // The case fields do not read the measures, so that run asks about none (an empty list), which spares
  // deciding the standard offer in every case; the measure's weight still counts every measure.
  const noMeasures = (d: Dimension): Dimension => {
    const all = held(d).values[0]!;
    return { path: d.path, values: [{ ...all, value: [], alike: [] }] };
  };
  return [
    {
      dimensions: dimensions.map((d) => (d.path === recommendedMeasures ? noMeasures(d) : d)),
      fields: caseFields,
    },
    { dimensions: dimensions.map((d, i) => (measuresReads.has(i) ? d : held(d))), fields: measureFields },
  ];
}

const weightOf = (dimensions: readonly Dimension[], choice: Choice) =>
  choice.reduce((n, _c, i) => n * valueOf(dimensions, choice, i).weight, 1);

const context = (side: Side, asOf: string) => ({ decisionId: 'diff', asOf, catalogue: side.catalogue });

const keyOf = (...parts: string[]) => parts.join('\u0000');

interface RunResult {
  groups: ChangeGroup[];
  /** Cases covered (the weight of the classes decided), classes decided, and classes in the run. */
  cases: number;
  visited: number;
  total: number;
}

/**
 * Decides every class of one run with both versions and groups the changes by field, from and to. `olds`: the
 * old version's fields, class by class, if `known`, else filled in.
 */
function impactOf(
  run: Run,
  [before, after]: readonly [Side, Side],
  asOf: string,
  cap: number,
  { olds, known }: { olds: Fields[]; known: boolean },
): RunResult {
  let index = 0;
  const found = new Map<string, ChangeGroup>();
  // Per scalar field and value, how many cases had it before: the base for "n% of those eligible".
  // By field, then value, so no key is joined for every field of every case.
  const had = new Map<string, Map<string, number>>();
  let cases = 0;
  const { visited, total } = forEachCase(
    run.dimensions,
    (choice) => {
      const weight = weightOf(run.dimensions, choice);
      cases += weight;
      const caseFacts = toCase(run.dimensions, choice);
      const recommended = caseFacts.assessment?.recommendedMeasures;
      const old = known
        ? olds[index]!
        : (olds[index] = run.fields(decide(caseFacts, before.pack, context(before, asOf)), recommended));
      index++;
      const now = run.fields(decide(caseFacts, after.pack, context(after, asOf)), recommended);
      const changes = fieldChanges(old, now);
      for (const field in old) {
        const value = old[field];
        if (typeof value !== 'string') continue;
        const counts = had.get(field) ?? had.set(field, new Map()).get(field)!;
        counts.set(value, (counts.get(value) ?? 0) + weight);
      }
      for (const change of changes) {
        const key = keyOf(change.field, change.from, change.to);
        const group = found.get(key) ?? {
          change,
          dimensions: run.dimensions,
          weight: 0,
          of: 0,
          fromWeight: null,
          example: choice,
          spans: run.dimensions.map(() => new Set<number>()),
        };
        group.weight += weight;
        choice.forEach((c, i) => group.spans[i]!.add(c));
        found.set(key, group);
      }
    },
    cap,
  );
  const groups = [...found.values()].map((group) => ({
    ...group,
    of: cases,
    fromWeight: group.change.list ? null : (had.get(group.change.field)?.get(group.change.from) ?? null),
  }));
  return { groups, cases, visited, total };
}

// Proposals are previewed again and again, edited, against the same version in force, so the last walk over
// its side is kept and reused while the case space is the same.
let kept: { side: Side; key: string; olds: Fields[][] } | null = null;

export function decisionImpact(
  before: Side,
  after: Side,
  asOf: string,
  measureIds: readonly string[],
  cap: number = defaultCaseCap,
): Impact {
  const space = decisionSpace([before.pack, after.pack], measureIds);
  const key = JSON.stringify([asOf, cap, space.dimensions, space.measuresReads && [...space.measuresReads]]);
  const same =
    kept?.key === key && kept.side.pack === before.pack && kept.side.catalogue === before.catalogue;
  const olds: Fields[][] = same ? kept!.olds : [];
  const runs = runsOf(space.dimensions, space.measuresReads).map((run, i) =>
    impactOf(run, [before, after], asOf, cap, { olds: (olds[i] ??= []), known: same }),
  );
  if (!same) kept = { side: before, key, olds };
  return {
    dimensions: space.dimensions,
    cases: Math.max(...runs.map((r) => r.cases)),
    classes: runs.reduce((n, r) => n + r.visited, 0),
    sampled: runs.some((r) => r.visited < r.total),
    groups: runs.flatMap((r) => r.groups),
  };
}

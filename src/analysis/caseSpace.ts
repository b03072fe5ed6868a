// The case space of a table: for each fact it reads, a few representative values that between them stand for
// every value the rows can tell apart, and the bounded product of those values.
import type { Cell, Conditions, Scalar } from '../generated/pack';
import { splitPath, type Facts } from '../rules/conditions';
import { factCatalogue, type FactDomain } from '../rules/factCatalogue';

export type FactValue = string | number | boolean | readonly string[];

/** One value tried for a fact; `undefined` means the fact is not sent. */
export interface Representative {
  readonly value: FactValue | undefined;
  /** How many values of the fact's domain it stands for (reals count 1 per class). */
  readonly weight: number;
  /** The other values it stands for, when equivalent values were merged. */
  readonly alike: readonly FactValue[];
}

export interface Dimension {
  readonly path: string;
  readonly values: readonly Representative[];
}

/** A case as one index into each dimension's values. */
export type Choice = readonly number[];

export const defaultCaseCap = 200_000;

const one = (value: FactValue | undefined, weight = 1): Representative => ({ value, weight, alike: [] });

/** The fact paths a set of rows reads, after the table's declared inputs. */
export function factsRead(
  inputs: readonly string[],
  conditions: readonly (Conditions | undefined)[],
): string[] {
  const paths = new Set(inputs);
  for (const cells of conditions) for (const path of Object.keys(cells ?? {})) paths.add(path);
  return [...paths];
}

/** Every cell on each fact path, across the given rows. */
export function cellsByFact(conditions: readonly (Conditions | undefined)[]): Map<string, Cell[]> {
  const cells = new Map<string, Cell[]>();
  for (const row of conditions) {
    for (const [path, cell] of Object.entries(row ?? {})) cells.set(path, [...(cells.get(path) ?? []), cell]);
  }
  return cells;
}

function scalarsOf(cell: Cell): Scalar[] {
  if (Array.isArray(cell)) return cell;
  if (typeof cell !== 'object') return [cell];
  if ('not' in cell) return Array.isArray(cell.not) ? cell.not : [cell.not];
  if ('includes' in cell) return [cell.includes];
  return [cell.min, cell.max].filter((v): v is number => v !== undefined);
}

/**
 * Numbers: every boundary a cell names (and the domain's ends), plus one value inside each stretch between
 * them, since every value of a stretch meets the same cells. For integers that value is the one next to a
 * boundary (max+1, or min-1 below the first), and its weight is the stretch's length.
 */
function numericRepresentatives(
  domain: { kind: 'integer' | 'number'; min: number; max: number },
  cells: readonly Cell[],
): Representative[] {
  const inDomain = (v: number) => v >= domain.min && v <= domain.max;
  const named = cells.flatMap(scalarsOf).filter((v): v is number => typeof v === 'number' && inDomain(v));
  const points = [...new Set([domain.min, ...named, domain.max])].sort((a, b) => a - b);
  const values: Representative[] = [];
  points.forEach((point, i) => {
    values.push(one(point));
    const next = points[i + 1];
    if (next === undefined) return;
    if (domain.kind === 'number') values.push(one((point + next) / 2));
    else if (next - point > 1) values.push(one(i === 0 ? next - 1 : point + 1, next - point - 1));
  });
  return values;
}

/** A list fact: empty, each value a cell asks for on its own, and all of them together (so two rows can both hold). */
function setRepresentatives(cells: readonly Cell[]): Representative[] {
  const wanted = [...new Set(cells.flatMap(scalarsOf).map(String))];
  const values = [one([]), ...wanted.map((v) => one([v]))];
  return wanted.length > 1 ? [...values, one(wanted)] : values;
}

export function representatives(domain: FactDomain, cells: readonly Cell[]): Representative[] {
  switch (domain.kind) {
    case 'enum':
      return domain.values.map((v) => one(v));
    case 'boolean':
      return [one(true), one(false)];
    case 'set':
      return setRepresentatives(cells);
    default:
      return numericRepresentatives(domain, cells);
  }
}

/** The dimensions of a table: each fact it reads (known to the catalogue), with its representatives. */
export function dimensionsOf(
  inputs: readonly string[],
  conditions: readonly (Conditions | undefined)[],
): Dimension[] {
  const cells = cellsByFact(conditions);
  return factsRead(inputs, conditions)
    .filter((path) => factCatalogue.has(path))
    .map((path) => ({
      path,
      values: representatives(factCatalogue.get(path)!.domain, cells.get(path) ?? []),
    }));
}

export /** A dimension the run does not vary: one value standing for all of them. */
function held(dimension: Dimension): Dimension {
  const [first, ...rest] = dimension.values;
  const weight = dimension.values.reduce((n, v) => n + v.weight, 0);
  const alike = rest.flatMap((v) => (v.value === undefined ? [...v.alike] : [v.value, ...v.alike]));
  return {
    path: dimension.path,
    values: [{ value: first!.value, weight, alike: [...first!.alike, ...alike] }],
  };
}

export const caseCount = (dimensions: readonly Dimension[]) =>
  dimensions.reduce((n, d) => n * d.values.length, 1);

function decode(dimensions: readonly Dimension[], index: number): number[] {
  const choice = new Array<number>(dimensions.length);
  for (let i = dimensions.length - 1; i >= 0; i--) {
    const size = dimensions[i]!.values.length;
    choice[i] = index % size;
    index = Math.floor(index / size);
  }
  return choice;
}

/**
 * Visits every combination, or, past `cap`, that many spread evenly through the space (so a capped run
 * still sees every part of it). Returns how many there are and how many were visited.
 */
export function forEachCase(
  dimensions: readonly Dimension[],
  visit: (choice: Choice) => void,
  cap: number = defaultCaseCap,
): { total: number; visited: number } {
  const total = caseCount(dimensions);
  const visited = Math.min(total, cap);
  for (let i = 0; i < visited; i++) {
    visit(decode(dimensions, total <= cap ? i : Math.floor((i * total) / cap)));
  }
  return { total, visited };
}

export const valueOf = (dimensions: readonly Dimension[], choice: Choice, i: number) =>
  dimensions[i]!.values[choice[i]!]!;

/** The facts of a case, shaped as the decision reads them: one object per section. */
export function toFacts(dimensions: readonly Dimension[], choice: Choice): Facts {
  const facts: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < dimensions.length; i++) {
    const dimension = dimensions[i]!;
    const value = dimension.values[choice[i]!]!.value;
    if (value === undefined) continue;
    const [section, key] = placeOf(dimension.path);
    (facts[section] ??= {})[key] = value;
  }
  return facts;
}

// A whole case space is built one case at a time, so each path is split once, not once per case.
const places = new Map<string, [string, string]>();
const placeOf = (path: string) => places.get(path) ?? places.set(path, splitPath(path)).get(path)!;

export function formatValue(value: FactValue | undefined): string {
  if (value === undefined) return '(not sent)';
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}

/** A case in words, e.g. `property.tenure = owner-occupier, measure.id = cctv`. */
export function describeCase(
  dimensions: readonly Dimension[],
  choice: Choice,
  only?: readonly number[],
): string {
  const shown = only ?? dimensions.map((_d, i) => i);
  if (!shown.length) return 'any case';
  return shown
    .map((i) => `${dimensions[i]!.path} = ${formatValue(valueOf(dimensions, choice, i).value)}`)
    .join(', ');
}

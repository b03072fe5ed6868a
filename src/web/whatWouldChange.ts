// "What would change the outcome": the smallest changes to a case's facts that would make it eligible, found by
// deciding the case again with one fact varied, then (only if no single change works) two. Pure: the caller
// passes the decision function, so this is the very same decision the API makes, just asked again.
import type { Case, Outcome } from '../contract/apiTypes';
import type { Cell, Scalar } from '../generated/pack';
import { rowsOf, type CompiledPack } from '../rules/compiledPack';
import { factCatalogue } from '../rules/factCatalogue';

export interface FactChange {
  path: string;
  value: Scalar;
}

/** The values each fact may be changed to: the facts the pack reads, and values that can make a difference. */
export type Variations = ReadonlyMap<string, readonly Scalar[]>;

export interface ChangeSearch {
  /** Each entry is one way to reach `eligible`: one change, or two that are needed together. */
  ways: FactChange[][];
  /** How many times the case was decided again. */
  tried: number;
  /** False when the search stopped at its limit before trying every pair. */
  complete: boolean;
}

/** Where a derived fact comes from in the case: the resolved risk level is raised by the stated risk level. */
const caseFactFor: Record<string, string | undefined> = { 'resolved.riskLevel': 'harm.riskLevel' };

function cellsOf(pack: CompiledPack): [string, Cell][] {
  return rowsOf(pack).flatMap((row) => [
    ...Object.entries(row.when.cells),
    ...Object.entries(row.require?.cells ?? {}),
  ]);
}

/** For a number fact: each bound a cell uses, and the value just outside it, within the fact's own range. */
function boundaries(cells: Cell[], min: number, max: number): number[] {
  const values = new Set<number>();
  for (const cell of cells) {
    if (typeof cell === 'number') [cell - 1, cell, cell + 1].forEach((v) => values.add(v));
    if (typeof cell === 'object' && !Array.isArray(cell) && ('min' in cell || 'max' in cell)) {
      if (cell.min !== undefined) [cell.min - 1, cell.min].forEach((v) => values.add(v));
      if (cell.max !== undefined) [cell.max, cell.max + 1].forEach((v) => values.add(v));
    }
  }
  return [...values].filter((v) => v >= min && v <= max).sort((a, b) => a - b);
}

/**
 * The facts a pack's tables read that a case system sends (the measures table decides what is fitted, not
 * whether the case is eligible, so its measure column is left out), each with the values worth trying.
 */
export function variationsFor(pack: CompiledPack): Variations {
  const cellsByPath = new Map<string, Cell[]>();
  for (const [path, cell] of cellsOf(pack)) {
    const casePath = caseFactFor[path] ?? path;
    cellsByPath.set(casePath, [...(cellsByPath.get(casePath) ?? []), cell]);
  }
  // The tenure table's "landlord must agree" is checked against the case's landlord permission.
  const needsPermission = pack.tables.tenureCoverage?.rows.some(
    (r) => r.then.landlordPermission === 'required',
  );
  if (needsPermission && !cellsByPath.has('property.landlordPermission'))
    cellsByPath.set('property.landlordPermission', []);

  const variations = new Map<string, readonly Scalar[]>();
  for (const [path, cells] of cellsByPath) {
    const fact = factCatalogue.get(path);
    if (!fact || fact.scope !== 'case') continue;
    const { domain } = fact;
    if (domain.kind === 'boolean') variations.set(path, [true, false]);
    else if (domain.kind === 'enum') variations.set(path, domain.values);
    else if (domain.kind === 'integer' || domain.kind === 'number')
      variations.set(path, boundaries(cells, domain.min, domain.max));
  }
  return variations;
}

export function readFact(caseFacts: Case, path: string): unknown {
  const [section, key] = path.split('.') as [string, string];
  return (caseFacts as Record<string, Record<string, unknown> | undefined>)[section]?.[key];
}

/** A copy of the case with the changes made; the case itself is left as it was. */
export function withChanges(caseFacts: Case, changes: readonly FactChange[]): Case {
  const copy: Record<string, unknown> = { ...caseFacts };
  for (const { path, value } of changes) {
    const [section, key] = path.split('.') as [string, string];
    copy[section] = { ...(copy[section] as object | undefined), [key]: value };
  }
  return copy as Case;
}

export interface SearchLimits {
  /** Re-decisions at most. */
  count?: number;
  /** Milliseconds of searching at most; time spent paused between slices does not count. */
  ms?: number;
  /** The clock the time limit reads (milliseconds): given, so a test can force the cut. */
  now?: () => number;
  /** Re-decisions in a slice: the clock is read, and the sliced search pauses, between slices. */
  slice?: number;
}

export const defaultLimits = { count: 5000, ms: 25, slice: 50 };

/** The search itself, stopping before each re-decision so that a driver can bound it and pause it. */
function* searchSteps(
  caseFacts: Case,
  variations: Variations,
  outcomeOf: (caseFacts: Case) => Outcome,
  found: { ways: FactChange[][]; tried: number },
): Generator<void, void> {
  const single: FactChange[] = [];
  for (const [path, values] of variations) {
    for (const value of values) if (readFact(caseFacts, path) !== value) single.push({ path, value });
  }
  const works = (changes: FactChange[]) => {
    found.tried += 1;
    return outcomeOf(withChanges(caseFacts, changes)) === 'eligible';
  };
  for (const change of single) {
    yield;
    if (works([change])) found.ways.push([change]);
  }
  if (found.ways.length) return;

  // Two changes, only where no single one is enough: each pair found is then a smallest change.
  for (let i = 0; i < single.length; i++) {
    for (let j = i + 1; j < single.length; j++) {
      const pair = [single[i]!, single[j]!];
      if (pair[0]!.path === pair[1]!.path) continue;
      yield;
      if (works(pair)) found.ways.push(pair);
    }
  }
}

class Search {
  private readonly found = { ways: [] as FactChange[][], tried: 0 };
  private readonly steps: Generator<void, void>;
  private readonly limits: Required<SearchLimits>;
  private spent = 0;
  private complete = false;

  constructor(
    caseFacts: Case,
    variations: Variations,
    outcomeOf: (caseFacts: Case) => Outcome,
    limits: number | SearchLimits,
  ) {
    const given = typeof limits === 'number' ? { count: limits } : limits;
    this.limits = { ...defaultLimits, now: () => performance.now(), ...given };
    this.steps = searchSteps(caseFacts, variations, outcomeOf, this.found);
    // Up to the first re-decision, so that each later step is exactly one.
    this.complete = this.steps.next().done === true;
  }

  /** One slice of re-decisions; false once the search is done or has reached a limit. */
  runSlice(): boolean {
    const { count, ms, now, slice } = this.limits;
    if (this.complete || this.found.tried >= count) return false;
    const started = now();
    for (let n = 0; n < Math.max(1, slice); n++) {
      // Each step makes the re-decision left pending by the last, then stops before the next one.
      if (this.steps.next().done) {
        this.complete = true;
        return false;
      }
      if (this.found.tried >= count) return false;
    }
    this.spent += now() - started;
    return this.spent < ms;
  }

  result(): ChangeSearch {
    return { ways: this.found.ways, tried: this.found.tried, complete: this.complete };
  }
}

/** The search in one go, bounded by count and by time; a number is a count limit alone, as before. */
export function whatWouldChange(
  caseFacts: Case,
  variations: Variations,
  outcomeOf: (caseFacts: Case) => Outcome,
  limits: number | SearchLimits = {},
): ChangeSearch {
  const search = new Search(caseFacts, variations, outcomeOf, limits);
  while (search.runSlice());
  return search.result();
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same search in slices, pausing between them so that requests waiting on the event loop (the API's
 * decisions) are answered in between rather than after the whole search.
 */
export async function whatWouldChangeInSlices(
  caseFacts: Case,
  variations: Variations,
  outcomeOf: (caseFacts: Case) => Outcome,
  limits: SearchLimits = {},
  pause: () => Promise<void> = nextTurn,
): Promise<ChangeSearch> {
  const search = new Search(caseFacts, variations, outcomeOf, limits);
  while (search.runSlice()) await pause();
  return search.result();
}

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

export function whatWouldChange(
  caseFacts: Case,
  variations: Variations,
  outcomeOf: (caseFacts: Case) => Outcome,
  limit = 5000,
): ChangeSearch {
  const single: FactChange[] = [];
  for (const [path, values] of variations) {
    for (const value of values) if (readFact(caseFacts, path) !== value) single.push({ path, value });
  }
  let tried = 0;
  const works = (changes: FactChange[]) => {
    tried += 1;
    return outcomeOf(withChanges(caseFacts, changes)) === 'eligible';
  };

  const ones: FactChange[][] = [];
  for (const change of single) {
    if (tried >= limit) return { ways: ones, tried, complete: false };
    if (works([change])) ones.push([change]);
  }
  if (ones.length) return { ways: ones, tried, complete: true };

  // Two changes, only where no single one is enough: each pair found is then a smallest change.
  const twos: FactChange[][] = [];
  for (let i = 0; i < single.length; i++) {
    for (let j = i + 1; j < single.length; j++) {
      const pair = [single[i]!, single[j]!];
      if (pair[0]!.path === pair[1]!.path) continue;
      if (tried >= limit) return { ways: twos, tried, complete: false };
      if (works(pair)) twos.push(pair);
    }
  }
  return { ways: twos, tried, complete: true };
}

// Problems found by the schema carry only a pointer; a reader wants the table and row it names as well.
import { segmentsOf, unescapeSegment } from '../contract/jsonPointer';
import type { PackProblem } from './problems';

/** The table and row id a pointer such as `/tables/routing/rows/0/source` points into, read from the pack. */
export function locate(problem: PackProblem, pack: unknown): PackProblem {
  if (problem.table) return problem;
  const match = /^\/tables\/([^/]+)(?:\/rows\/(\d+))?/.exec(problem.pointer);
  if (!match) return problem;
  const table = unescapeSegment(match[1]!);
  const rows = (pack as { tables?: Record<string, { rows?: unknown[] }> } | null)?.tables?.[table]?.rows;
  const row = match[2] !== undefined && Array.isArray(rows) ? rows[Number(match[2])] : undefined;
  const id = (row as { id?: unknown } | undefined)?.id;
  return { ...problem, table, ...(typeof id === 'string' ? { row: id } : {}) };
}

/** The row a pointer points into, counted from 1 as a person counts (`/rows/2/then` is row 3), or null. */
export function rowNumber(pointer: string): number | null {
  const match = /\/rows\/(\d+)(?=\/|$)/.exec(pointer);
  return match ? Number(match[1]) + 1 : null;
}

/** A pointer as a person reads it: `/sources/1/file` is `sources #2 › file`, a list item counting from 1. */
export function pointerInWords(pointer: string): string {
  const names: string[] = [];
  for (const segment of segmentsOf(pointer)) {
    if (/^\d+$/.test(segment) && names.length) names[names.length - 1] += ` #${Number(segment) + 1}`;
    else names.push(segment);
  }
  return names.join(' › ');
}

// Hit policies in three-valued logic. A row whose facts are absent is "unknown": a `first` table cannot look
// past it, and a `unique` table cannot decide while no row is certain.
import type { Facts, Truth } from '../rules/conditions';
import type { CompiledRow, CompiledTable, TableId } from '../rules/compiledPack';
import type { TraceEntry } from '../contract/apiTypes';
import { tableTrace, traceEntry } from './traceEntries';

/** The shared empty list: never written to, since a list is replaced before its first push. */
const none: never[] = [];

export interface TableResult<K extends TableId> {
  /** Rows that matched: at most one for `first` and `unique`. */
  readonly hits: readonly CompiledRow<K>[];
  /** Rows left undecided by absent facts, with the facts they need. */
  readonly unknown: readonly { row: CompiledRow<K>; missing: string[] }[];
  /** No row matched and none is unknown: the table has no answer for this case. */
  readonly noMatch: boolean;
}

export function evaluateTable<K extends TableId>(
  table: CompiledTable<K>,
  facts: Facts,
  trace: TraceEntry[],
  measure?: TraceEntry['measure'],
): TableResult<K> {
  // Most tables end with one hit and nothing unknown, so the lists are only made when needed.
  const stopAtFirst = table.hitPolicy === 'first';
  let hits: CompiledRow<K>[] = none;
  let unknown: { row: CompiledRow<K>; missing: string[] }[] = none;
  const entries = tableTrace(table, measure);
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const matched: Truth = row.when.evaluate(facts);
    trace.push(traceEntry(entries, i, matched));
    if (matched === true) {
      if (hits === none) hits = [];
      hits.push(row);
      if (stopAtFirst) break;
    } else if (matched === 'unknown') {
      if (unknown === none) unknown = [];
      unknown.push({ row, missing: row.when.missing(facts) });
      if (stopAtFirst) break;
    }
  }
  if (table.hitPolicy === 'collect')
    return { hits, unknown, noMatch: hits.length === 0 && unknown.length === 0 };
  // A unique table with one certain hit needs nothing more; the checker guarantees rows do not overlap.
  const decided = unknown.length === 0 || (table.hitPolicy === 'unique' && hits.length > 0);
  return {
    hits: hits.length > 1 ? hits.slice(0, 1) : hits,
    unknown: decided ? none : unknown,
    noMatch: hits.length === 0 && unknown.length === 0,
  };
}

/** The single answer of a `first` or `unique` table, or null when it has none or cannot tell yet. */
export const singleHit = <K extends TableId>(result: TableResult<K>): CompiledRow<K> | null =>
  result.unknown.length ? null : (result.hits[0] ?? null);

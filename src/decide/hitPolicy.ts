// Hit policies in three-valued logic. A row whose facts are absent is "unknown": a `first` table cannot look
// past it, and a `unique` table cannot decide while no row is certain.
import type { Facts, Truth } from '../rules/conditions';
import type { CompiledRow, CompiledTable, TableId } from '../rules/compiledPack';
import type { TraceEntry } from '../contract/apiTypes';

export interface TableResult<K extends TableId> {
  /** Rows that matched: at most one for `first` and `unique`. */
  readonly hits: CompiledRow<K>[];
  /** Rows left undecided by absent facts, with the facts they need. */
  readonly unknown: { row: CompiledRow<K>; missing: string[] }[];
  /** No row matched and none is unknown: the table has no answer for this case. */
  readonly noMatch: boolean;
}

export function evaluateTable<K extends TableId>(
  table: CompiledTable<K>,
  facts: Facts,
  trace: TraceEntry[],
  measure?: TraceEntry['measure'],
): TableResult<K> {
  const hits: CompiledRow<K>[] = [];
  const unknown: { row: CompiledRow<K>; missing: string[] }[] = [];
  for (const row of table.rows) {
    const matched: Truth = row.when.evaluate(facts);
    trace.push(
      measure
        ? { table: table.id, row: row.id, measure, matched }
        : { table: table.id, row: row.id, matched },
    );
    if (matched === true) {
      hits.push(row);
      if (table.hitPolicy === 'first') break;
    } else if (matched === 'unknown') {
      unknown.push({ row, missing: row.when.missing(facts) });
      if (table.hitPolicy === 'first') break;
    }
  }
  // A unique table with one certain hit needs nothing more; the checker guarantees rows do not overlap.
  const decided =
    table.hitPolicy === 'collect' ||
    unknown.length === 0 ||
    (table.hitPolicy === 'unique' && hits.length > 0);
  return {
    hits: table.hitPolicy === 'collect' ? hits : hits.slice(0, 1),
    unknown: decided && table.hitPolicy !== 'collect' ? [] : unknown,
    noMatch: hits.length === 0 && unknown.length === 0,
  };
}

/** The single answer of a `first` or `unique` table, or null when it has none or cannot tell yet. */
export const singleHit = <K extends TableId>(result: TableResult<K>): CompiledRow<K> | null =>
  result.unknown.length ? null : (result.hits[0] ?? null);

// Trace entries. An entry says only which row of which table gave which result (for which measure), so the
// same few entries recur in every decision: each is made once per compiled table and shared, frozen, by every
// decision that reaches it. A batch of decisions then holds a few small objects instead of thousands.
import type { TraceEntry } from '../contract/apiTypes';
import type { Truth } from '../rules/conditions';
import type { CompiledTable, TableId } from '../rules/compiledPack';

/** For each row in order, its entries for true, false and unknown. */
export type TableTrace = readonly TraceEntry[];

type AnyTable = CompiledTable<TableId>;

const results: readonly Truth[] = [true, false, 'unknown'];
/** Measure ids come from a closed list; past this many per table, entries are made per use, not kept. */
const maxMeasuresKept = 200;

const plain = new WeakMap<AnyTable, TableTrace>();
const perMeasure = new WeakMap<AnyTable, Map<string, TableTrace>>();

function build(table: AnyTable, measure?: TraceEntry['measure']): TableTrace {
  return table.rows.flatMap((row) =>
    results.map((matched) =>
      Object.freeze(
        measure
          ? { table: table.id, row: row.id, measure, matched }
          : { table: table.id, row: row.id, matched },
      ),
    ),
  );
}

/** The entries of a table's rows, or of the measures table's rows for one measure. */
export function tableTrace(table: AnyTable, measure?: TraceEntry['measure']): TableTrace {
  if (!measure) {
    let entries = plain.get(table);
    if (!entries) plain.set(table, (entries = build(table)));
    return entries;
  }
  let byMeasure = perMeasure.get(table);
  if (!byMeasure) perMeasure.set(table, (byMeasure = new Map()));
  let entries = byMeasure.get(measure);
  if (!entries) {
    entries = build(table, measure);
    if (byMeasure.size < maxMeasuresKept) byMeasure.set(measure, entries);
  }
  return entries;
}

/** The entry for row `index` of the table with this result. */
export const traceEntry = (entries: TableTrace, index: number, matched: Truth): TraceEntry =>
  entries[index * 3 + (matched === true ? 0 : matched === false ? 1 : 2)]!;

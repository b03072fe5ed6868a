// A proposed pack compared with the one in force, row by row: which rows were added, removed or changed, and
// for a changed row which of its cells, from what to what. Rows are matched by id, so a moved row is "moved",
// not removed and added. Values stay codes; whoever renders them chooses the words.
import type { RulePack } from '../generated/pack';
import { tableIds } from '../rules/compilePack';
import { stableJson } from './canonical';

export interface CellChange {
  /** Where in the row, e.g. `when › property.tenure` or `then › covered`. */
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface RowChange {
  readonly table: string;
  readonly row: string;
  readonly kind: 'added' | 'removed' | 'changed' | 'moved';
  /** 1-based positions, as a person counts the rows of a table. */
  readonly positionBefore: number | null;
  readonly positionAfter: number | null;
  readonly cells: readonly CellChange[];
}

export interface PackDiff {
  /** Scheme-level fields: version, dates, scheme, sources, alternatives, each table's title, hit policy, inputs. */
  readonly settings: readonly CellChange[];
  readonly rows: readonly RowChange[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The leaves that differ between two values, named by their path; lists and cells compare whole. */
function leafChanges(before: unknown, after: unknown, path: string[], depth: number): CellChange[] {
  if (stableJson(before) === stableJson(after)) return [];
  if (depth > 0 && isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => leafChanges(before[key], after[key], [...path, key], depth - 1));
  }
  return [{ field: path.join(' › '), before, after }];
}

// A proposal is compared even when it breaks the schema (its problems are shown beside the diff), so its tables
// and rows are read as whatever they turn out to be.
const tablesOf = (pack: RulePack | null): Json => (isObject(pack?.tables) ? pack.tables : {});

function rowsOf(pack: RulePack | null, table: string): Json[] {
  const tableValue = tablesOf(pack)[table];
  const rows = isObject(tableValue) ? tableValue.rows : undefined;
  return Array.isArray(rows) ? rows.filter(isObject) : [];
}

function tableRowChanges(table: string, before: RulePack | null, after: RulePack | null): RowChange[] {
  const old = rowsOf(before, table);
  const now = rowsOf(after, table);
  const position = (rows: Json[], id: unknown) => {
    const i = rows.findIndex((row) => row.id === id);
    return i < 0 ? null : i + 1;
  };
  const ids = [...new Set([...now.map((row) => row.id), ...old.map((row) => row.id)])];
  // A row moved when its place among the rows both versions keep changed (it matters under hit policy "first").
  const kept = (rows: Json[], other: Json[]) =>
    rows.map((row) => row.id).filter((id) => other.some((row) => row.id === id));
  const keptBefore = kept(old, now);
  const keptAfter = kept(now, old);
  return ids.flatMap((id): RowChange[] => {
    const positionBefore = position(old, id);
    const positionAfter = position(now, id);
    const was = positionBefore ? old[positionBefore - 1] : undefined;
    const is = positionAfter ? now[positionAfter - 1] : undefined;
    const common = { table, row: String(id), positionBefore, positionAfter };
    if (!was) return [{ ...common, kind: 'added', cells: [] }];
    if (!is) return [{ ...common, kind: 'removed', cells: [] }];
    // Rows and their when/then/source compare field by field; a cell (a fact's condition) compares whole.
    const cells = leafChanges(was, is, [], 2).filter((change) => change.field !== 'id');
    const moved = keptBefore.indexOf(id) !== keptAfter.indexOf(id);
    if (cells.length) return [{ ...common, kind: 'changed', cells }];
    return moved ? [{ ...common, kind: 'moved', cells: [] }] : [];
  });
}

function settingChanges(before: RulePack | null, after: RulePack | null): CellChange[] {
  const withoutRows = (pack: RulePack | null): Json => {
    if (!pack) return {};
    const tables = Object.fromEntries(
      Object.entries(tablesOf(pack)).map(([id, table]) => {
        if (!isObject(table)) return [id, table];
        const { rows: _rows, ...rest } = table;
        return [id, rest];
      }),
    );
    return { ...pack, tables };
  };
  return leafChanges(withoutRows(before), withoutRows(after), [], 3);
}

export function packDiff(before: RulePack | null, after: RulePack | null): PackDiff {
  return {
    settings: settingChanges(before, after),
    rows: tableIds.flatMap((table) => tableRowChanges(table, before, after)),
  };
}

// Welsh texts beside the English ones: a row's `cy` holds the Welsh for some of its `then` fields, keyed by the
// field's name (dotted for a nested one, "fitter.name"), and the pack's `cy` the Welsh for its name, scheme and
// description, each with `reviewed` (false until the council has reviewed them). A translation is never policy.
import type { RulePack } from '../generated/pack';
import { rowsOf, type CompiledPack, type RowOf, type TableId } from './compiledPack';
import { pointerOf, type PackProblem } from './problems';
import { didYouMean } from './suggestions';

/** The Welsh texts a row of table K may carry: its `cy` fields other than `reviewed`. */
type WelshField<K extends TableId> =
  RowOf<K> extends { cy?: infer C } ? Exclude<keyof NonNullable<C>, 'reviewed'> & string : never;

/** Per table, the English text fields of `then` that may have Welsh beside them (as the schema lists them). */
export const welshFields: { readonly [K in TableId]: readonly WelshField<K>[] } = {
  eligibility: ['criterion'],
  referralRoutes: ['text'],
  tenureCoverage: ['text', 'fitter.name'],
  riskThresholds: [],
  contributions: ['text'],
  measures: ['text'],
  approvals: ['text'],
  routing: ['text', 'name'],
  response: ['label'],
};

/** The pack's own English texts that may have Welsh beside them, as keys of the pack's `cy`. */
export const packWelshFields = ['name', 'scheme.name', 'scheme.runBy', 'description'] as const;
export type PackWelshField = (typeof packWelshFields)[number];

/** A row's or pack's Welsh texts and whether they are reviewed, whatever its table. */
export type WelshTextsOf = { readonly reviewed: boolean } & { readonly [field: string]: string | boolean };

/** One Welsh text, and whether it has been reviewed (by the council, or for the national rows by the service). */
export interface WelshText {
  readonly text: string;
  readonly reviewed: boolean;
}

/** The Welsh for one field in a `cy` block: never a blank, and never the `reviewed` flag. */
export function welshTextOf(cy: WelshTextsOf | undefined, field: string): WelshText | undefined {
  const text = field === 'reviewed' ? undefined : cy?.[field];
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  return { text, reviewed: cy?.reviewed === true };
}

/** The value at a path of keys (["fitter", "name"]) of an object, or undefined. */
export function valueAt(object: unknown, path: readonly string[]): unknown {
  let value: unknown = object;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The text fields this row's `then` actually holds (a field that is null or absent has nothing to translate). */
export function rowTextFields(table: TableId, then: unknown): string[] {
  return (welshFields[table] as readonly string[]).filter(
    (field) => typeof valueAt(then, field.split('.')) === 'string',
  );
}

/** The pack-level text fields this pack holds. */
export function packTextFields(pack: RulePack): PackWelshField[] {
  return packWelshFields.filter((field) => typeof valueAt(pack, field.split('.')) === 'string');
}

/** A row's Welsh texts (its `cy`), or undefined. */
export const rowWelsh = (row: object): WelshTextsOf | undefined =>
  'cy' in row ? (row.cy as WelshTextsOf | undefined) : undefined;

/** The pack's Welsh for its name, scheme and description (its `cy`), or undefined. */
export const packWelsh = (pack: RulePack): WelshTextsOf | undefined => pack.cy as WelshTextsOf | undefined;

/** The Welsh translations in a `cy`: its entries other than `reviewed`. */
const welshEntries = (cy: WelshTextsOf | undefined): [string, string][] =>
  Object.entries(cy ?? {}).filter((entry): entry is [string, string] => entry[0] !== 'reviewed');

const blocksByPack = new WeakMap<CompiledPack, ReadonlyMap<string | null, WelshTextsOf>>();

/** A compiled pack's `cy` blocks by rule id (`authority/table/row`, national rows included), the pack's under null. */
export function welshBlocks(compiled: CompiledPack): ReadonlyMap<string | null, WelshTextsOf> {
  const made = blocksByPack.get(compiled);
  if (made) return made;
  const blocks = new Map<string | null, WelshTextsOf>();
  const own = packWelsh(compiled.pack);
  if (own) blocks.set(null, own);
  for (const row of rowsOf(compiled)) if (row.cy) blocks.set(row.ruleId, row.cy as WelshTextsOf);
  blocksByPack.set(compiled, blocks);
  return blocks;
}

/**
 * A `cy` key that names no text of the row's `then` (a typo, or a field that is null in this row) is an error:
 * its Welsh would never be shown, and a typo must not hide a translation.
 */
export function welshProblems(pack: RulePack, file: string, tables: readonly TableId[]): PackProblem[] {
  const problems: PackProblem[] = [];
  const check = (cy: WelshTextsOf | undefined, texts: string[], at: string, where: object, what: string) => {
    for (const [key] of welshEntries(cy)) {
      if (texts.includes(key)) continue;
      const near = didYouMean(key, texts);
      const has = texts.length ? `its texts are ${texts.map((t) => `"${t}"`).join(', ')}` : 'it has no text';
      problems.push({
        ...(where as { table?: string; row?: string }),
        file,
        pointer: `${at}${pointerOf('cy', key)}`,
        message: `cy: "${key}" names no text of ${what} (${has}), so its Welsh would never be shown${near}`,
        severity: 'error',
      });
    }
  };
  check(packWelsh(pack), packTextFields(pack), '', {}, 'the pack');
  for (const table of tables) {
    const rows = (pack.tables[table]?.rows ?? []) as RowOf<TableId>[];
    rows.forEach((row, i) => {
      const cy = rowWelsh(row);
      if (!cy) return;
      const at = pointerOf('tables', table, 'rows', i);
      check(cy, rowTextFields(table, row.then), at, { table, row: row.id }, "the row's then");
    });
  }
  return problems;
}

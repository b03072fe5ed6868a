// The shape of a pack after loading: every table's rows compiled once, with their citations resolved.
import type { Decision } from '../contract/apiTypes';
import type { RulePack, Source } from '../generated/pack';
import type { CompiledConditions } from './conditions';

export type Tables = RulePack['tables'];
export type TableId = keyof Tables;
type TableOf<K extends TableId> = NonNullable<Tables[K]>;
export type RowOf<K extends TableId> = TableOf<K>['rows'][number];

export interface CompiledRow<K extends TableId> {
  readonly id: string;
  /** `authority/table/row`: how reasons and the trace name the row. */
  readonly ruleId: string;
  readonly when: CompiledConditions;
  /** Eligibility rows only: what must hold while `when` does. */
  readonly require: CompiledConditions | null;
  readonly then: RowOf<K>['then'];
  /** The document and section, in words. */
  readonly citation: string;
  /** The row's Welsh texts (its `cy`), if it has any: national rows carry theirs too, though not in the pack. */
  readonly cy: (RowOf<K> extends { cy?: infer C } ? C : never) | undefined;
}

export interface CompiledTable<K extends TableId> {
  readonly id: K;
  /** `authority/table`. */
  readonly ruleId: string;
  readonly title: string;
  readonly hitPolicy: 'first' | 'collect' | 'unique';
  readonly rows: readonly CompiledRow<K>[];
}

/** The tables the schema lets a pack leave out. */
type OptionalTableId = { [K in TableId]-?: undefined extends Tables[K] ? K : never }[TableId];
/**
 * Tables every pack has, whether or not it operates a scheme: those the schema requires, and the risk bands,
 * as a pack without its own inherits the national ones.
 */
type AlwaysCompiledId = Exclude<TableId, OptionalTableId> | 'riskThresholds';

export type CompiledTables = {
  readonly [K in TableId]-?: K extends AlwaysCompiledId ? CompiledTable<K> : CompiledTable<K> | null;
};

export interface RuleSetRef {
  version: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sha256: string;
}

export interface CompiledPack {
  readonly pack: RulePack;
  readonly file: string;
  /** The decision's `authority`, `ruleSet` and `alternatives`: made once per pack and frozen, as they are shared. */
  readonly authority: Decision['authority'];
  readonly ruleSet: RuleSetRef;
  readonly alternatives: Decision['alternatives'];
  /** When this version was first loaded (kept across reloads while the file is unchanged). */
  readonly loadedAt: string;
  readonly tables: CompiledTables;
  readonly alternativesCitation: string | null;
  readonly schemeCitation: string;
}

interface CitedDocuments<D extends { id: string }> {
  readonly sources: readonly D[];
}

/** The entry of a pack's (or the national defaults') sources that a citation names. */
export const citedDocument = <D extends { id: string }>(
  pack: CitedDocuments<D>,
  source: Pick<Source, 'document'>,
): D | undefined => pack.sources.find((s) => s.id === source.document);

export function citation(pack: CitedDocuments<{ id: string; title: string }>, source: Source): string {
  return `${citedDocument(pack, source)?.title ?? source.document}, ${source.section}`;
}

export type AnyRow = CompiledRow<TableId>;

/** Every compiled row of a pack, table by table. */
export function rowsOf(compiled: CompiledPack): AnyRow[] {
  return Object.values(compiled.tables).flatMap((table) => (table?.rows ?? []) as AnyRow[]);
}

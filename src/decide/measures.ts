// The measures offer: each recommended measure looked up in the measures table, or the standard offer.
import type { Approval, Case, MeasureId, MeasureItem, TraceEntry } from '../contract/apiTypes';
import type { CompiledRow, CompiledTable } from '../rules/compiledPack';
import type { Facts } from '../rules/conditions';
import type { MeasureInfo } from '../rules/loadRules';
import { evaluateTable, singleHit } from './hitPolicy';

export interface MeasuresOffer {
  package: string | null;
  items: MeasureItem[];
  approvals: Approval[];
}

function standardOffer(table: CompiledTable<'measures'>): MeasureId[] {
  const ids = table.rows
    .filter((row) => row.then.standardOffer)
    .flatMap((row) => row.when.cells['measure.id'] ?? []);
  return [...new Set(ids as MeasureId[])];
}

/** Packages rank in the order the table first names them (e.g. basic before basic-plus). */
function packageOf(table: CompiledTable<'measures'>, rows: CompiledRow<'measures'>[]): string | null {
  const ranked = [...new Set(table.rows.map((row) => row.then.package).filter((p): p is string => !!p))];
  const used = rows.map((row) => ranked.indexOf(row.then.package ?? '')).filter((i) => i >= 0);
  return used.length ? ranked[Math.max(...used)]! : null;
}

export function offerMeasures(
  table: CompiledTable<'measures'>,
  caseFacts: Case,
  facts: Facts,
  catalogue: ReadonlyMap<string, MeasureInfo>,
  trace: TraceEntry[],
): MeasuresOffer {
  const recommended = caseFacts.assessment?.recommendedMeasures;
  const ids = recommended ?? standardOffer(table);
  const items: MeasureItem[] = [];
  const matchedRows: CompiledRow<'measures'>[] = [];
  const needingApproval = new Map<
    Approval['type'],
    { row: CompiledRow<'measures'>; measures: MeasureId[] }
  >();
  for (const id of ids) {
    const row = singleHit(evaluateTable(table, { ...facts, measure: { id } }, trace, id));
    const label = catalogue.get(id)?.label ?? id;
    if (!row) {
      items.push({ id, label, status: 'unknown', approval: null, rule: null });
      continue;
    }
    const { status, approval } = row.then;
    items.push({ id, label, status, approval, rule: row.ruleId });
    if (status === 'provided' || status === 'needs-approval') matchedRows.push(row);
    if (status === 'needs-approval' && approval) {
      const group = needingApproval.get(approval) ?? { row, measures: [] };
      group.measures.push(id);
      needingApproval.set(approval, group);
    }
  }
  const approvals = [...needingApproval].map(([type, { row, measures }]) => ({
    type,
    measures,
    text: row.then.text,
    rule: row.ruleId,
  }));
  return { package: packageOf(table, matchedRows), items, approvals };
}

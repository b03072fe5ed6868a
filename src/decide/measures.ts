// The measures offer: each recommended measure looked up in the measures table, or the standard offer.
import type { Approval, Case, MeasureId, MeasureItem, TraceEntry } from '../contract/apiTypes';
import type { CompiledRow, CompiledTable } from '../rules/compiledPack';
import type { Facts } from '../rules/conditions';
import type { MeasureInfo } from '../rules/loadRules';
import { evaluateTable, singleHit } from './hitPolicy';
import { sharedPart } from './sharedParts';
import { catalogueLabel, rowText, withTexts } from './wording';

export interface MeasuresOffer {
  package: string | null;
  items: MeasureItem[];
  approvals: Approval[];
}

/** What a measures table offers whatever the case: worked out once per compiled table, not per decision. */
interface TableOffer {
  /** The measures offered when the assessment recommends none. */
  readonly standardOffer: readonly MeasureId[];
  /** Packages rank in the order the table first names them (e.g. basic before basic-plus). */
  readonly packageRank: readonly string[];
}

const offers = new WeakMap<CompiledTable<'measures'>, TableOffer>();

function tableOffer(table: CompiledTable<'measures'>): TableOffer {
  let offer = offers.get(table);
  if (!offer) {
    const ids = table.rows
      .filter((row) => row.then.standardOffer)
      .flatMap((row) => row.when.cells['measure.id'] ?? []);
    const packages = table.rows.map((row) => row.then.package).filter((p): p is string => !!p);
    offer = { standardOffer: [...new Set(ids as MeasureId[])], packageRank: [...new Set(packages)] };
    offers.set(table, offer);
  }
  return offer;
}

/** The highest-ranked package among the rows that provide a measure. */
function packageOf(ranked: readonly string[], rows: readonly CompiledRow<'measures'>[]): string | null {
  let highest = -1;
  for (const row of rows) highest = Math.max(highest, ranked.indexOf(row.then.package ?? ''));
  return highest >= 0 ? ranked[highest]! : null;
}

/** A copy of the facts whose `measure` is set for each measure in turn, so the caller's facts stay as they are. */
function factsPerMeasure(facts: Facts): Facts {
  const copy: Facts = {};
  for (const key of Object.keys(facts)) copy[key] = facts[key];
  return copy;
}

/** A measures row's approval text, as the pack gives it; made once per row. */
const measureApprovalText = (row: CompiledRow<'measures'>) =>
  sharedPart(row, 'approval-text', () => rowText(row, 'text', row.then.text ?? ''));

export function offerMeasures(
  table: CompiledTable<'measures'>,
  caseFacts: Case,
  facts: Facts,
  catalogue: ReadonlyMap<string, MeasureInfo>,
  trace: TraceEntry[],
): MeasuresOffer {
  const offer = tableOffer(table);
  const ids = caseFacts.assessment?.recommendedMeasures ?? offer.standardOffer;
  const measureFacts = factsPerMeasure(facts);
  const items: MeasureItem[] = [];
  const matchedRows: CompiledRow<'measures'>[] = [];
  const needingApproval = new Map<
    Approval['type'],
    { row: CompiledRow<'measures'>; measures: MeasureId[] }
  >();
  for (const id of ids) {
    measureFacts.measure = { id };
    const row = singleHit(evaluateTable(table, measureFacts, trace, id));
    const label = catalogue.get(id)?.label ?? id;
    // The catalogue's label is part of the key: a reload can change it while the pack stays the same.
    if (!row) {
      items.push(
        sharedPart(
          table,
          id,
          () =>
            withTexts(
              { id, label, status: 'unknown', approval: null, rule: null },
              { label: catalogueLabel(`measure.${id}`, label) },
            ),
          (item) => item.label === label,
        ),
      );
      continue;
    }
    const { status, approval } = row.then;
    items.push(
      sharedPart(
        row,
        id,
        () =>
          withTexts(
            { id, label, status, approval, rule: row.ruleId },
            { label: catalogueLabel(`measure.${id}`, label) },
          ),
        (item) => item.label === label,
      ),
    );
    if (status === 'provided' || status === 'needs-approval') matchedRows.push(row);
    if (status === 'needs-approval' && approval) {
      const group = needingApproval.get(approval) ?? { row, measures: [] };
      group.measures.push(id);
      needingApproval.set(approval, group);
    }
  }
  const approvals = [...needingApproval].map(([type, { row, measures }]) =>
    withTexts({ type, measures, text: row.then.text, rule: row.ruleId }, { text: measureApprovalText(row) }),
  );
  return { package: packageOf(offer.packageRank, matchedRows), items, approvals };
}

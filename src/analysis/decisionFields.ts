// The parts of a decision a policy officer compares between two versions of a pack, each as text (or a
// list of texts), so two decisions compare field by field and a change reads "from → to".
import type { Decision, MeasureItem } from '../contract/apiTypes';

export type FieldValue = string | readonly string[];
export type Fields = Record<string, FieldValue>;

const text = (value: unknown) => (value === null || value === undefined ? 'none' : String(value));
const timescale = ({ withinHours, withinWorkingDays }: Decision['routing'][number]) =>
  withinWorkingDays !== null
    ? ` within ${withinWorkingDays} working days`
    : withinHours === null
      ? ''
      : ` within ${withinHours}h`;
const sorted = (values: readonly string[]) => [...new Set(values)].sort();

/** Everything but the measures offer: the fields that depend on the case, not on the measure asked about. */
export function caseFields(decision: Decision): Fields {
  return {
    outcome: decision.outcome,
    'risk level': text(decision.riskLevel),
    'failed criteria': sorted(decision.reasons.filter((r) => r.effect === 'failed').map((r) => r.code)),
    'missing facts': sorted(decision.missingFacts),
    funder: decision.funding.funder,
    'victim contribution': decision.funding.victimContribution,
    'council contribution cap (GBP)': text(decision.funding.councilContributionCapGBP),
    'response within hours': text(decision.response.withinHours),
    'response within working days': text(decision.response.withinWorkingDays),
    routing: sorted(decision.routing.map((r) => `${r.to}${timescale(r)}`)),
    // Approvals for particular measures belong to the measures offer.
    approvals: sorted(decision.approvals.filter((a) => a.measures.length === 0).map((a) => a.type)),
  };
}

const statusOf = (item: MeasureItem) => (item.approval ? `${item.status} (${item.approval})` : item.status);

/**
 * The measures offer. One recommended measure is compared by its status; none means the standard offer,
 * compared as a list; several (as in scenarios) as a list too.
 */
export function measureFields(decision: Decision, recommended: readonly string[] | undefined): Fields {
  const { items } = decision.measures;
  const offer = items.map((item) => `${item.id}: ${statusOf(item)}`);
  const fields: Fields = { package: text(decision.measures.package) };
  if (recommended?.length === 1 && items[0]) fields['measure status'] = statusOf(items[0]);
  else if (recommended === undefined) fields['standard offer'] = offer;
  else fields.measures = offer;
  return fields;
}

export const allFields = (decision: Decision, recommended: readonly string[] | undefined): Fields => ({
  ...caseFields(decision),
  ...measureFields(decision, recommended),
});

/** The order fields are reported in. */
export const fieldOrder: readonly string[] = [
  'outcome',
  'risk level',
  'failed criteria',
  'missing facts',
  'funder',
  'victim contribution',
  'council contribution cap (GBP)',
  'response within hours',
  'response within working days',
  'routing',
  'approvals',
  'measure status',
  'standard offer',
  'measures',
  'package',
];

export interface FieldChange {
  field: string;
  /** Scalars: the old and new value. Lists: what was removed and what was added. */
  from: string;
  to: string;
  list: boolean;
}

/** The fields that differ, in report order. */
export function fieldChanges(before: Fields, after: Fields): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fieldOrder) {
    const a = before[field];
    const b = after[field];
    if (a === undefined || b === undefined) continue;
    if (typeof a === 'string' || typeof b === 'string') {
      if (a !== b) changes.push({ field, from: String(a), to: String(b), list: false });
      continue;
    }
    const removed = a.filter((x) => !b.includes(x));
    const added = b.filter((x) => !a.includes(x));
    if (removed.length || added.length) {
      changes.push({ field, from: removed.join(', '), to: added.join(', '), list: true });
    }
  }
  return changes;
}

/** `outcome: eligible → ineligible`, or `routing: − installer within 24h; + landlord`. */
export function describeChange(change: FieldChange): string {
  if (!change.list) return `${change.field}: ${change.from} → ${change.to}`;
  const parts = [change.from && `− ${change.from}`, change.to && `+ ${change.to}`].filter(Boolean);
  return `${change.field}: ${parts.join('; ')}`;
}

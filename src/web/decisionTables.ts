// A pack's decision tables as a policy document would print them: one column per input, then the outputs, and
// each row with its citation and the sentence it encodes. Read from the compiled pack, so the page shows exactly
// the rules in force (a table the pack leaves out, such as the DASH bands, shows the national default).
import type { Cell, Conditions, Input, Source } from '../generated/pack';
import { tableIds } from '../rules/compilePack';
import { citation, type CompiledPack, type TableId } from '../rules/compiledPack';
import { questionByPath } from './caseQuestions';
import { valueLabel } from './labels';
import { fileOf, sourceHref } from './sourceDocuments';

export interface PrintedRow {
  id: string;
  /** Eligibility only: when the criterion applies (empty: always). */
  appliesWhen: string;
  /** One cell per input column ("Any" where the row does not test it). */
  cells: string[];
  outputs: string[];
  citation: string;
  /** The cited document, where the service holds it. */
  sourceHref: string | null;
  quote: string | null;
  note: string | null;
}

export interface PrintedTable {
  id: TableId;
  title: string;
  description: string | null;
  hitPolicy: string;
  /** True where the pack has no table of its own and the national default applies. */
  nationalDefault: boolean;
  inputs: { fact: string; label: string }[];
  /** `wide` outputs hold sentences, and get room for them. */
  outputs: { key: string; heading: string; wide: boolean }[];
  rows: PrintedRow[];
}

interface RawRow {
  id: string;
  when?: Conditions;
  require?: Conditions;
  then: Record<string, unknown>;
  source: Source;
  note?: string;
}

/** A table as written: in the pack, or in the national defaults. */
export interface RawTable {
  title: string;
  description?: string;
  inputs: Input[];
  rows: RawRow[];
}

const hitPolicies: Record<string, string> = {
  first: 'The first row that matches applies.',
  unique: 'Exactly one row applies.',
  collect: 'Every row that matches applies.',
};

export const outputHeadings: Record<string, string> = {
  criterion: 'Criterion',
  metCode: 'Code when met',
  failCode: 'Code when not met',
  accepted: 'Accepted',
  covered: 'Covered',
  funder: 'Who pays',
  landlordPermission: 'Landlord must agree',
  referToLandlord: "Landlord's own scheme",
  fitter: 'Who fits the measures',
  code: 'Code',
  text: 'What it means',
  band: 'Risk band',
  victimContribution: "Victim's contribution",
  councilContributionCapGBP: 'Cap on council contribution (£)',
  status: 'Status',
  approval: 'Approval needed',
  package: 'Package',
  standardOffer: 'In the standard offer',
  to: 'Goes to',
  name: 'Team or organisation',
  withinHours: 'Within (hours)',
  forOutcomes: 'For outcomes',
  label: 'Label',
  type: 'Approval',
};

const codeKeys = new Set(['metCode', 'failCode', 'code']);
const wideKeys = new Set(['criterion', 'text', 'label', 'name']);
const isVocabulary = (text: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);

function scalarText(value: unknown, label: (id: string) => string): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (typeof value === 'string' && isVocabulary(value)) return label(value);
  return String(value);
}

/** "The victim" → "the victim", but "MARAC" stays as it is. */
const midSentence = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/** A cell in words: "Private rented", "Police or MARAC", "Not Self", "10 to 13", "Includes CCTV". */
export function cellText(cell: Cell, label: (id: string) => string = valueLabel): string {
  if (Array.isArray(cell)) return cell.map((v) => scalarText(v, label)).join(' or ');
  if (typeof cell !== 'object') return scalarText(cell, label);
  if ('not' in cell) return `Not ${midSentence(cellText(cell.not, label))}`;
  if ('includes' in cell) return `Includes ${scalarText(cell.includes, label)}`;
  if (cell.min !== undefined && cell.max !== undefined) return `${cell.min} to ${cell.max}`;
  if (cell.min !== undefined) return `${cell.min} or more`;
  return `${cell.max ?? ''} or fewer`;
}

export function outputText(key: string, value: unknown, label: (id: string) => string = valueLabel): string {
  if (value === null || value === undefined) return 'None';
  if (codeKeys.has(key)) return String(value);
  if (Array.isArray(value)) return value.map((v) => scalarText(v, label)).join(', ');
  if (typeof value === 'object') {
    const { to, name } = value as { to?: string; name?: string | null };
    return [to ? valueLabel(to) : null, name].filter(Boolean).join(': ');
  }
  return scalarText(value, label);
}

const factLabel = (fact: string) => questionByPath.get(fact)?.text ?? fact;

function printTable(
  id: TableId,
  raw: RawTable,
  hitPolicy: string,
  citation: (source: Source) => string,
  documentHref: (source: Source) => string | null,
  nationalDefault: boolean,
  measureLabel: (id: string) => string,
): PrintedTable {
  const isEligibility = id === 'eligibility';
  const declared = raw.inputs.map((input) => ({
    fact: input.fact,
    label: input.label ?? factLabel(input.fact),
  }));
  const tested = raw.rows.flatMap((row) =>
    Object.keys(isEligibility ? (row.require ?? {}) : (row.when ?? {})),
  );
  const extra = [...new Set(tested)].filter((fact) => !declared.some((input) => input.fact === fact));
  const inputs = [...declared, ...extra.map((fact) => ({ fact, label: factLabel(fact) }))].filter(
    (input) => !isEligibility || raw.rows.some((row) => row.require && input.fact in row.require),
  );
  const outputKeys = [...new Set(raw.rows.flatMap((row) => Object.keys(row.then)))];
  const label = (value: string) =>
    id === 'measures' ? measureLabelOr(value, measureLabel) : valueLabel(value);
  const describe = (conditions: Conditions = {}) =>
    Object.entries(conditions)
      .map(([fact, cell]) => `${factLabel(fact)}: ${cellText(cell, label)}`)
      .join('; ');
  return {
    id,
    title: raw.title,
    description: raw.description ?? null,
    hitPolicy: hitPolicies[hitPolicy] ?? hitPolicy,
    nationalDefault,
    inputs,
    outputs: outputKeys.map((key) => ({ key, heading: outputHeadings[key] ?? key, wide: wideKeys.has(key) })),
    rows: raw.rows.map((row) => {
      const cells = (isEligibility ? row.require : row.when) ?? {};
      return {
        id: row.id,
        appliesWhen: isEligibility ? describe(row.when) : '',
        cells: inputs.map((input) => (input.fact in cells ? cellText(cells[input.fact]!, label) : 'Any')),
        outputs: outputKeys.map((key) => outputText(key, row.then[key], label)),
        citation: citation(row.source),
        sourceHref: documentHref(row.source),
        quote: row.source.quote ?? null,
        note: row.note ?? null,
      };
    }),
  };
}

/** Measure ids read as the catalogue's labels; anything else as a vocabulary word. */
function measureLabelOr(value: string, measureLabel: (id: string) => string): string {
  const labelled = measureLabel(value);
  return labelled === value ? valueLabel(value) : labelled;
}

export function printedTables(
  compiled: CompiledPack,
  defaults: { sources: { id: string; title: string }[]; riskThresholds: RawTable },
  measureLabel: (id: string) => string,
): PrintedTable[] {
  const { pack } = compiled;
  const citeIn = (sources: { id: string; title: string }[]) => (source: Source) =>
    citation({ sources }, source);
  return tableIds.flatMap((id) => {
    const compiledTable = compiled.tables[id];
    if (!compiledTable) return [];
    const own = pack.tables[id] as RawTable | undefined;
    const raw = own ?? (id === 'riskThresholds' ? defaults.riskThresholds : undefined);
    if (!raw) return [];
    const cite = own ? citeIn(pack.sources) : citeIn(defaults.sources);
    // The national defaults cite the service's own contract, which is not a policy document.
    const href = (source: Source) => (own ? sourceHref(fileOf(pack, source)) : null);
    return [printTable(id, raw, compiledTable.hitPolicy, cite, href, !own, measureLabel)];
  });
}

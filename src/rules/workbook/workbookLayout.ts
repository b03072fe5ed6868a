// The workbook's fixed layout, shared by the writer and the reader: sheet names, the Scheme sheet's rows, each
// table's output columns, and the vocabularies the schema allows in them.
import { readFileSync } from 'node:fs';
import type { Scalar } from '../../generated/pack';
import type { TableId } from '../compiledPack';
import { packSchemaPath } from '../packSchema';
import { packWelshFields, welshFields } from '../welshTexts';

/** How a value is written: free text, one or several words of a vocabulary, Yes/No, a date or a number. */
export type ValueKind = 'text' | 'choice' | 'choices' | 'yesNo' | 'date' | 'number' | 'wholeNumber';

/**
 * What an empty cell means. required: the field is left out (the schema then says it is missing);
 * nullable: null; optional: left out; optionalNullable: left out, and the word "None" means null.
 */
export type Presence = 'required' | 'nullable' | 'optional' | 'optionalNullable';

export interface Field {
  header: string;
  /** Where the value goes, from the row's `then` (tables) or from the pack (the Scheme sheet). */
  path: readonly string[];
  kind: ValueKind;
  presence: Presence;
  /** An object made only when one of its cells is filled in, e.g. a fitter or the alternatives. */
  group?: readonly string[];
  width?: number;
}

export const schemeSheet = 'Scheme';
export const listsSheet = 'Lists';

export const tableSheets: Readonly<Record<TableId, string>> = {
  eligibility: 'Eligibility',
  referralRoutes: 'Who may refer',
  tenureCoverage: 'Tenure',
  riskThresholds: 'Risk thresholds',
  contributions: 'Contributions',
  measures: 'Measures',
  approvals: 'Approvals',
  routing: 'Routing',
  response: 'Response time',
};

export const tableLabels = { title: 'Title', description: 'Description', hitPolicy: 'Hit policy' } as const;
export const rowIdHeader = 'Row id';
export const appliesWhenPrefix = 'Applies when: ';
/** In the note of a condition column for a fact the rows use but the table does not declare as an input. */
export const notInputNote = "(not one of the table's inputs)";
export const sourcesTitle = 'Sources';
export const sourceHeaders = ['Id', 'Title', 'File'] as const;

const field = (
  header: string,
  path: string,
  kind: ValueKind,
  presence: Presence = 'required',
  width?: number,
): Field => ({ header, path: path.split('.'), kind, presence, width });

const grouped = (group: string, fields: Field[]): Field[] =>
  fields.map((f) => ({ ...f, group: group.split('.') }));

export const schemeFields: readonly Field[] = [
  field('Authority id', 'authorityId', 'text'),
  field('Council', 'name', 'text'),
  field('Nation', 'nation', 'choice'),
  field('Version', 'version', 'text'),
  field('Effective from', 'effectiveFrom', 'date'),
  field('Effective to', 'effectiveTo', 'date', 'optionalNullable'),
  field('Description', 'description', 'text', 'optional'),
  field('Scheme name', 'scheme.name', 'text'),
  field('Scheme operated', 'scheme.operated', 'yesNo'),
  field('Run by', 'scheme.runBy', 'text'),
  field('Source document', 'scheme.source.document', 'choice'),
  field('Source section', 'scheme.source.section', 'text'),
  field('Source quote', 'scheme.source.quote', 'text', 'optional'),
  ...grouped('scheme.neverEligible', [
    field('Never eligible', 'scheme.neverEligible.text', 'text'),
    field('Never eligible document', 'scheme.neverEligible.source.document', 'choice'),
    field('Never eligible section', 'scheme.neverEligible.source.section', 'text'),
    field('Never eligible quote', 'scheme.neverEligible.source.quote', 'text', 'optional'),
  ]),
  ...grouped('alternatives', [
    field('Alternatives', 'alternatives.values', 'choices'),
    field('Alternatives document', 'alternatives.source.document', 'choice'),
    field('Alternatives section', 'alternatives.source.section', 'text'),
    field('Alternatives quote', 'alternatives.source.quote', 'text', 'optional'),
  ]),
];

const longText = 60;
const code = 26;
const text = (header: string, path: string, presence: Presence = 'required') =>
  field(header, path, 'text', presence, longText);

export const outputFields: Readonly<Record<TableId, readonly Field[]>> = {
  eligibility: [
    text('Criterion', 'criterion'),
    field('Reason code when met', 'metCode', 'text', 'optional', code),
    field('Reason code when not met', 'failCode', 'text', 'required', code),
  ],
  referralRoutes: [
    field('Accepted', 'accepted', 'choice'),
    field('Reason code', 'code', 'text', 'required', code),
    text('Text', 'text'),
  ],
  tenureCoverage: [
    field('Covered', 'covered', 'choice'),
    field('Funder', 'funder', 'choice', 'required', 24),
    field('Landlord permission', 'landlordPermission', 'choice', 'required', 18),
    field('Landlord fits', 'referToLandlord', 'yesNo', 'optional'),
    ...grouped('fitter', [
      field('Fitter', 'fitter.to', 'choice', 'required', 24),
      field('Fitter name', 'fitter.name', 'text', 'nullable', 30),
    ]),
    field('Reason code', 'code', 'text', 'required', code),
    text('Text', 'text'),
  ],
  riskThresholds: [field('Band', 'band', 'choice')],
  contributions: [
    field('Victim contribution', 'victimContribution', 'choice', 'required', 20),
    field('Council contribution cap (£)', 'councilContributionCapGBP', 'number', 'nullable', 18),
    text('Text', 'text'),
  ],
  measures: [
    field('Status', 'status', 'choice', 'required', 18),
    field('Approval', 'approval', 'choice', 'nullable', 24),
    field('Package', 'package', 'text', 'nullable', 20),
    field('Standard offer', 'standardOffer', 'yesNo', 'optional'),
    text('Text', 'text'),
  ],
  approvals: [field('Approval type', 'type', 'choice', 'required', 24), text('Text', 'text')],
  routing: [
    field('To', 'to', 'choice', 'required', 24),
    field('Name', 'name', 'text', 'nullable', 30),
    field('Within hours', 'withinHours', 'number', 'nullable'),
    field('Within working days', 'withinWorkingDays', 'wholeNumber', 'optionalNullable'),
    field('For outcomes', 'forOutcomes', 'choices', 'optional', 30),
    text('Text', 'text'),
  ],
  response: [
    field('Within hours', 'withinHours', 'number', 'nullable'),
    field('Within working days', 'withinWorkingDays', 'wholeNumber', 'optionalNullable'),
    field('Label', 'label', 'text', 'nullable', longText),
  ],
};

export const sourceFields: readonly Field[] = [
  field('Source document', 'source.document', 'choice', 'required', 18),
  field('Section', 'source.section', 'text', 'required', 24),
  text('Quote', 'source.quote', 'optional'),
  text('Note', 'note', 'optional'),
];

// Welsh texts (a row's or the pack's `cy`): a column per English text headed "<its header> (Cymraeg)", and a
// Yes/No "Welsh reviewed"; written for a Welsh council's pack or one that has Welsh, always read. Each Welsh
// field's path is its one `cy` key, dotted as it is ("fitter.name").

export const welshHeader = (english: string) => `${english} (Cymraeg)`;
export const welshReviewedHeader = 'Welsh reviewed';
const welshReviewed: Field = field(welshReviewedHeader, 'reviewed', 'yesNo', 'optional');

function welshOf(english: readonly Field[], keys: readonly string[]): Field[] {
  return keys.map((key) => {
    const of = english.find((f) => f.path.join('.') === key)!;
    return {
      header: welshHeader(of.header),
      path: [key],
      kind: 'text',
      presence: 'optional',
      width: of.width,
    };
  });
}

/** A table's Welsh columns, "Welsh reviewed" last; none for a table without text (the risk thresholds). */
export const welshTableFields = (table: TableId): readonly Field[] =>
  welshFields[table].length ? [...welshOf(outputFields[table], welshFields[table]), welshReviewed] : [];

/** The Scheme sheet's Welsh rows, "Welsh reviewed" last. */
export const welshSchemeFields: readonly Field[] = [...welshOf(schemeFields, packWelshFields), welshReviewed];

/** Whether a pack's workbook has the Welsh columns and rows: a Welsh council's, or any pack with Welsh. */
export const hasWelshColumns = (pack: { nation: string; cy?: object; tables: object }): boolean =>
  pack.nation === 'wales' ||
  pack.cy !== undefined ||
  Object.values(pack.tables).some((table: { rows?: { cy?: object }[] } | undefined) =>
    table?.rows?.some((row) => row.cy !== undefined),
  );

// Vocabularies, read from the schema so that the workbook offers exactly what a pack may hold.

type Node = Record<string, unknown>;
const schema = JSON.parse(readFileSync(packSchemaPath, 'utf8')) as Node;
const definitions = schema.definitions as Record<string, Node>;

function resolve(node: Node): Node {
  const ref = node.$ref;
  return typeof ref === 'string' ? resolve(definitions[ref.replace('#/definitions/', '')]!) : node;
}

function enumOf(node: Node | undefined): Scalar[] {
  if (!node) return [];
  const resolved = resolve(node);
  if (Array.isArray(resolved.enum)) return resolved.enum as Scalar[];
  if ('const' in resolved) return [resolved.const as Scalar];
  if (Array.isArray(resolved.anyOf)) return (resolved.anyOf as Node[]).flatMap(enumOf);
  if (resolved.items) return enumOf(resolved.items as Node);
  return [];
}

const propertyAt = (node: Node, path: readonly string[]): Node | undefined =>
  path.reduce<Node | undefined>(
    (at, key) => (at ? ((resolve(at).properties as Record<string, Node>)?.[key] ?? undefined) : undefined),
    node,
  );

const tableDefinition = (table: TableId) => definitions[`${table}Table`]!;

export const hitPolicies = (table: TableId): Scalar[] =>
  enumOf(propertyAt(tableDefinition(table), ['hitPolicy']));

/** The values an output cell may hold, from the row's `then` in the schema. */
export function outputVocabulary(table: TableId, path: readonly string[]): Scalar[] {
  const rows = propertyAt(tableDefinition(table), ['rows']);
  const then = rows && propertyAt(rows.items as Node, ['then']);
  return then ? enumOf(propertyAt(then, path)) : [];
}

export const schemeVocabulary = (path: readonly string[]): Scalar[] => enumOf(propertyAt(schema, path));

/** exceljs, loaded when a workbook is first read or written: it is a third of the server's start-up otherwise. */
export const loadExcel = async () => (await import('exceljs')).default;

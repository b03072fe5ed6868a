// A rule pack as a workbook a policy officer can edit in Excel or LibreOffice: a Scheme sheet, one sheet per
// table, words rather than JSON in the cells, and drop-down lists wherever a cell takes a fixed vocabulary.
import type ExcelJS from 'exceljs';
import type { Cell as SheetCell, DataValidation, Worksheet } from 'exceljs';
import type { Conditions, RulePack, Scalar } from '../../generated/pack';
import { tableIds } from '../compilePack';
import type { TableId } from '../compiledPack';
import { factCatalogue } from '../factCatalogue';
import { valueAt } from '../welshTexts';
import { conditionChoices, conditionWords, noneWord, wordOf } from './cellWords';
import {
  appliesWhenPrefix,
  type Field,
  hasWelshColumns,
  hitPolicies,
  listsSheet,
  loadExcel,
  notInputNote,
  outputFields,
  outputVocabulary,
  rowIdHeader,
  schemeFields,
  schemeSheet,
  schemeVocabulary,
  sourceFields,
  sourceHeaders,
  sourcesTitle,
  tableLabels,
  tableSheets,
  welshSchemeFields,
  welshTableFields,
} from './workbookLayout';

/** Rows below the last rule row that still get drop-downs, for rows a person adds. */
const spareRows = 50;
const headerRow = 5;
const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

/** The hidden sheet of vocabularies: one column each, referred to by range (inline lists stop at 255 characters). */
class Lists {
  private readonly columns = new Map<string, { index: number; name: string; values: string[] }>();

  range(name: string, values: readonly string[]): string | null {
    if (!values.length) return null;
    const key = values.join('\u0000');
    let column = this.columns.get(key);
    if (!column) {
      column = { index: this.columns.size + 1, name, values: [...values] };
      this.columns.set(key, column);
    }
    const letter = columnLetter(column.index);
    return `${listsSheet}!$${letter}$2:$${letter}$${values.length + 1}`;
  }

  write(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.addWorksheet(listsSheet, { state: 'hidden' });
    for (const { index, name, values } of this.columns.values()) {
      sheet.getCell(1, index).value = name;
      values.forEach((value, i) => (sheet.getCell(i + 2, index).value = value));
      sheet.getColumn(index).width = 28;
    }
  }
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function listValidation(range: string, strict: boolean, prompt: string): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [range],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: 'Not in the list',
    error: strict
      ? 'Pick a value from the drop-down list.'
      : 'That is not one of the listed values. Several values separated by commas are fine.',
    showInputMessage: true,
    prompt,
  };
}

const numberValidation = (prompt: string): DataValidation => ({
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Not a number',
  error: 'Type a number, 0 or more, or leave the cell empty.',
  showInputMessage: true,
  prompt,
});

/** A value in words: an empty cell for absent (and for null where the field is required), "None" for an optional null. */
function cellValue(value: unknown, field: Field): string | number {
  if (value === undefined) return '';
  if (value === null) return field.presence === 'optionalNullable' ? noneWord : '';
  if (Array.isArray(value)) return (value as Scalar[]).map(wordOf).join(', ');
  if (typeof value === 'number') return value;
  return wordOf(value as Scalar);
}

/** The drop-down words of a field, or null for free text. */
function fieldChoices(field: Field, vocabulary: Scalar[], sourceIds: string[]): string[] | null {
  if (field.kind === 'yesNo') return ['Yes', 'No'];
  if (field.kind !== 'choice' && field.kind !== 'choices') return null;
  if (field.path[field.path.length - 1] === 'document') return sourceIds;
  return vocabulary.map(wordOf);
}

/** A prompt with no restriction (exceljs writes type "any" as Excel's default, "none"). */
const promptOnly = (prompt: string) =>
  ({ type: 'any', formulae: [], showInputMessage: true, prompt }) as unknown as DataValidation;

function fieldValidation(field: Field, choices: string[] | null, lists: Lists): DataValidation | null {
  if (field.kind === 'number') return numberValidation(`${field.header}: a number, or empty for none.`);
  if (field.kind === 'wholeNumber') {
    return promptOnly(`${field.header}: a whole number; "${noneWord}" for none; empty when not given.`);
  }
  const range = choices && lists.range(field.kind === 'yesNo' ? 'Yes or No' : field.header, choices);
  if (!range) return null;
  return field.kind === 'choices'
    ? listValidation(range, false, `${field.header}: pick one, or type several separated by commas.`)
    : listValidation(range, true, `${field.header}: pick one from the list.`);
}

function styleHeader(cell: SheetCell): void {
  cell.font = { bold: true };
  cell.fill = headerFill;
  cell.alignment = wrap;
}

function labelRow(sheet: Worksheet, row: number, label: string, value: string | number): SheetCell {
  sheet.getCell(row, 1).value = label;
  sheet.getCell(row, 1).font = { bold: true };
  const cell = sheet.getCell(row, 2);
  cell.value = value;
  return cell;
}

function writeSchemeSheet(workbook: ExcelJS.Workbook, pack: RulePack, lists: Lists, welsh: boolean): void {
  const sheet = workbook.addWorksheet(schemeSheet, { views: [{ state: 'frozen', xSplit: 1 }] });
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 90;
  sheet.getColumn(3).width = 40;
  const sourceIds = pack.sources.map((s) => s.id);
  const rows = [
    ...schemeFields.map((field) => ({ field, value: valueAt(pack, field.path) })),
    ...(welsh ? welshSchemeFields.map((field) => ({ field, value: valueAt(pack.cy, field.path) })) : []),
  ];
  rows.forEach(({ field, value }, i) => {
    const cell = labelRow(sheet, i + 1, field.header, cellValue(value, field));
    cell.alignment = wrap;
    if (field.kind === 'date' || field.header === 'Version') cell.numFmt = '@';
    const validation = fieldValidation(
      field,
      fieldChoices(field, schemeVocabulary(field.path), sourceIds),
      lists,
    );
    if (validation) cell.dataValidation = validation;
  });
  const titleRow = rows.length + 2;
  sheet.getCell(titleRow, 1).value = sourcesTitle;
  sheet.getCell(titleRow, 1).font = { bold: true, size: 12 };
  sourceHeaders.forEach((header, i) => {
    sheet.getCell(titleRow + 1, i + 1).value = header;
    styleHeader(sheet.getCell(titleRow + 1, i + 1));
  });
  pack.sources.forEach((source, i) => {
    [source.id, source.title, source.file].forEach((value, column) => {
      const cell = sheet.getCell(titleRow + 2 + i, column + 1);
      cell.value = value;
      cell.alignment = wrap;
    });
  });
}

interface ConditionColumn {
  fact: string;
  header: string;
  part: 'when' | 'require';
  /** False for a fact the rows use that the table does not declare among its inputs. */
  input: boolean;
}

type AnyRow = {
  when?: Conditions;
  require?: Conditions;
  then: object;
  cy?: object;
  source: object;
  note?: string;
  id: string;
};
type AnyTable = {
  title: string;
  description?: string;
  hitPolicy: string;
  inputs: { fact: string; label?: string }[];
};

const factsIn = (rows: readonly AnyRow[], part: 'when' | 'require') => [
  ...new Set(rows.flatMap((row) => Object.keys(row[part] ?? {}))),
];

/** Input columns in the table's order, then "Applies when" columns (eligibility), then undeclared facts. */
function conditionColumns(table: TableId, inputs: AnyTable['inputs'], rows: readonly AnyRow[]) {
  const labelOf = (fact: string) => inputs.find((i) => i.fact === fact)?.label ?? fact;
  const main = table === 'eligibility' ? 'require' : 'when';
  const declared = inputs.map((i) => i.fact);
  const columns: ConditionColumn[] = inputs.map((input) => ({
    fact: input.fact,
    header: input.label ?? input.fact,
    part: main,
    input: true,
  }));
  if (table === 'eligibility') {
    for (const fact of factsIn(rows, 'when')) {
      columns.push({ fact, header: appliesWhenPrefix + labelOf(fact), part: 'when', input: false });
    }
  }
  for (const fact of factsIn(rows, main).filter((f) => !declared.includes(f))) {
    columns.push({ fact, header: fact, part: main, input: false });
  }
  return columns;
}

function conditionValidation(fact: string, lists: Lists): DataValidation {
  const domain = factCatalogue.get(fact)?.domain;
  const range = lists.range(domain?.kind === 'boolean' ? 'Yes, No or Any' : fact, conditionChoices(domain));
  const prompt =
    domain?.kind === 'integer' || domain?.kind === 'number'
      ? 'A number, "5 to 10", "at least 5" or "at most 10". Empty means any.'
      : 'Pick a value, or type several separated by commas; "not x" for all but x. Empty means any.';
  return range ? listValidation(range, false, prompt) : promptOnly(prompt);
}

function writeTableSheet(
  workbook: ExcelJS.Workbook,
  id: TableId,
  table: AnyTable & { rows: AnyRow[] },
  sourceIds: string[],
  lists: Lists,
  welsh: boolean,
): void {
  const sheet = workbook.addWorksheet(tableSheets[id], {
    views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow }],
  });
  labelRow(sheet, 1, tableLabels.title, table.title);
  labelRow(sheet, 2, tableLabels.description, table.description ?? '');
  const policy = labelRow(sheet, 3, tableLabels.hitPolicy, table.hitPolicy);
  const policies = lists.range(`${tableSheets[id]} hit policy`, hitPolicies(id).map(String));
  if (policies) policy.dataValidation = listValidation(policies, true, 'How rows combine: pick one.');

  const conditions = conditionColumns(id, table.inputs, table.rows);
  const welshFields = welsh ? welshTableFields(id) : [];
  const fields = [...outputFields[id], ...welshFields, ...sourceFields];
  const lastRow = headerRow + table.rows.length + spareRows;
  const validate = (column: number, validation: DataValidation | null) => {
    for (let row = headerRow + 1; validation && row <= lastRow; row++) {
      sheet.getCell(row, column).dataValidation = validation;
    }
  };

  sheet.getCell(headerRow, 1).value = rowIdHeader;
  sheet.getColumn(1).width = 30;
  conditions.forEach((condition, i) => {
    const column = i + 2;
    const cell = sheet.getCell(headerRow, column);
    cell.value = condition.header;
    cell.note = `fact: ${condition.fact}${condition.input ? '' : `\n${notInputNote}`}`;
    sheet.getColumn(column).width = 22;
    validate(column, conditionValidation(condition.fact, lists));
  });
  fields.forEach((field, i) => {
    const column = conditions.length + 2 + i;
    sheet.getCell(headerRow, column).value = field.header;
    sheet.getColumn(column).width = field.width ?? 14;
    const vocabulary =
      field.path[0] === 'source' || welshFields.includes(field) ? [] : outputVocabulary(id, field.path);
    validate(column, fieldValidation(field, fieldChoices(field, vocabulary, sourceIds), lists));
  });
  sheet.getRow(headerRow).eachCell(styleHeader);

  table.rows.forEach((row, r) => {
    const values: (string | number)[] = [
      row.id,
      ...conditions.map((c) => conditionWords(row[c.part]?.[c.fact])),
      ...outputFields[id].map((f) => cellValue(valueAt(row.then, f.path), f)),
      ...welshFields.map((f) => cellValue(valueAt(row.cy, f.path), f)),
      ...sourceFields.map((f) => cellValue(valueAt(row, f.path), f)),
    ];
    const sheetRow = sheet.getRow(headerRow + 1 + r);
    values.forEach((value, i) => {
      const cell = sheetRow.getCell(i + 1);
      cell.value = value;
      cell.alignment = wrap;
    });
  });
}

/** The pack as XLSX bytes. */
export async function packToWorkbook(pack: RulePack): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'sanctuary-rules';
  const lists = new Lists();
  const welsh = hasWelshColumns(pack);
  writeSchemeSheet(workbook, pack, lists, welsh);
  const sourceIds = pack.sources.map((s) => s.id);
  for (const id of tableIds) {
    const table = pack.tables[id] as (AnyTable & { rows: AnyRow[] }) | undefined;
    if (table) writeTableSheet(workbook, id, table, sourceIds, lists, welsh);
  }
  lists.write(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

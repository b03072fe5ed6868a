// A workbook made by packToWorkbook (and edited by a person) back into a rule pack. Cells that cannot be read
// are problems at their cell, and the value is kept as typed so that the later checks still run; every value
// is remembered with its cell, so that a problem found later in the JSON can be shown where the person typed.
import type ExcelJS from 'exceljs';
import type { Cell as SheetCell, CellValue, Worksheet } from 'exceljs';
import type { Scalar } from '../../generated/pack';
import { tableIds } from '../compilePack';
import type { TableId } from '../compiledPack';
import { factCatalogue } from '../factCatalogue';
import { pointerOf, type CellPlace, type PackProblem } from '../problems';
import { didYouMean } from '../suggestions';
import { noneWord, readChoice, readChoices, readCondition, readNumber, type Reading } from './cellWords';
import {
  appliesWhenPrefix,
  type Field,
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
import { checkXlsxUpload, sheetLimits } from './workbookLimits';

export interface WorkbookRead {
  /** The pack built from the workbook; null only when the file could not be read at all. */
  pack: unknown | null;
  problems: PackProblem[];
  /** The cell a JSON pointer into `pack` came from (the nearest enclosing value that has one). */
  cellOf(pointer: string): CellPlace | undefined;
}

const packSchemaRef = '../schema/pack.schema.json';
const conditionHint =
  'a condition column needs a note on its header naming the fact, e.g. "fact: property.tenure"';
const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const quoted = (text: string) => `"${text}"`;

/** The calendar date of an Excel date cell: exceljs gives it as midnight UTC, so read it in UTC. */
const isoDate = (date: Date) =>
  new Date(Math.round(date.getTime() / 60000) * 60000).toISOString().slice(0, 10);

/** What a cell shows, as text: rich text joined, a formula's result, a date as YYYY-MM-DD, TRUE as Yes. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value) return cellText(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return cellText(value.text);
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText((value.result ?? null) as CellValue);
  return '';
}

const noteText = (cell: SheetCell): string => {
  const note = cell.note as unknown;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : '';
};

/** The fact a header's note names: `fact: property.tenure`, or a note that is just the path. */
function noteFact(note: string): string | null {
  const labelled = /fact:\s*(\S+)/i.exec(note);
  if (labelled) return labelled[1]!;
  const bare = note.trim();
  return /^[A-Za-z]+\.[A-Za-z]+$/.test(bare) ? bare : null;
}

function setAt(object: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = object;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]!] = value;
}

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** A date cell whose format was lost shows Excel's day number (days since 30 December 1899). */
const excelSerial = /^[1-9]\d{4}(\.\d+)?$/;
const serialDate = (days: number) =>
  isoDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(days) * 86_400_000));

/** A field's value from its cell text: `present: false` leaves the field out. */
function readField(
  raw: string,
  field: Field,
  vocabulary: readonly Scalar[],
): { present: boolean; value?: unknown; problem?: string } {
  const text = raw.trim();
  if (text === '') {
    if (field.presence === 'nullable') return { present: true, value: null };
    if (field.kind === 'choices' && field.presence === 'required') return { present: true, value: [] };
    return { present: false };
  }
  if (field.presence === 'optionalNullable' && normal(text) === normal(noneWord)) {
    return { present: true, value: null };
  }
  const reading = ((): Reading<unknown> => {
    switch (field.kind) {
      case 'text':
        return { value: text };
      case 'date':
        if (excelSerial.test(text)) return { value: serialDate(Number(text)) };
        return isDate(text)
          ? { value: text }
          : { value: text, problem: `${quoted(text)} is not a date (YYYY-MM-DD)` };
      case 'yesNo':
        return readChoice(text, [true, false]);
      case 'choice':
        return readChoice(text, vocabulary);
      case 'choices':
        return readChoices(text, vocabulary);
      case 'number':
        return readNumber(text);
      case 'wholeNumber':
        return readNumber(text, true);
    }
  })();
  return { present: true, value: reading.value, problem: reading.problem };
}

type Column =
  | { kind: 'id' }
  | { kind: 'condition'; fact: string; part: 'when' | 'require'; input: boolean; label: string }
  | { kind: 'output' | 'source' | 'welsh'; field: Field }
  | { kind: 'ignored' };

interface HeaderCell {
  column: number;
  name: string;
  read: Column;
}

class WorkbookReader {
  readonly problems: PackProblem[] = [];
  readonly places = new Map<string, CellPlace>();

  constructor(private readonly file: string) {}

  place(sheet: Worksheet, row: number, column: number, name?: string): CellPlace {
    const value = cellText(sheet.getCell(row, column).value);
    return { sheet: sheet.name, row, column: name || sheet.getColumn(column).letter, value };
  }

  remember(pointer: string, cell: CellPlace, overwrite = true): void {
    if (overwrite || !this.places.has(pointer)) this.places.set(pointer, cell);
  }

  problem(
    cell: CellPlace,
    message: string,
    pointer = '',
    where: { table?: string; row?: string } = {},
  ): void {
    this.problems.push({ file: this.file, pointer, message, severity: 'error', ...where, cell });
  }

  /** The last row and column holding a value, within the sheet limits (a problem when past them). */
  bounds(sheet: Worksheet): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    sheet.eachRow((row, n) => {
      rows = n;
      row.eachCell((_cell, column) => (columns = Math.max(columns, column)));
    });
    const { maxRows, maxColumns } = sheetLimits;
    if (rows > maxRows || columns > maxColumns) {
      const past = rows > maxRows ? `rows down to ${rows}` : `columns across to ${columns}`;
      this.problem(
        { sheet: sheet.name, row: Math.min(rows, maxRows + 1), column: 'A', value: '' },
        `the sheet has ${past}; only the first ${maxRows} rows and ${maxColumns} columns of a sheet are read`,
      );
    }
    return { rows: Math.min(rows, maxRows), columns: Math.min(columns, maxColumns) };
  }

  /** Reads one field's cell into `target`, remembering where it came from. */
  readInto(
    target: Record<string, unknown>,
    field: Field,
    at: CellPlace,
    vocabulary: readonly Scalar[],
    pointer: (path: readonly string[]) => string,
    where: { table?: string; row?: string } = {},
  ): void {
    this.remember(pointer(field.path), at);
    for (let n = field.path.length - 1; n > 0; n--) this.remember(pointer(field.path.slice(0, n)), at, false);
    const read = readField(at.value, field, vocabulary);
    if (read.problem) this.problem(at, read.problem, pointer(field.path), where);
    if (read.present) setAt(target, field.path, read.value);
  }

  /** Fields of an optional group (a fitter, the alternatives) are read only when one of its cells is filled in. */
  static filledGroups(fields: readonly Field[], textOf: (field: Field) => string): Set<string> {
    return new Set(fields.filter((f) => f.group && textOf(f).trim() !== '').map((f) => f.group!.join('.')));
  }

  readScheme(sheet: Worksheet): { head: Record<string, unknown>; sources: unknown[]; sourceIds: string[] } {
    const { rows } = this.bounds(sheet);
    const labels = new Map<string, number>();
    const known = [...schemeFields, ...welshSchemeFields].map((f) => f.header);
    let sourcesHeader = 0;
    for (let row = 1; row <= rows && !sourcesHeader; row++) {
      const label = cellText(sheet.getCell(row, 1).value).trim();
      if (!label) continue;
      if (normal(label) === normal(sourceHeaders[0])) sourcesHeader = row;
      else if (normal(label) === normal(sourcesTitle)) continue;
      else if (known.some((k) => normal(k) === normal(label))) {
        labels.set(normal(label), row);
      } else {
        const at = this.place(sheet, row, 1, label);
        this.problem(at, `${quoted(label)} is not a row the Scheme sheet has${didYouMean(label, known)}`);
      }
    }
    const sources = sourcesHeader ? this.readSources(sheet, sourcesHeader, rows) : [];
    const sourceIds = sources.flatMap((s) => (typeof s.id === 'string' ? [s.id] : []));
    const head: Record<string, unknown> = {};
    const textOf = (field: Field) => {
      const row = labels.get(normal(field.header));
      return row ? cellText(sheet.getCell(row, 2).value) : '';
    };
    const filled = WorkbookReader.filledGroups(schemeFields, textOf);
    for (const field of schemeFields) {
      const row = labels.get(normal(field.header));
      if (!row || (field.group && !filled.has(field.group.join('.')))) continue;
      const vocabulary =
        field.path[field.path.length - 1] === 'document' ? sourceIds : schemeVocabulary(field.path);
      this.readInto(head, field, this.place(sheet, row, 2, field.header), vocabulary, (path) =>
        pointerOf(...path),
      );
    }
    const cy: Record<string, unknown> = {};
    for (const field of welshSchemeFields) {
      const row = labels.get(normal(field.header));
      if (!row) continue;
      const at = this.place(sheet, row, 2, field.header);
      this.readInto(cy, field, at, [], (path) => pointerOf('cy', ...path));
    }
    if (Object.keys(cy).length) head.cy = cy;
    return { head, sources, sourceIds };
  }

  readSources(sheet: Worksheet, header: number, rows: number): Record<string, unknown>[] {
    const sources: Record<string, unknown>[] = [];
    this.remember('/sources', this.place(sheet, header, 1, sourceHeaders[0]));
    for (let row = header + 1; row <= rows; row++) {
      const texts = sourceHeaders.map((_h, i) => cellText(sheet.getCell(row, i + 1).value).trim());
      if (texts.every((t) => t === '')) continue;
      const i = sources.length;
      const source: Record<string, unknown> = {};
      sourceHeaders.forEach((name, column) => {
        const key = name.toLowerCase();
        const at = this.place(sheet, row, column + 1, name);
        this.remember(pointerOf('sources', i, key), at);
        if (texts[column]) source[key] = texts[column];
      });
      this.remember(pointerOf('sources', i), this.place(sheet, row, 1, sourceHeaders[0]));
      sources.push(source);
    }
    return sources;
  }

  readHeader(sheet: Worksheet, table: TableId, header: number, columns: number): HeaderCell[] {
    const fixed: { name: string; read: Column }[] = [
      { name: rowIdHeader, read: { kind: 'id' } },
      ...outputFields[table].map((field) => ({
        name: field.header,
        read: { kind: 'output', field } as Column,
      })),
      ...welshTableFields(table).map((field) => ({
        name: field.header,
        read: { kind: 'welsh', field } as Column,
      })),
      ...sourceFields.map((field) => ({ name: field.header, read: { kind: 'source', field } as Column })),
    ];
    const seen = new Set<string>();
    const cells: HeaderCell[] = [];
    for (let column = 1; column <= columns; column++) {
      const cell = sheet.getCell(header, column);
      const name = cellText(cell.value).trim();
      const note = noteText(cell);
      const fact = noteFact(note);
      const at = this.place(sheet, header, column, name);
      const read = fact
        ? this.conditionColumn(at, table, name, fact, note)
        : (fixed.find((f) => normal(f.name) === normal(name))?.read ?? null);
      if (!read) {
        if (name) {
          const known = fixed.map((f) => f.name);
          const hint = didYouMean(name, known) || ` (${conditionHint})`;
          this.problem(at, `${quoted(name)} is not a column this sheet has${hint}`);
        }
        cells.push({ column, name, read: { kind: 'ignored' } });
        continue;
      }
      const key = read.kind === 'condition' ? `${read.part} ${read.fact}` : normal(name);
      if (seen.has(key)) {
        this.problem(at, `${quoted(name)} is a second column for the same thing; it is ignored`);
        cells.push({ column, name, read: { kind: 'ignored' } });
        continue;
      }
      seen.add(key);
      cells.push({ column, name, read });
    }
    return cells;
  }

  /**
   * Columns every row needs that the sheet lacks: one problem each, at the header row, where the problems the
   * schema then finds in every row are placed too (and so not repeated).
   */
  absentColumns(sheet: Worksheet, table: TableId, header: number, cells: HeaderCell[]) {
    const has = (field: Field) =>
      cells.some((c) => (c.read.kind === 'output' || c.read.kind === 'source') && c.read.field === field);
    const required = [
      ...outputFields[table].map((field) => ({ field, pointer: ['then', ...field.path] })),
      ...sourceFields.map((field) => ({ field, pointer: [...field.path] })),
    ].filter(({ field }) => field.presence === 'required' && !field.group && !has(field));
    return required.map(({ field, pointer }) => {
      const at: CellPlace = { sheet: sheet.name, row: header, column: field.header, value: '' };
      this.problem(at, `the sheet has no column "${field.header}", which every row needs`, '', { table });
      return { pointer, at };
    });
  }

  conditionColumn(at: CellPlace, table: TableId, name: string, fact: string, note: string): Column {
    if (!factCatalogue.has(fact)) {
      const known = [...factCatalogue.keys()];
      this.problem(
        at,
        `the note on this column names the fact ${quoted(fact)}, which is not a fact the API knows` +
          didYouMean(fact, known),
        pointerOf('tables', table, 'inputs'),
        { table },
      );
    }
    const appliesWhen = normal(name).startsWith(normal(appliesWhenPrefix));
    const part = table === 'eligibility' && !appliesWhen ? 'require' : 'when';
    const input = !appliesWhen && !note.includes(notInputNote);
    return { kind: 'condition', fact, part, input, label: name };
  }

  readTable(sheet: Worksheet, table: TableId, sourceIds: string[]): Record<string, unknown> {
    const { rows, columns } = this.bounds(sheet);
    const base = (...path: (string | number)[]) => pointerOf('tables', table, ...path);
    let header = 0;
    const labels: Record<string, unknown> = {};
    const labelFields: Record<string, Field> = {
      [normal(tableLabels.title)]: {
        header: tableLabels.title,
        path: ['title'],
        kind: 'text',
        presence: 'required',
      },
      [normal(tableLabels.description)]: {
        header: tableLabels.description,
        path: ['description'],
        kind: 'text',
        presence: 'optional',
      },
      [normal(tableLabels.hitPolicy)]: {
        header: tableLabels.hitPolicy,
        path: ['hitPolicy'],
        kind: 'choice',
        presence: 'required',
      },
    };
    for (let row = 1; row <= rows && !header; row++) {
      const label = cellText(sheet.getCell(row, 1).value).trim();
      if (normal(label) === normal(rowIdHeader)) header = row;
      else if (labelFields[normal(label)]) {
        const field = labelFields[normal(label)]!;
        const at = this.place(sheet, row, 2, field.header);
        this.readInto(labels, field, at, hitPolicies(table), (path) => base(...path), { table });
        if (field.path[0] === 'title') this.remember(base(), at);
      } else if (label) {
        const known = Object.values(labelFields).map((f) => f.header);
        const at = this.place(sheet, row, 1, label);
        this.problem(at, `${quoted(label)} is not a row this sheet has${didYouMean(label, known)}`, '', {
          table,
        });
      }
    }
    if (!header) {
      this.problem(
        { sheet: sheet.name, row: 1, column: 'A', value: cellText(sheet.getCell(1, 1).value) },
        `the sheet has no header row (a row that starts with "${rowIdHeader}"), so it has no rules`,
        base('rows'),
        { table },
      );
      return { ...labels, inputs: [], rows: [] };
    }
    const cells = this.readHeader(sheet, table, header, columns);
    const absent = this.absentColumns(sheet, table, header, cells);
    this.remember(base('rows'), this.place(sheet, header, 1, rowIdHeader));
    const inputCells = cells.filter((c) => c.read.kind === 'condition' && c.read.input);
    const inputs = inputCells.map((cell, i) => {
      const read = cell.read as Extract<Column, { kind: 'condition' }>;
      const at = this.place(sheet, header, cell.column, cell.name);
      for (const key of ['', '/fact', '/label']) this.remember(base('inputs', i) + key, at);
      return read.label && read.label !== read.fact
        ? { fact: read.fact, label: read.label }
        : { fact: read.fact };
    });
    this.remember(base('inputs'), this.place(sheet, header, inputCells[0]?.column ?? 1, inputCells[0]?.name));
    const tableRows: Record<string, unknown>[] = [];
    for (let row = header + 1; row <= rows; row++) {
      const texts = cells.map((c) =>
        c.read.kind === 'ignored' ? '' : cellText(sheet.getCell(row, c.column).value),
      );
      if (texts.every((t) => t.trim() === '')) continue;
      const index = tableRows.length;
      tableRows.push(this.readRow(sheet, table, row, index, cells, sourceIds));
      for (const { pointer, at } of absent) this.remember(base('rows', index, ...pointer), at);
    }
    const { title, description, hitPolicy } = labels;
    return {
      ...(title !== undefined && { title }),
      ...(description !== undefined && { description }),
      ...(hitPolicy !== undefined && { hitPolicy }),
      inputs,
      rows: tableRows,
    };
  }

  readRow(
    sheet: Worksheet,
    table: TableId,
    row: number,
    index: number,
    cells: HeaderCell[],
    sourceIds: string[],
  ): Record<string, unknown> {
    const base = (...path: (string | number)[]) => pointerOf('tables', table, 'rows', index, ...path);
    const idCell = cells.find((c) => c.read.kind === 'id');
    const idAt = idCell
      ? this.place(sheet, row, idCell.column, idCell.name)
      : this.place(sheet, row, 1, rowIdHeader);
    const id = idAt.value.trim();
    for (const path of [[], ['id'], ['then']]) this.remember(base(...path), idAt);
    const where = { table, ...(id && { row: id }) };
    const conditions: Record<'when' | 'require', Record<string, unknown>> = { when: {}, require: {} };
    const then: Record<string, unknown> = {};
    const cy: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    const textOf = (field: Field) => {
      const cell = cells.find(
        (c) => (c.read.kind === 'output' || c.read.kind === 'source') && c.read.field === field,
      );
      return cell ? cellText(sheet.getCell(row, cell.column).value) : '';
    };
    const filled = WorkbookReader.filledGroups(outputFields[table], textOf);
    for (const cell of cells) {
      const read = cell.read;
      const at = this.place(sheet, row, cell.column, cell.name);
      if (read.kind === 'condition') {
        const pointer = base(read.part, read.fact);
        this.remember(pointer, at);
        const reading = readCondition(at.value, factCatalogue.get(read.fact)?.domain);
        if (reading.problem) this.problem(at, reading.problem, pointer, where);
        if (reading.value !== undefined) conditions[read.part][read.fact] = reading.value;
      } else if (read.kind === 'output') {
        if (read.field.group && !filled.has(read.field.group.join('.'))) continue;
        const vocabulary = outputVocabulary(table, read.field.path);
        this.readInto(then, read.field, at, vocabulary, (path) => base('then', ...path), where);
      } else if (read.kind === 'welsh') {
        this.readInto(cy, read.field, at, [], (path) => base('cy', ...path), where);
      } else if (read.kind === 'source') {
        this.readInto(rest, read.field, at, sourceIds, (path) => base(...path), where);
      }
    }
    if (Object.keys(cy).length) rest.cy = cy;
    const hasWhen = Object.keys(conditions.when).length > 0;
    return {
      ...(id && { id }),
      ...(table !== 'eligibility' || hasWhen ? { when: conditions.when } : {}),
      ...(table === 'eligibility' && { require: conditions.require }),
      then,
      ...rest,
    };
  }

  read(workbook: ExcelJS.Workbook): Record<string, unknown> {
    const sheetNames = [schemeSheet, ...Object.values(tableSheets), listsSheet];
    const byName = new Map<string, Worksheet>();
    for (const sheet of workbook.worksheets) {
      const known = sheetNames.find((name) => normal(name) === normal(sheet.name));
      if (known) byName.set(known, sheet);
      else {
        this.problem(
          { sheet: sheet.name, row: 1, column: 'A', value: '' },
          `${quoted(sheet.name)} is not a sheet the import reads; its cells are ignored` +
            didYouMean(sheet.name, sheetNames),
        );
      }
    }
    const scheme = byName.get(schemeSheet);
    if (!scheme) {
      this.problem(
        { sheet: schemeSheet, row: 1, column: 'A', value: '' },
        'the workbook has no Scheme sheet',
      );
    }
    const { head, sources, sourceIds } = scheme
      ? this.readScheme(scheme)
      : { head: {} as Record<string, unknown>, sources: undefined, sourceIds: [] };
    const tables: Record<string, unknown> = {};
    for (const table of tableIds) {
      const sheet = byName.get(tableSheets[table]);
      if (sheet) tables[table] = this.readTable(sheet, table, sourceIds);
    }
    const { alternatives, ...rest } = head;
    return {
      $schema: packSchemaRef,
      ...rest,
      ...(sources && { sources }),
      ...(alternatives !== undefined && { alternatives }),
      tables,
    };
  }
}

function lookup(places: ReadonlyMap<string, CellPlace>): (pointer: string) => CellPlace | undefined {
  return (pointer) => {
    for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
      const found = places.get(at);
      if (found || at === '') return found;
    }
  };
}

const unreadable = (file: string, message: string): WorkbookRead => ({
  pack: null,
  problems: [{ file, pointer: '', message, severity: 'error' }],
  cellOf: () => undefined,
});

/** A file refused before it is read: no pack, and one problem saying why. */
export const refusedRead = (file: string, reason: string): WorkbookRead =>
  unreadable(file, `the file cannot be read: ${reason}`);

/** Reads a workbook into a pack; never throws, and never hands exceljs a file the limits refuse. */
export async function workbookToPack(bytes: Buffer, fileName: string): Promise<WorkbookRead> {
  const refused = await checkXlsxUpload(bytes);
  if (refused) return refusedRead(fileName, refused);
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs declares its own Buffer (an ArrayBuffer), which Node's Buffer does not satisfy in type only.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return unreadable(
      fileName,
      `the file is not an XLSX workbook that can be read (${(error as Error).message})`,
    );
  }
  const reader = new WorkbookReader(fileName);
  try {
    const pack = reader.read(workbook);
    return { pack, problems: reader.problems, cellOf: lookup(reader.places) };
  } catch (error) {
    return unreadable(fileName, `the workbook could not be read (${(error as Error).message})`);
  }
}

/** A missing field is reported at the object that lacks it; its own cell, where it has one, is plainer. */
const missingField = /the field "([^"]+)" is missing|is missing the field "([^"]+)"/;

/**
 * Problems found in the built pack (by the schema and the checks), placed at their cells. A problem whose cell
 * the reader already reported is left out, as is one in a column whose header the reader reported: the reader's
 * words are the plainer.
 */
export function placeProblems(read: WorkbookRead, problems: readonly PackProblem[]): PackProblem[] {
  const key = (cell: CellPlace) => `${cell.sheet}\u0000${cell.column}\u0000${cell.row}`;
  const columnKey = (cell: CellPlace) => `${cell.sheet}\u0000${cell.column}`;
  const reported = new Set(
    read.problems.flatMap((p) => (p.cell && p.severity === 'error' ? [key(p.cell)] : [])),
  );
  const headers = new Set(
    tableIds.flatMap((table) => {
      const header = read.cellOf(pointerOf('tables', table, 'rows'));
      return header ? [`${header.sheet}\u0000${header.row}`] : [];
    }),
  );
  const badColumns = new Set(
    read.problems.flatMap((p) =>
      p.cell && headers.has(`${p.cell.sheet}\u0000${p.cell.row}`) ? [columnKey(p.cell)] : [],
    ),
  );
  return problems.flatMap((problem) => {
    const missing = missingField.exec(problem.message);
    const field = missing?.[1] ?? missing?.[2];
    const cell =
      (field && read.cellOf(`${problem.pointer}${pointerOf(field)}`)) || read.cellOf(problem.pointer);
    if (!cell) return [problem];
    if (reported.has(key(cell)) || badColumns.has(columnKey(cell))) return [];
    return [{ ...problem, cell }];
  });
}

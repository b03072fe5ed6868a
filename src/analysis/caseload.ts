// A caseload file (e.g. last year's referrals, exported without personal data) read into validated cases, to
// measure a rule change against real cases. The file is untrusted: bounded in bytes and cases before anything is
// parsed, and every case is checked against the contract's Case schema with the API's own validator. A bad line
// is reported by its line number and skipped; it never stops the others. Problems name where and why, never the
// values, so that no part of a case is printed or logged.
//
// Formats, told apart by the extension (.csv; .jsonl, .ndjson, .json), else by the first character (`{`):
// - JSON lines: one JSON object a line, either a Case, or `{ "authorityId"?, "asOf"?, "case": Case }`.
// - CSV: a header row of fact paths (`harm.type,property.tenure,...`) and optional `authorityId` and `asOf`
//   columns, then one case a row. Booleans are true/false/yes/no, numbers are digits, a list fact
//   (assessment.recommendedMeasures) is its values joined with `;` (`door-chain;security-lighting`), and an
//   empty cell is a fact not given. A row with every cell empty is not a case.
import { parse } from 'csv-parse/sync';
import type { Case } from '../contract/apiTypes';
import { segmentsOf } from '../contract/jsonPointer';
import { schemaErrors } from '../contract/schemaValidation';
import { factCatalogue, type FactDomain } from '../rules/factCatalogue';
import { parseRuleFile } from '../rules/safeJson';

export const maxCaseloadBytes = 5 * 1024 * 1024;
export const maxCaseloadCases = 20_000;
/** A case is a few hundred bytes; a longer line is not one, and is refused before JSON.parse sees it. */
const maxLineLength = 64 * 1024;
/** The separator of a list fact's values in a CSV cell: not `,`, which separates the cells. */
export const listSeparator = ';';

export interface CaseloadCase {
  /** Where the case starts in the file, counted from 1 as a person counts lines (a CSV header is line 1). */
  line: number;
  authorityId?: string;
  /** The date whose rules decide the case (also in `case.asOf`); absent, the change's date is used. */
  asOf?: string;
  case: Case;
}

export interface Caseload {
  cases: CaseloadCase[];
  /** One per line skipped: `line 7: harm.dashYesCount must be <= 27`. */
  problems: string[];
}

/** The file as a whole is refused (too large, too many cases, a CSV header that is not fact paths). */
export class CaseloadError extends Error {}

type Format = 'csv' | 'jsonl';

const authorityIdSchema = 'BatchRequest/properties/cases/items/properties/authorityId';
const requestKeys = new Set(['authorityId', 'asOf', 'case']);
const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;
/** A name from the file, quoted only when it looks like a field's name: a stray data row is never echoed. */
const nameOf = (name: string, fallback: string) => (/^[\w.-]{1,60}$/.test(name) ? `"${name}"` : fallback);
const number = (n: number) => n.toLocaleString('en-GB');

function formatOf(text: string, fileName: string): Format {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'jsonl' || extension === 'ndjson' || extension === 'json') return 'jsonl';
  // trimStart also drops a byte order mark.
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/** The bounds, checked on the raw text so that an oversized file is never parsed. */
function checkBounds(text: string, format: Format): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > maxCaseloadBytes) {
    throw new CaseloadError(
      `the file is larger than ${megabytes(maxCaseloadBytes)} (${number(bytes)} bytes)`,
    );
  }
  let lines = 0;
  for (const line of text.split('\n')) if (line.trim()) lines++;
  // Every case takes at least one non-blank line (a CSV header one more), so this bounds the cases.
  const cases = format === 'csv' ? lines - 1 : lines;
  if (cases > maxCaseloadCases) {
    throw new CaseloadError(
      `the file has more than ${number(maxCaseloadCases)} cases (${number(lines)} lines that are not blank)`,
    );
  }
}

/** `/case/harm/dashYesCount` → `harm.dashYesCount`: a CSV column, and plain enough for a JSON line. */
function fieldName(pointer: string): string {
  const path = segmentsOf(pointer.replace(/^\/case(?=\/|$)/, ''))
    .filter(Boolean)
    .join('.');
  return path || 'the case';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface Parts {
  authorityId?: unknown;
  asOf?: unknown;
  case: unknown;
}

/** What is wrong with a case and its authority and date, as `field message` texts ([] when it is valid). */
function partsErrors(parts: Parts): string[] {
  const errors = [
    ...(parts.authorityId === undefined
      ? []
      : schemaErrors(authorityIdSchema, parts.authorityId, '/authorityId')),
    ...(parts.asOf === undefined ? [] : schemaErrors('Case/properties/asOf', parts.asOf, '/asOf')),
    ...schemaErrors('Case', parts.case, '/case'),
  ].map((e) => `${fieldName(e.pointer)} ${e.message}`);
  const caseDate = isObject(parts.case) ? parts.case.asOf : undefined;
  if (parts.asOf !== undefined && caseDate !== undefined && caseDate !== parts.asOf) {
    errors.push('asOf differs from case.asOf');
  }
  return errors;
}

/** A validated case, or the line's problem. */
function caseOf(line: number, parts: Parts): CaseloadCase | string {
  const errors = partsErrors(parts);
  if (errors.length) {
    const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
    return `line ${line}: ${errors.slice(0, 3).join('; ')}${more}`;
  }
  const caseFacts = parts.case as Case;
  const asOf = (parts.asOf as string | undefined) ?? caseFacts.asOf;
  return {
    line,
    ...(parts.authorityId === undefined ? {} : { authorityId: parts.authorityId as string }),
    ...(asOf === undefined ? {} : { asOf }),
    case: asOf === undefined ? caseFacts : { ...caseFacts, asOf },
  };
}

/** A JSON line's parts: a request-like object when it has `case`, else the case itself. */
function jsonParts(value: unknown): Parts | string {
  if (!isObject(value)) return 'is not a JSON object';
  if (!('case' in value)) return { case: value };
  const extra = Object.keys(value).find((key) => !requestKeys.has(key));
  if (extra !== undefined) return `${nameOf(extra, 'a key')} is not one of authorityId, asOf, case`;
  return { authorityId: value.authorityId, asOf: value.asOf, case: value.case };
}

function jsonLineCase(text: string, line: number): CaseloadCase | string {
  if (text.length > maxLineLength) return `line ${line}: longer than ${number(maxLineLength)} characters`;
  const parsed = parseRuleFile(text);
  // The parser's own message quotes the text, which may be personal data: only a hazard's pointer is kept.
  if (!parsed.ok)
    return `line ${line}: ${parsed.pointer ? `${parsed.pointer} ${parsed.message}` : 'not valid JSON'}`;
  const parts = jsonParts(parsed.value);
  return typeof parts === 'string' ? `line ${line}: ${parts}` : caseOf(line, parts);
}

function readJsonLines(text: string): Caseload {
  const caseload: Caseload = { cases: [], problems: [] };
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) return;
    const result = jsonLineCase(line, i + 1);
    if (typeof result === 'string') caseload.problems.push(result);
    else caseload.cases.push(result);
  });
  return caseload;
}

/** A CSV cell as the fact's type; a cell that is not one is kept as text, for the schema to report. */
export function cellValue(cell: string, domain: FactDomain | null): unknown {
  if (!domain || domain.kind === 'enum') return cell;
  if (domain.kind === 'set') {
    return cell
      .split(listSeparator)
      .map((value) => value.trim())
      .filter(Boolean);
  }
  if (domain.kind === 'boolean') {
    const word = cell.toLowerCase();
    if (word === 'true' || word === 'yes') return true;
    if (word === 'false' || word === 'no') return false;
    return cell;
  }
  return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
}

const topColumns = new Set(['authorityId', 'asOf']);

/** The header's columns, checked: each a case fact's path, `authorityId` or `asOf`, and none twice. */
function headerColumns(header: readonly string[]): string[] {
  const isColumn = (name: string) => topColumns.has(name) || factCatalogue.get(name)?.scope === 'case';
  const unknown = header.flatMap((name, i) => (isColumn(name) ? [] : [nameOf(name, `column ${i + 1}`)]));
  if (unknown.length) {
    throw new CaseloadError(
      `line 1: the header names columns that are not facts: ${unknown.join(', ')} ` +
        '(a column is a fact path such as harm.type, or authorityId or asOf)',
    );
  }
  const twice = header.find((name, i) => header.indexOf(name) !== i);
  if (twice !== undefined)
    throw new CaseloadError(`line 1: the header names ${nameOf(twice, 'a column')} twice`);
  return [...header];
}

/** A row's parts: the facts under their sections, plus the authority and date columns. */
function rowParts(columns: readonly string[], cells: readonly string[]): Parts {
  const parts: Parts & Record<string, unknown> = { case: {} };
  const facts = parts.case as Record<string, Record<string, unknown>>;
  columns.forEach((column, i) => {
    const cell = cells[i]!;
    if (cell === '') return;
    if (topColumns.has(column)) {
      parts[column] = cell;
      return;
    }
    // Columns are catalogue paths (checked above), so neither part can be a prototype's key.
    const [section, key] = column.split('.') as [string, string];
    facts[section] ??= {};
    facts[section][key] = cellValue(cell, factCatalogue.get(column)?.domain ?? null);
  });
  return parts;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function readCsv(text: string): Caseload {
  const caseload: Caseload = { cases: [], problems: [] };
  const skip = (error: { lines?: number; message: string } | undefined) => {
    // The parser's message may quote the text: only its first words (what went wrong) are kept.
    const what = (error?.message ?? 'not valid CSV').split(':')[0]!.toLowerCase();
    caseload.problems.push(`line ${error?.lines ?? '?'}: ${what}`);
    return undefined;
  };
  const records = parse(text.replace(/\r\n?/g, '\n'), {
    bom: true,
    trim: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: skip,
  }) as unknown as CsvRecord[];
  const [header, ...rows] = records;
  if (!header) return caseload;
  const columns = headerColumns(header.record);
  for (const { record, info } of rows) {
    // The parser counts the line a record ends on; a quoted cell may have run over several.
    const line = info.lines - record.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
    if (record.every((cell) => cell === '')) continue;
    if (record.length !== columns.length) {
      caseload.problems.push(`line ${line}: ${record.length} cells, but the header has ${columns.length}`);
      continue;
    }
    const result = caseOf(line, rowParts(columns, record));
    if (typeof result === 'string') caseload.problems.push(result);
    else caseload.cases.push(result);
  }
  caseload.problems.sort((a, b) => lineOf(a) - lineOf(b));
  return caseload;
}

const lineOf = (problem: string) => Number(/^line (\d+)/.exec(problem)?.[1] ?? 0);

/**
 * The cases of a caseload file's text. Throws a CaseloadError when the file as a whole is refused; a bad line
 * is a problem, and skipped.
 */
export function readCaseload(text: string, fileName: string): Caseload {
  const format = formatOf(text, fileName);
  checkBounds(text, format);
  return format === 'csv' ? readCsv(text) : readJsonLines(text);
}

/** The problems for a terminal: the first few, and how many more. */
export function formatCaseloadProblems(problems: readonly string[], shown = 20): string[] {
  const more = problems.length > shown ? [`... and ${number(problems.length - shown)} more`] : [];
  return [...problems.slice(0, shown), ...more];
}

// Cell values as a person writes them in a spreadsheet, and back: Yes/No for booleans, "Open" and "Not stated",
// values separated by commas, "not x", "includes x", "5 to 10", "at least 5", "at most 10". An empty
// condition cell (or "Any") means any value.
import type { Cell, Scalar } from '../../generated/pack';
import type { FactDomain } from '../factCatalogue';
import { didYouMean } from '../suggestions';

export const anyWord = 'Any';
export const noneWord = 'None';

/** A word read from a cell, or what is wrong with it (the value is then kept as typed). */
export type Reading<T> = { value: T; problem?: undefined } | { value: T; problem: string };

const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const quoted = (text: string) => `"${text}"`;

/** `"x" is not one of a, b, c (did you mean "a"?)` (long lists are pointed to rather than spelt out). */
export function notOneOf(text: string, known: readonly string[], what = 'the list'): string {
  const list = known.length <= 15 ? `one of ${known.join(', ')}` : `in ${what}`;
  return `${quoted(text.trim())} is not ${list}${didYouMean(text, known)}`;
}

/** The word for an output or condition value: Yes, No, Open, Not stated, or the value itself. */
export function wordOf(value: Scalar): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (value === 'open') return 'Open';
  if (value === 'not-stated') return 'Not stated';
  return String(value);
}

/** One value of a closed vocabulary, matched by its word or its id, case aside. */
export function readChoice<T extends Scalar>(text: string, vocabulary: readonly T[]): Reading<T | string> {
  const wanted = normal(text);
  const found = vocabulary.find((v) => normal(wordOf(v)) === wanted || normal(String(v)) === wanted);
  if (found !== undefined) return { value: found };
  return { value: text.trim(), problem: notOneOf(text, vocabulary.map(wordOf)) };
}

/** Values separated by commas; an empty part (as after a trailing comma) is dropped. */
export const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** Several values of a vocabulary, separated by commas: every problem is reported, every value kept. */
export function readChoices<T extends Scalar>(
  text: string,
  vocabulary: readonly T[],
): Reading<(T | string)[]> {
  const readings = splitList(text).map((part) => readChoice(part, vocabulary));
  const problems = readings.flatMap((r) => (r.problem ? [r.problem] : []));
  const value = readings.map((r) => r.value);
  return problems.length ? { value, problem: problems.join('; ') } : { value };
}

export function readNumber(text: string, whole = false): Reading<number | string> {
  const trimmed = text.trim();
  const number = trimmed === '' ? NaN : Number(trimmed.replace(/,/g, ''));
  if (!Number.isFinite(number)) return { value: trimmed, problem: `${quoted(trimmed)} is not a number` };
  if (whole && !Number.isInteger(number)) {
    return { value: number, problem: `${quoted(trimmed)} is not a whole number` };
  }
  return { value: number };
}

// Conditions.

const rangePattern = /^(-?\d+(?:\.\d+)?)\s+to\s+(-?\d+(?:\.\d+)?)$/i;
const atLeastPattern = /^at least\s+(-?\d+(?:\.\d+)?)$/i;
const atMostPattern = /^at most\s+(-?\d+(?:\.\d+)?)$/i;

/** A list of one is written with a trailing comma, so that it reads back as a list and not a single value. */
const listWords = (values: readonly Scalar[]) =>
  values.map(wordOf).join(', ') + (values.length === 1 ? ',' : '');

const valuesWords = (value: Scalar | Scalar[]) => (Array.isArray(value) ? listWords(value) : wordOf(value));

/** A condition cell in words; "" for no condition. */
export function conditionWords(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (Array.isArray(cell)) return listWords(cell);
  if (typeof cell !== 'object') return wordOf(cell);
  if ('not' in cell) return `not ${valuesWords(cell.not)}`;
  if ('includes' in cell) return `includes ${wordOf(cell.includes)}`;
  if (cell.min !== undefined && cell.max !== undefined) return `${cell.min} to ${cell.max}`;
  return cell.min !== undefined ? `at least ${cell.min}` : `at most ${String(cell.max)}`;
}

const booleanWords: readonly boolean[] = [true, false];

/** One value for a fact: typed by the fact's domain, or guessed when the fact is not known. */
function readScalar(text: string, domain: FactDomain | undefined): Reading<Scalar> {
  if (!domain) {
    const word = normal(text);
    if (word === 'yes' || word === 'no') return { value: word === 'yes' };
    const number = readNumber(text);
    return number.problem ? { value: text.trim() } : number;
  }
  switch (domain.kind) {
    case 'boolean':
      return readChoice(text, booleanWords);
    case 'integer':
      return readNumber(text, true);
    case 'number':
      return readNumber(text);
    default:
      return readChoice(text, domain.values);
  }
}

function readValues(text: string, domain: FactDomain | undefined): Reading<Scalar | Scalar[]> {
  const parts = splitList(text);
  const readings = parts.map((part) => readScalar(part, domain));
  const problems = readings.flatMap((r) => (r.problem ? [r.problem] : []));
  const values = readings.map((r) => r.value);
  const value = parts.length === 1 && !text.includes(',') ? values[0]! : values;
  return problems.length ? { value, problem: problems.join('; ') } : { value };
}

const numeric = (domain: FactDomain | undefined) =>
  !domain || domain.kind === 'integer' || domain.kind === 'number';

/** A condition cell from its words; `undefined` for an empty cell or "Any" (no condition). */
export function readCondition(text: string, domain: FactDomain | undefined): Reading<Cell | undefined> {
  const trimmed = text.trim();
  if (trimmed === '' || normal(trimmed) === normal(anyWord)) return { value: undefined };
  const range = numeric(domain) ? rangePattern.exec(trimmed) : null;
  if (range) return { value: { min: Number(range[1]), max: Number(range[2]) } };
  const atLeast = numeric(domain) ? atLeastPattern.exec(trimmed) : null;
  if (atLeast) return { value: { min: Number(atLeast[1]) } };
  const atMost = numeric(domain) ? atMostPattern.exec(trimmed) : null;
  if (atMost) return { value: { max: Number(atMost[1]) } };
  const not = /^not\s+(.+)$/is.exec(trimmed);
  if (not) {
    const inner = readValues(not[1]!, domain);
    return { ...inner, value: { not: inner.value } };
  }
  const includes = /^includes\s+(.+)$/is.exec(trimmed);
  if (includes) {
    const inner = readScalar(includes[1]!, domain);
    return { ...inner, value: { includes: inner.value } };
  }
  return readValues(trimmed, domain);
}

/** The words a drop-down offers for a fact's condition cells (numbers have none). */
export function conditionChoices(domain: FactDomain | undefined): string[] {
  if (!domain) return [];
  switch (domain.kind) {
    case 'boolean':
      return ['Yes', 'No', anyWord];
    case 'enum':
      return [...domain.values];
    case 'set':
      return domain.values.map((value) => `includes ${value}`);
    default:
      return [];
  }
}

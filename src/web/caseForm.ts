// The check-a-case form's answers → a Case, checked against the same Case schema the API uses. A question left
// blank (or answered "Not known") becomes an absent fact, never `false`: the decision then says what it needs.
import type { Case } from '../contract/apiTypes';
import { schemaErrors } from '../contract/schemaValidation';
import type { Language } from '../messages/messages';
import { pageWords } from './pageLanguage';
import {
  caseQuestions,
  questionByPath,
  revealQuestions,
  type Question,
  type RevealQuestion,
} from './caseQuestions';

/** A urlencoded body as express reads it: a repeated field (a checkbox) arrives as a list. */
export type FormBody = Record<string, string | string[] | undefined>;

export interface FieldError {
  /** The id of the field to link to from the error summary. */
  href: string;
  text: string;
}

export interface ParsedCase {
  caseFacts: Case;
  /** By field name (a fact path, `asOf` or `authority`), in the order of the form. */
  errors: Map<string, FieldError>;
}

export const fieldId = (name: string) => name.replace(/\./g, '-');

export const asOfParts = ['asOf-day', 'asOf-month', 'asOf-year'] as const;

function text(body: FormBody, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

function list(body: FormBody, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v) => v !== '');
}

/** The answer as a fact value, or undefined for "not known". Anything unexpected is kept so the schema refuses it. */
function answer(question: Question, body: FormBody): unknown {
  const { domain } = question;
  if (domain.kind === 'set')
    return list(body, question.path).length ? [...new Set(list(body, question.path))] : undefined;
  const raw = text(body, question.path);
  if (raw === '') return undefined;
  if (domain.kind === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (domain.kind === 'integer' || domain.kind === 'number') {
    const cleaned = raw.replace(/^£/, '').replace(/,/g, '');
    return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : raw;
  }
  return raw;
}

/** The date the rules apply on, from the three date fields, or undefined when all three are blank. */
function asOfDate(body: FormBody): string | undefined {
  const [day, month, year] = asOfParts.map((name) => text(body, name));
  if (!day && !month && !year) return undefined;
  return `${year!.padStart(4, '0')}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const isRevealed = (question: Question, body: FormBody) =>
  !question.revealedBy || text(body, question.revealedBy) === 'yes';

export function caseFromForm(body: FormBody, language: Language = 'en'): ParsedCase {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const question of caseQuestions) {
    // A revealed question counts only with its "yes": with JavaScript off every reveal is on show.
    const value = isRevealed(question, body) ? answer(question, body) : undefined;
    if (value === undefined) continue;
    const [section, key] = question.path.split('.') as [string, string];
    facts[section] = { ...facts[section], [key]: value };
  }
  const asOf = asOfDate(body);
  const caseFacts = (asOf === undefined ? facts : { asOf, ...facts }) as Case;
  return { caseFacts, errors: errorsFor(caseFacts, language) };
}

function messageFor(name: string, language: Language): FieldError {
  const t = pageWords(language);
  if (name === 'asOf') return { href: '#asOf-day', text: t('form.dateInvalid') };
  const key = `question.${name.replace(/\./g, '_')}`;
  const href = `#${fieldId(name)}`;
  const invalid = t(`${key}.invalid`, { defaultValue: '' });
  return { href, text: invalid || t('form.selectAnswer', { question: t(`${key}.text`) }) };
}

/** The Case schema's errors, one per field, as the GOV.UK error summary words them. */
function errorsFor(caseFacts: Case, language: Language): Map<string, FieldError> {
  const fields = new Set(
    schemaErrors('Case', caseFacts).map(({ pointer }) => {
      const [section, key] = pointer.split('/').slice(1);
      const path = key === undefined ? section! : `${section}.${key}`;
      return questionByPath.has(path) ? path : 'asOf';
    }),
  );
  const order = ['asOf', ...caseQuestions.map((q) => q.path)];
  return new Map(order.filter((name) => fields.has(name)).map((name) => [name, messageFor(name, language)]));
}

/** What the form shows again after a submission: the answers as given, so nothing has to be typed twice. */
export function formValues(body: FormBody): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const question of caseQuestions) {
    values[question.path] =
      question.domain.kind === 'set' ? list(body, question.path) : text(body, question.path);
  }
  for (const name of [...asOfParts, ...(Object.keys(revealQuestions) as RevealQuestion[])])
    values[name] = text(body, name);
  return values;
}

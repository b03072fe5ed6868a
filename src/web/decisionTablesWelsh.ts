// A decision table's rows in Welsh. English clause grammar ("the tenure is private rented") does not carry over:
// Welsh mutates nouns after most of its joining words. So a condition is told by the form's own question and its
// answers, in an identification sentence (mai ‘…’ yw’r ateb i “…”) that takes any answer unchanged, and what a row
// decides as heading and value, the way the workbook lays it out. "Os mai …" (if) rather than "pan" (when): it is
// the usual way to put a condition on an identification sentence.
import type { Cell, Conditions, Scalar } from '../generated/pack';
import type { TableId } from '../rules/compiledPack';
import { questionWords } from './caseFormView';
import { poundsText, valueLabel } from './labels';
import { countText, eitherText, pageWords } from './pageLanguage';
import type { PackWords } from './packWords';

const t = pageWords('cy');

/** Facts no question asks: the measure a measures row is about, and the facts the service works out. */
const subjects: Record<string, string> = {
  'measure.id': 'rowWords.measure',
  'resolved.riskLevel': 'rowWords.resolvedRisk',
};

const quoted = (text: string) => `‘${text}’`;

function answerWords(value: Scalar, label: (id: string) => string): string {
  if (value === true) return quoted(t('common.yes'));
  if (value === false) return quoted(t('common.no'));
  if (typeof value === 'number') return countText(value, 'cy');
  return quoted(label(value));
}

function questionOf(fact: string): string {
  if (fact === 'resolved.worksCostAboveCap') return t('rowWords.aboveCap');
  return questionWords(fact, 'cy').text;
}

/** One condition: "mai ‘Rhentu preifat’ yw’r ateb i “Beth yw deiliadaeth y dioddefwr?”". */
export function welshCondition(fact: string, cell: Cell, label: (id: string) => string): string {
  const subject = subjects[fact] ? t(subjects[fact]) : null;
  const question = questionOf(fact);
  const answers = (values: Scalar[]) =>
    eitherText(
      values.map((v) => answerWords(v, label)),
      'cy',
    );
  const is = (values: Scalar[]) =>
    subject
      ? t('rowWords.subjectIs', { subject, answers: answers(values) })
      : t('rowWords.answerIn', { question, answers: answers(values) });
  const isNot = (values: Scalar[]) =>
    subject
      ? t('rowWords.subjectIsNot', { subject, answers: answers(values) })
      : t('rowWords.answerNotIn', { question, answers: answers(values) });
  if (Array.isArray(cell) || typeof cell !== 'object') {
    const values = Array.isArray(cell) ? cell : [cell];
    if (values.length > 1 && values.every((v) => typeof v === 'boolean'))
      return t('change.answered', { question });
    return is(values);
  }
  if ('not' in cell) return isNot(Array.isArray(cell.not) ? cell.not : [cell.not]);
  if ('includes' in cell)
    return t('rowWords.answerIncludes', { question, answer: answerWords(cell.includes, label) });
  const number = (n: number) => countText(n, 'cy');
  if (cell.min !== undefined && cell.max !== undefined)
    return t('rowWords.answerBetween', { question, min: number(cell.min), max: number(cell.max) });
  if (cell.min !== undefined) return t('change.atLeast', { question, number: number(cell.min) });
  return t('change.atMost', { question, number: number(cell.max ?? 0) });
}

export const welshConditions = (conditions: Conditions | undefined, label: (id: string) => string): string =>
  Object.entries(conditions ?? {})
    .map(([fact, cell]) => welshCondition(fact, cell, label))
    .join(t('change.and'));

/** A piece of a row's words: the page's Welsh, or (`lang` "en") a name still in the pack's English. */
export interface DecidesPart {
  text: string;
  lang: 'en' | null;
}

/** A name the pack gives (a team, a fitter) as the page shows it: `field` is its key in the row's `cy`. */
export type NameWords = (field: string, english: string) => PackWords;

/** The pack's English for a name, marked as English: where the row carries no Welsh for it. */
const englishName: NameWords = (_field, english) => ({ text: english, lang: 'en', unreviewed: false });

const ours = (text: string): DecidesPart[] => [{ text, lang: null }];

/** An output's value: "Ie", "Rhentu preifat", "£1,500", "o fewn 24 awr"; a team's name in the row's Welsh, if any. */
function outputValue(
  key: string,
  value: unknown,
  then: Record<string, unknown>,
  label: (id: string) => string,
  name: NameWords,
): DecidesPart[] {
  if (value === null || value === undefined) return ours(t('common.none'));
  if (value === true) return ours(t('common.yes'));
  if (value === false) return ours(t('common.no'));
  if (key === 'councilContributionCapGBP' && typeof value === 'number') return ours(poundsText(value, 'cy')!);
  if (Array.isArray(value))
    return joinParts(
      value.map((v) => outputValue(key, v, then, label, name)),
      ', ',
    );
  if (typeof value === 'object') {
    const { to, name: named } = value as { to?: string; name?: string | null };
    return joinParts(
      [to ? ours(valueLabel(to, 'cy')) : null, named ? [namePart(name(`${key}.name`, named))] : null].filter(
        (parts): parts is DecidesPart[] => parts !== null,
      ),
      ': ',
    );
  }
  if (typeof value === 'number') return ours(countText(value, 'cy'));
  if (key === 'name') return [namePart(name('name', String(value)))];
  return ours(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(String(value)) ? label(String(value)) : String(value));
}

const namePart = (words: PackWords): DecidesPart => ({ text: words.text, lang: words.lang });

/** Pieces joined with a separator in the page's words, neighbours in the same language run together. */
function joinParts(groups: DecidesPart[][], separator: string): DecidesPart[] {
  const parts: DecidesPart[] = [];
  const push = (part: DecidesPart) => {
    const last = parts[parts.length - 1];
    if (last && last.lang === part.lang) last.text += part.text;
    else parts.push({ ...part });
  };
  groups.forEach((group, i) => {
    if (i > 0) push({ text: separator, lang: null });
    group.forEach(push);
  });
  return parts;
}

/** What a row decides, as heading and value, in pieces: a name the row has no Welsh for is marked English. */
export function welshDecidesParts(
  id: TableId,
  then: Record<string, unknown>,
  label: (id: string) => string,
  skip: (key: string) => boolean,
  name: NameWords = englishName,
): DecidesPart[] {
  const said = Object.entries(then)
    // An output left empty says nothing, as in English; an empty cap is said: there is no cap.
    .filter(([key, value]) => !skip(key) && (value !== null || key === 'councilContributionCapGBP'))
    .map(([key, value]) =>
      joinParts(
        [ours(`${t(`heading.${key}`, { defaultValue: key })}: `), outputValue(key, value, then, label, name)],
        '',
      ),
    );
  if (said.length === 0 && id === 'response') return ours(t('rowWords.noTarget'));
  return joinParts(said, '; ');
}

/** What a row decides, as heading and value: "Wedi’i gynnwys: Ie; Pwy sy’n talu: Y cyngor". */
export function welshDecides(
  id: TableId,
  then: Record<string, unknown>,
  label: (id: string) => string,
  skip: (key: string) => boolean,
  name: NameWords = englishName,
): string {
  return welshDecidesParts(id, then, label, skip, name)
    .map((part) => part.text)
    .join('');
}

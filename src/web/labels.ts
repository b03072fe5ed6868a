// Plain labels for the API's vocabularies, in English or Welsh. Values come from openapi.yaml; only the words are here,
// and a value without an entry still reads well (hyphens become spaces), so a new enum value never breaks a page.

import { hasWords, type Language } from '../messages/messages';
import { numberFormats, pageWords } from './pageLanguage';

/** A vocabulary's value (`private-rented`), as opposed to a pack's own text: the shape the API's values take. */
export const isVocabulary = (text: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);

const acronyms = new Set(['marac', 'idva', 'cctv', 'pir', 'dash', 'gbp']);

/**
 * "private-rented" → "Private rented" ("Rhentu preifat"); "marac" → "MARAC". Known values are in the pages
 * catalogue (`value.<value>`); a value it lacks reads as its words, so a new enum value never breaks a page.
 */
export function valueLabel(value: string, language: Language = 'en'): string {
  const key = `value.${value}`;
  return hasWords(language, 'pages', key) ? pageWords(language)(key) : wordsOf(value);
}

function wordsOf(value: string): string {
  const words = value.split('-').map((word) => (acronyms.has(word) ? word.toUpperCase() : word));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The same label in the middle of a sentence: "private rented", but still "MARAC". */
export function valuePhrase(value: string, language: Language = 'en'): string {
  const label = valueLabel(value, language);
  const first = label.split(' ')[0]!;
  return first === first.toUpperCase() && first.length > 1
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}

/** A target time in words: "within 72 hours", "within 3 working days", or null when the policy gives none. */
export function hoursText(
  hours: number | null,
  workingDays: number | null = null,
  language: Language = 'en',
): string | null {
  const t = pageWords(language);
  if (workingDays !== null) return t('time.withinWorkingDays', { count: workingDays });
  if (hours === null) return null;
  return t('time.withinHours', { count: hours });
}

const poundsIn = numberFormats({ style: 'currency', currency: 'GBP', maximumFractionDigits: 2 });

export function poundsText(amount: number | null, language: Language = 'en'): string | null {
  return amount === null ? null : poundsIn[language].format(amount);
}

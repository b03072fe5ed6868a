// The service's own words in English and Welsh: one catalogue per language (messages/en/, messages/cy/), a file
// per part of the service, with the same keys in both. Wording lives here; src/decide/ gives codes and values.
import i18next, { type TFunction } from 'i18next';
import cyPages from './cy/pages.json';
import cyService from './cy/service.json';
import cyTables from './cy/tables.json';
import enPages from './en/pages.json';
import enService from './en/service.json';
import enTables from './en/tables.json';

export const languages = ['en', 'cy'] as const;
export type Language = (typeof languages)[number];

export const catalogues = {
  en: { service: enService, pages: enPages, tables: enTables },
  cy: { service: cyService, pages: cyPages, tables: cyTables },
} as const;
export type Namespace = keyof (typeof catalogues)['en'];

const i18n = i18next.createInstance();
// Synchronous: the catalogues are bundled, so there is nothing to wait for. No fallback language: a key missing
// in Welsh must be caught by the catalogue test, not quietly answered in English. Nunjucks escapes what it renders.
void i18n.init({
  resources: catalogues,
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});

export const isLanguage = (value: unknown): value is Language => languages.includes(value as Language);

/**
 * A lookup that remembers the words of each key asked for without values: the catalogues never change while the
 * service runs, and a page of 400 councils asks for the same column labels on every row.
 */
function remembering(t: TFunction): TFunction {
  const known = new Map<string, string>();
  const lookUp = (key: unknown, ...values: unknown[]): unknown => {
    if (values.length || typeof key !== 'string')
      return (t as unknown as (...args: unknown[]) => unknown)(key, ...values);
    let words = known.get(key);
    if (words === undefined) known.set(key, (words = t(key)));
    return words;
  };
  return lookUp as unknown as TFunction;
}

const fixedWords = new Map<string, TFunction>();

/** The words of one part of the service in one language: `wordsFor('cy', 'service')('reason.no-scheme', {...})`. */
export function wordsFor(language: Language, namespace: Namespace): TFunction {
  const id = `${language}/${namespace}`;
  let words = fixedWords.get(id);
  if (!words) fixedWords.set(id, (words = remembering(i18n.getFixedT(language, namespace))));
  return words;
}

/** Whether a key exists in a language's catalogue (plural forms count as their base key). */
export function hasWords(language: Language, namespace: Namespace, key: string): boolean {
  return (
    i18n.exists(key, { lng: language, ns: namespace, count: 1 }) ||
    i18n.exists(key, { lng: language, ns: namespace })
  );
}

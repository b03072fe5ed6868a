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

/** The words of one part of the service in one language: `wordsFor('cy', 'service')('reason.no-scheme', {...})`. */
export function wordsFor(language: Language, namespace: Namespace): TFunction {
  return i18n.getFixedT(language, namespace);
}

/** Whether a key exists in a language's catalogue (plural forms count as their base key). */
export function hasWords(language: Language, namespace: Namespace, key: string): boolean {
  return (
    i18n.exists(key, { lng: language, ns: namespace, count: 1 }) ||
    i18n.exists(key, { lng: language, ns: namespace })
  );
}

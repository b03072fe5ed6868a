// The language of a staff page, carried in its address (`?lang=cy`) rather than a cookie or a `/cy` prefix: a
// query parameter rides on every existing route and form action unchanged, and a bookmark or a shared link
// keeps the language. English is the default, with no parameter, so English addresses stay as they were.
import type { Request, Response } from 'express';
import type { TFunction } from 'i18next';
import { wordsFor, type Language } from '../messages/messages';

/** Welsh only when asked for exactly; anything else (absent, repeated, misspelt) is English, never an error. */
export const languageOf = (lang: unknown): Language => (lang === 'cy' ? 'cy' : 'en');

export const requestLanguage = (req: Request): Language => languageOf(req.query.lang);

/** The language of the page being answered, read from the request the response belongs to. */
export const pageLanguage = (res: Response): Language => (res.req ? requestLanguage(res.req) : 'en');

/** The staff pages' words in a language. */
export const pageWords = (language: Language): TFunction => wordsFor(language, 'pages');

/** The `lang` attribute of each language's pages, and the `Content-Language` of other answers: British English, and Welsh. */
export const htmlLang: Record<Language, string> = { en: 'en-GB', cy: 'cy' };

/** Addresses that are not staff pages (assets, API, documents in their own language): left as they are. */
const notAPage = /^\/(assets|sources|docs|openapi\.yaml|v1|health|metrics)(\/|$|\?)/;

const isPagePath = (href: string) => href.startsWith('/') && !href.startsWith('//') && !notAPage.test(href);

/**
 * A page address in a language: Welsh adds `lang=cy`, English takes it away. English addresses without the
 * parameter come back exactly as given, so the English pages' links are unchanged.
 */
export function hrefIn(href: string, language: Language): string {
  if (!isPagePath(href)) return href;
  const url = new URL(href, 'http://page.invalid');
  if (language === 'en' && !url.searchParams.has('lang')) return href;
  url.searchParams.delete('lang');
  if (language === 'cy') url.searchParams.append('lang', 'cy');
  return url.pathname + url.search + url.hash;
}

export const otherLanguage = (language: Language): Language => (language === 'cy' ? 'en' : 'cy');

/**
 * The language toggle of a page that answers a POST (a result): a form posting the same answers, as hidden
 * fields, to the same address in the other language. A link would have to carry the case in its URL.
 */
export function twinForm(path: string, language: Language, fields: { name: string; value: string }[]) {
  return { action: hrefIn(path, otherLanguage(language)), fields };
}

/** What every page needs to speak its language: the words, its links, and the way to its twin in the other. */
export function languageContext(language: Language, currentUrl: string) {
  const other = otherLanguage(language);
  return {
    lang: language,
    htmlLang: htmlLang[language],
    t: pageWords(language),
    href: (path: string) => hrefIn(path, language),
    twin: { lang: other, href: hrefIn(currentUrl, other) },
    alternates: [
      { lang: 'en', href: hrefIn(currentUrl, 'en') },
      { lang: 'cy', href: hrefIn(currentUrl, 'cy') },
    ],
  };
}

const welshDate = new Intl.DateTimeFormat('cy-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date as the page's language writes it: Welsh "24 Tachwedd 2026"; English pages keep the ISO date they show. */
export function dateText(isoDate: string | null | undefined, language: Language): string {
  if (!isoDate || language === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate ?? '';
  return welshDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * One number formatter per page language, made once with `options`: building a formatter costs far more than
 * using one, and a page uses many.
 */
export const numberFormats = (options?: Intl.NumberFormatOptions): Record<Language, Intl.NumberFormat> => ({
  en: new Intl.NumberFormat('en-GB', options),
  cy: new Intl.NumberFormat('cy-GB', options),
});

const counts = numberFormats();
const eithers = {
  en: new Intl.ListFormat('en-GB', { type: 'disjunction' }),
  cy: new Intl.ListFormat('cy', { type: 'disjunction' }),
} satisfies Record<Language, Intl.ListFormat>;

/** A count as the page's language writes it. */
export const countText = (n: number, language: Language): string => counts[language].format(n);

/** "a, b or c" in the page's language ("a, b neu c" in Welsh). */
export const eitherText = (items: string[], language: Language): string => eithers[language].format(items);

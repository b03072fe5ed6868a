// Rendering a page, and the pages every route may need: not found, and not ready (no rules loaded yet).
import type { Response } from 'express';
import type nunjucks from 'nunjucks';
import type { RuleStore } from '../../rules/loadRules';
import type { RuleService } from '../../services/ruleService';
import { languageContext, pageLanguage, pageWords } from '../pageLanguage';

export interface PageContext {
  pageTitle: string;
  /** Which navigation item is current. */
  section?: 'schemes' | 'check' | 'compare';
  [key: string]: unknown;
}

export function renderPage(
  res: Response,
  views: nunjucks.Environment,
  template: string,
  context: PageContext,
  status = 200,
): void {
  // Pages can hold case facts: no cache may keep them.
  res.status(status).type('html').setHeader('Cache-Control', 'no-store');
  // With staff sign-in on: who is signed in, and the token every form carries.
  const { staffUser = null, csrfToken = null } = res.locals as { staffUser?: unknown; csrfToken?: string };
  // The page's language, its words and links, and its twin in the other language.
  const language = languageContext(pageLanguage(res), res.req?.originalUrl ?? '/');
  res.send(views.render(template, { staffUser, csrfToken, ...language, ...context }));
}

/** `what`: the page's words for why, already in the page's language. */
export function renderNotFound(res: Response, views: nunjucks.Environment, what: string): void {
  const t = pageWords(pageLanguage(res));
  renderPage(res, views, 'not-found.njk', { pageTitle: t('notFound.title'), what }, 404);
}

/** The live rules, or null after answering 503 with a page that says why. */
export function storeOrUnavailable(
  rules: RuleService,
  res: Response,
  views: nunjucks.Environment,
): RuleStore | null {
  const store = rules.current();
  if (store && store.packs.size > 0) return store;
  const t = pageWords(pageLanguage(res));
  renderPage(res, views, 'unavailable.njk', { pageTitle: t('unavailable.title') }, 503);
  return null;
}

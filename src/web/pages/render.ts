// Rendering a page, and the pages every route may need: not found, and not ready (no rules loaded yet).
import type { Response } from 'express';
import type nunjucks from 'nunjucks';
import type { RuleStore } from '../../rules/loadRules';
import type { RuleService } from '../../services/ruleService';

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
  res.send(views.render(template, { staffUser, csrfToken, ...context }));
}

export function renderNotFound(res: Response, views: nunjucks.Environment, what: string): void {
  renderPage(res, views, 'not-found.njk', { pageTitle: 'Page not found', what }, 404);
}

/** The live rules, or null after answering 503 with a page that says why. */
export function storeOrUnavailable(
  rules: RuleService,
  res: Response,
  views: nunjucks.Environment,
): RuleStore | null {
  const store = rules.current();
  if (store && store.packs.size > 0) return store;
  renderPage(res, views, 'unavailable.njk', { pageTitle: 'Sorry, the service is unavailable' }, 503);
  return null;
}

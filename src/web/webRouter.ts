// The staff pages (GOV.UK Design System): schemes, an authority's tables, check a case, compare authorities.
// Served at / beside the JSON API (/v1), health checks and docs; they call the same decision function.
import express, { Router } from 'express';
import type { Clock } from '../services/decisionService';
import type { RuleService } from '../services/ruleService';
import { assetsRouter } from './assets';
import { authorityPage } from './pages/authorityPage';
import { checkForm, checkSubmit } from './pages/checkPage';
import { compareForm, compareSubmit } from './pages/comparePage';
import { schemesPage } from './pages/schemesPage';
import { sourcesRouter } from './sourceDocuments';
import { createViews } from './views';

export interface WebServices {
  rules: RuleService;
  clock: Clock;
}

/** A form post is small: 33 questions, 42 measures at most. */
const formBody = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 200 });

export function webRouter({ rules, clock }: WebServices): Router {
  const views = createViews();
  const router = Router();
  router.use(assetsRouter());
  router.use(sourcesRouter());
  router.get('/', schemesPage(rules, clock, views));
  router.get('/authorities/:authorityId', authorityPage(rules, clock, views));
  router.get('/check', checkForm(rules, clock, views));
  router.post('/check', formBody, checkSubmit(rules, clock, views));
  router.get('/compare', compareForm(rules, clock, views));
  router.post('/compare', formBody, compareSubmit(rules, clock, views));
  return router;
}

// The staff pages (GOV.UK Design System): schemes, an authority's tables, check a case, compare authorities.
// Served at / beside the JSON API (/v1), health checks and docs; they call the same decision function.
import express, { Router, type RequestHandler, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Decision } from '../contract/apiTypes';
import { problem, sendProblem } from '../http/problem';
import type { Logger } from '../logger';
import type { Clock } from '../services/decisionService';
import type { RuleService } from '../services/ruleService';
import { assetsRouter } from './assets';
import { authorityPage } from './pages/authorityPage';
import { checkForm, checkSubmit } from './pages/checkPage';
import { compareForm, compareSubmit } from './pages/comparePage';
import { previewForm, previewSubmit, previewUploadOrRefusal, spreadsheetDownload } from './pages/previewPage';
import { previewUpload } from './proposalUpload';
import { schemesPage } from './pages/schemesPage';
import { sourcesRouter } from './sourceDocuments';
import { staffSignIn, type StaffSignInSettings } from './staffSignIn';
import { htmlLang, pageWords, requestLanguage } from './pageLanguage';
import { createViews } from './views';

export interface WebServices {
  rules: RuleService;
  clock: Clock;
  log: Logger;
  /** null: the pages are open (local use only). */
  signIn?: StaffSignInSettings | null;
  /** Case checks (check or compare) each person or address may post in a minute. */
  checksPerMinute?: number;
}

/** The signed-in officer's subject at the identity provider, when sign-in is on. */
const staffSubject = (res: Response): string | undefined =>
  (res.locals.staffUser as { sub: string } | undefined)?.sub;

/** The audit line of each decision a staff page made: who asked, and the decision, never the facts. */
function auditStaffDecisions(log: Logger, page: string): RequestHandler {
  return (_req, res, next) => {
    res.once('finish', () => {
      const user = staffSubject(res) ?? 'anonymous';
      for (const decision of (res.locals.decided as Decision[] | undefined) ?? []) {
        log.info('staff decision', {
          decisionId: decision.decisionId,
          user,
          page,
          authority: decision.authority.id,
          ruleSetVersion: decision.ruleSet.version,
          outcome: decision.outcome,
        });
      }
    });
    next();
  };
}

/** Each check re-decides the case many times for "what would change": a person (or address) gets so many a minute. */
function checksLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req, res) => staffSubject(res) ?? ipKeyGenerator(req.ip ?? ''),
    // Said in the language of the page that posted: the officer reads it in place of the result.
    handler: (req, res) => {
      const language = requestLanguage(req);
      res.setHeader('Content-Language', htmlLang[language]);
      sendProblem(res, problem(429, pageWords(language)('limit.caseChecks', { perMinute })));
    },
  });
}

/** A form post is small: 33 questions, 42 measures at most. */
const formBody = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 200 });

export function webRouter({ rules, clock, log, signIn = null, checksPerMinute = 30 }: WebServices): Router {
  const views = createViews();
  const router = Router();
  router.use(assetsRouter());
  router.use(sourcesRouter());
  const session = signIn ? staffSignIn(signIn, log) : null;
  if (session) router.use(session.router);
  // One limit for both pages: a case check is a case check, on either.
  const limit = checksLimit(checksPerMinute);
  const formChecks = (page: string): RequestHandler[] => [
    formBody,
    ...(session ? [session.checkFormToken] : []),
    limit,
    auditStaffDecisions(log, page),
  ];
  router.get('/', schemesPage(rules, clock, views));
  router.get('/authorities/:authorityId', authorityPage(rules, clock, views));
  router.get('/authorities/:authorityId/spreadsheet', spreadsheetDownload(rules, clock, views));
  router.get('/authorities/:authorityId/preview', previewForm(rules, clock, views));
  router.post(
    '/authorities/:authorityId/preview',
    previewUploadOrRefusal(rules, clock, views, previewUpload),
    ...(session ? [session.checkFormToken] : []),
    limit,
    previewSubmit(rules, clock, views),
  );
  router.get('/check', checkForm(rules, clock, views));
  router.post('/check', ...formChecks('check'), checkSubmit(rules, clock, views));
  router.get('/compare', compareForm(rules, clock, views));
  router.post('/compare', ...formChecks('compare'), compareSubmit(rules, clock, views));
  return router;
}

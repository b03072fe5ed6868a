// POST /v1/authorities/{authorityId}/decisions and POST /v1/decisions/batch.
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { Case, Decision, Problem } from '../../contract/apiTypes';
import type { Logger } from '../../logger';
import { decideForAuthority, isProblem, type Clock } from '../../services/decisionService';
import type { Metrics } from '../../services/metrics';
import type { RuleService } from '../../services/ruleService';
import type { RuleStore } from '../../rules/loadRules';
import type { HttpSettings } from '../app';
import { jsonBody } from '../middleware/setUpRequestParsing';
import { HttpProblem, problem, sendProblem } from '../problem';
import { schemaErrors } from '../validation';
import { requireReady } from './requireReady';

interface BatchRequest {
  cases: { authorityId: string; case: Case }[];
}

interface DecisionsDeps {
  rules: RuleService;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  settings: HttpSettings;
}

export function decisionsRouter({ rules, clock, log, metrics, settings }: DecisionsDeps): Router {
  const router = Router();

  /** Decides one case, and writes the audit line: the decision, never the person. */
  function decideAndAudit(
    store: RuleStore,
    authorityId: string,
    caseFacts: Case,
    res: Response,
  ): Decision | Problem {
    const decisionId = randomUUID();
    const started = process.hrtime.bigint();
    try {
      const result = decideForAuthority(store, authorityId, caseFacts, clock, () => decisionId);
      if (isProblem(result)) return result;
      metrics.decisions.inc({ authority: result.authority.id, outcome: result.outcome });
      log.info('decision', {
        decisionId,
        requestId: res.locals.requestId,
        client: res.locals.client,
        authority: result.authority.id,
        ruleSetVersion: result.ruleSet.version,
        ruleSetSha256: result.ruleSet.sha256,
        outcome: result.outcome,
        reasonCodes: result.reasons.map((r) => r.code),
        latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
      return result;
    } catch (error) {
      // A fault of ours: logged with its stack (no case facts), answered 500 with the decision id to quote.
      log.error('decision failed', {
        decisionId,
        requestId: res.locals.requestId,
        authority: authorityId,
        error: (error as Error).stack,
      });
      return {
        ...problem(500, 'The decision could not be made: quote the decisionId when reporting this.'),
        decisionId,
      };
    }
  }

  router.post(
    '/v1/authorities/:authorityId/decisions',
    requireReady(rules),
    ...jsonBody(settings.bodyLimitSingle),
    (req, res) => {
      const store = rules.current()!;
      const authorityId = req.params.authorityId as string;
      if (!store.packs.has(authorityId))
        throw new HttpProblem(problem(404, `There is no authority "${authorityId}".`));
      const errors = schemaErrors('Case', req.body);
      if (errors.length)
        throw new HttpProblem(problem(400, 'The case does not match the Case schema.', errors));
      const result = decideAndAudit(store, authorityId, req.body as Case, res);
      if (isProblem(result)) sendProblem(res, result);
      else res.json(result);
    },
  );

  router.post(
    '/v1/decisions/batch',
    requireReady(rules),
    ...jsonBody(settings.bodyLimitBatch),
    (req, res) => {
      const store = rules.current()!;
      // Errors inside one case make that case's result a problem; errors in the envelope refuse the whole batch.
      const errors = schemaErrors('BatchRequest', req.body);
      const caseIndex = (pointer: string) => /^\/cases\/(\d+)(\/|$)/.exec(pointer)?.[1];
      const envelopeErrors = errors.filter((e) => caseIndex(e.pointer) === undefined);
      if (envelopeErrors.length) {
        throw new HttpProblem(
          problem(400, 'The body does not match the BatchRequest schema.', envelopeErrors),
        );
      }
      const results: (Decision | Problem)[] = (req.body as BatchRequest).cases.map((item, i) => {
        const own = errors.filter((e) => caseIndex(e.pointer) === String(i));
        if (own.length) return problem(400, `Case ${i} does not match the schema.`, own);
        return decideAndAudit(store, item.authorityId, item.case, res);
      });
      res.json({ results });
    },
  );

  return router;
}

// POST /v1/authorities/{authorityId}/decisions and POST /v1/decisions/batch.
import { Router } from 'express';
import type { Case, Decision, Problem } from '../../contract/apiTypes';
import { decideForAuthority, isProblem, type Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { batchLimit, jsonBody, singleCaseLimit } from '../middleware/setUpRequestParsing';
import { HttpProblem, problem, sendProblem } from '../problem';
import { schemaErrors } from '../validation';
import { requireReady } from './requireReady';

interface BatchRequest {
  cases: { authorityId: string; case: Case }[];
}

export function decisionsRouter(rules: RuleService, clock: Clock): Router {
  const router = Router();

  router.post(
    '/v1/authorities/:authorityId/decisions',
    requireReady(rules),
    ...jsonBody(singleCaseLimit),
    (req, res) => {
      const store = rules.current()!;
      const authorityId = req.params.authorityId as string;
      if (!store.packs.has(authorityId))
        throw new HttpProblem(problem(404, `There is no authority "${authorityId}".`));
      const errors = schemaErrors('Case', req.body);
      if (errors.length)
        throw new HttpProblem(problem(400, 'The case does not match the Case schema.', errors));
      const result = decideForAuthority(store, authorityId, req.body as Case, clock);
      if (isProblem(result)) sendProblem(res, result);
      else res.json(result);
    },
  );

  router.post('/v1/decisions/batch', requireReady(rules), ...jsonBody(batchLimit), (req, res) => {
    const store = rules.current()!;
    // Errors inside one case make that case's result a problem; errors in the envelope refuse the whole batch.
    const errors = schemaErrors('BatchRequest', req.body);
    const caseIndex = (pointer: string) => /^\/cases\/(\d+)(\/|$)/.exec(pointer)?.[1];
    const envelopeErrors = errors.filter((e) => caseIndex(e.pointer) === undefined);
    if (envelopeErrors.length) {
      throw new HttpProblem(problem(400, 'The body does not match the BatchRequest schema.', envelopeErrors));
    }
    const results: (Decision | Problem)[] = (req.body as BatchRequest).cases.map((item, i) => {
      const own = errors.filter((e) => caseIndex(e.pointer) === String(i));
      if (own.length) return problem(400, `Case ${i} does not match the schema.`, own);
      return decideForAuthority(store, item.authorityId, item.case, clock);
    });
    res.json({ results });
  });

  return router;
}

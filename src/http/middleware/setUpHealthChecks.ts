import { Router } from 'express';
import type { RuleService } from '../../services/ruleService';
import { problem, sendProblem } from '../problem';

export function setUpHealthChecks(rules: RuleService): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    if (rules.isReady()) res.json({ status: 'ready', authorities: rules.current()!.packs.size });
    else sendProblem(res, problem(503, 'No valid rule packs are loaded.'));
  });
  return router;
}

import { Router } from 'express';
import type { RuleService } from '../../services/ruleService';
import { problem, sendProblem } from '../problem';

/** Shared with the server: once draining, readiness fails so the platform stops sending traffic. */
export interface Lifecycle {
  draining: boolean;
}

export function setUpHealthChecks(rules: RuleService, lifecycle: Lifecycle): Router {
  const router = Router();
  // While draining, answer on existing connections but ask clients to open new ones (elsewhere).
  router.use((_req, res, next) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  });
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    if (lifecycle.draining) sendProblem(res, problem(503, 'The service is shutting down.'));
    else if (rules.isReady()) res.json({ status: 'ready', authorities: rules.current()!.packs.size });
    else sendProblem(res, problem(503, 'No valid rule packs are loaded.'));
  });
  return router;
}

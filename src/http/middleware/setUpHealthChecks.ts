// Liveness, readiness and draining. The two checks are routes of the app itself, not a router of their own:
// every request passes through each router ahead of its route, and these two come before the decisions.
import type { Express, RequestHandler } from 'express';
import type { RuleService } from '../../services/ruleService';
import { problem, sendProblem } from '../problem';

/** Shared with the server: once draining, readiness fails so the platform stops sending traffic. */
export interface Lifecycle {
  draining: boolean;
}

/** While draining, answer on existing connections but ask clients to open new ones (elsewhere). */
export function setUpDraining(lifecycle: Lifecycle): RequestHandler {
  return (_req, res, next) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  };
}

export function setUpHealthChecks(app: Express, rules: RuleService, lifecycle: Lifecycle): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    if (lifecycle.draining) sendProblem(res, problem(503, 'The service is shutting down.'));
    else if (rules.isReady()) res.json({ status: 'ready', authorities: rules.current()!.packs.size });
    else sendProblem(res, problem(503, 'No valid rule packs are loaded.'));
  });
}

import { Router } from 'express';
import type { RuleService } from '../../services/ruleService';
import { requireReady } from './requireReady';

export function measuresRouter(rules: RuleService): Router {
  const router = Router();
  router.get('/v1/measures', requireReady(rules), (_req, res) => {
    res.json({ measures: rules.current()!.measures });
  });
  return router;
}

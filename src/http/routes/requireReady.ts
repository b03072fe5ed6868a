import type { RequestHandler } from 'express';
import type { RuleService } from '../../services/ruleService';
import { HttpProblem, problem } from '../problem';

/** 503 until at least one valid rule pack is loaded. */
export const requireReady =
  (rules: RuleService): RequestHandler =>
  (_req, _res, next) => {
    next(rules.isReady() ? undefined : new HttpProblem(problem(503, 'No valid rule packs are loaded yet.')));
  };

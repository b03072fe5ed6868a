import type { RequestHandler, Response } from 'express';
import type { Logger } from '../../logger';
import type { Metrics } from '../../services/metrics';

/** A decision's audit fields: the decision, never the person. Always this shape, so that each line is too. */
export interface DecisionAudit {
  decisionId: string;
  client: string | null;
  authority: string;
  ruleSetVersion: string;
  ruleSetSha256: string;
  outcome: string;
  reasonCodes: string[];
  latencyMs: number;
}

/** A route that decides one case leaves its audit here, to be written on the request's line. */
export function setDecisionAudit(res: Response, audit: DecisionAudit): void {
  res.locals.decisionAudit = audit;
}

/**
 * Each request's one log line (method, route pattern, status, time and request id; never the body, URL or query),
 * with the audit fields of the decision it made (null where it made none), and its metrics, from one listener:
 * the route and the time are worked out once for both. One line, not a request line and an audit line: writing
 * a line is most of what logging costs a decision. Every line has the same fields in the same order.
 */
export function setUpRequestTelemetry(log: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The route pattern, not the path: paths carry authority ids, and unknown paths could carry anything.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      metrics.observeRequest(route, req.method, res.statusCode, ms / 1000);
      const audit = res.locals.decisionAudit as DecisionAudit | undefined;
      log.info('request', {
        requestId: res.locals.requestId,
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        client: (res.locals.client as string | undefined) ?? null,
        decisionId: audit ? audit.decisionId : null,
        authority: audit ? audit.authority : null,
        ruleSetVersion: audit ? audit.ruleSetVersion : null,
        ruleSetSha256: audit ? audit.ruleSetSha256 : null,
        outcome: audit ? audit.outcome : null,
        reasonCodes: audit ? audit.reasonCodes : null,
        latencyMs: audit ? audit.latencyMs : null,
      });
    });
    next();
  };
}

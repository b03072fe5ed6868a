import type { RequestHandler } from 'express';
import type { Logger } from '../../logger';
import type { Metrics } from '../../services/metrics';

/**
 * Each request's log line (method, route pattern, status, time and request id; never the body, URL or query)
 * and its metrics, from one listener: the route and the time are worked out once for both.
 */
export function setUpRequestTelemetry(log: Logger, metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The route pattern, not the path: paths carry authority ids, and unknown paths could carry anything.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
      metrics.observeRequest(route, req.method, res.statusCode, ms / 1000);
      log.info('request', {
        requestId: res.locals.requestId,
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    next();
  };
}

import type { RequestHandler } from 'express';
import type { Logger } from '../../logger';

/** One line per request: method, route pattern, status, time and request id. Never the body, URL or query. */
export function setUpRequestLogging(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The route pattern, not the path: paths carry authority ids, and unknown paths could carry anything.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched';
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

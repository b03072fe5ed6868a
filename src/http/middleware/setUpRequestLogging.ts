import type { RequestHandler } from 'express';
import type { Logger } from '../../logger';

/** One line per request: method, route, status and time. Never the body or the query. */
export function setUpRequestLogging(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info('request', {
        method: req.method,
        path: req.route?.path ?? req.path.split('/').slice(0, 3).join('/'),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    next();
  };
}

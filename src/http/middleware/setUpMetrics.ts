import { Router, type RequestHandler } from 'express';
import type { Metrics } from '../../services/metrics';

/** Counts and times every request by its route pattern (never the raw path). */
export function setUpRequestMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const labels = {
        route: req.route?.path ? `${req.baseUrl}${req.route.path}` : 'unmatched',
        method: req.method,
        status: String(res.statusCode),
      };
      end(labels);
      metrics.httpRequests.inc(labels);
    });
    next();
  };
}

export function setUpMetricsEndpoint(metrics: Metrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

import type { Express } from 'express';
import type { Metrics } from '../../services/metrics';

/** GET /metrics, registered on the app itself (see setUpHealthChecks). */
export function setUpMetricsEndpoint(app: Express, metrics: Metrics): void {
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

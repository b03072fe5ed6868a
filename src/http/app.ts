// The express app, composed from small pieces. Read it as a table of contents.
import express from 'express';
import type { Logger } from '../logger';
import type { ApiClient } from '../services/apiKeys';
import type { Clock } from '../services/decisionService';
import { Metrics } from '../services/metrics';
import type { RuleService } from '../services/ruleService';
import { setUpApiDocs } from './middleware/setUpApiDocs';
import { setUpAuthentication } from './middleware/setUpAuthentication';
import { setUpCors } from './middleware/setUpCors';
import { errorHandler, notFound } from './middleware/setUpErrorHandling';
import { setUpDraining, setUpHealthChecks, type Lifecycle } from './middleware/setUpHealthChecks';
import { setUpUrlLimit } from './middleware/setUpLimits';
import { setUpMetricsEndpoint } from './middleware/setUpMetrics';
import { methodNotAllowed } from './middleware/setUpMethodNotAllowed';
import { setUpRequestId } from './middleware/setUpRequestId';
import { setUpRequestTelemetry } from './middleware/setUpRequestTelemetry';
import { setUpSecurityHeaders } from './middleware/setUpSecurityHeaders';
import { authoritiesRouter } from './routes/authorities';
import { decisionsRouter } from './routes/decisions';
import { defaultHttpSettings, type HttpSettings } from './httpSettings';
import { measuresRouter } from './routes/measures';
import { reportsRouter } from './routes/reports';
import { rulesStatusRouter } from './routes/rulesStatus';
import type { StaffSignInSettings } from '../web/staffSignIn';
import { webRouter } from '../web/webRouter';

export interface Services {
  rules: RuleService;
  clock: Clock;
  log: Logger;
  metrics?: Metrics;
  /** null: no API keys configured (local use only). */
  apiClients?: readonly ApiClient[] | null;
  lifecycle?: Lifecycle;
  settings?: Partial<HttpSettings>;
  /** null: the staff pages are open (local use only). */
  staffSignIn?: StaffSignInSettings | null;
  staffChecksPerMinute?: number;
}

export function createApp(services: Services): express.Express {
  const { rules, clock, log } = services;
  const metrics = services.metrics ?? new Metrics({ processMetrics: false });
  const lifecycle = services.lifecycle ?? { draining: false };
  const settings = { ...defaultHttpSettings, ...services.settings };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    setUpRequestId(),
    setUpRequestTelemetry(log, metrics),
    setUpUrlLimit(settings.maxUrlLength),
    setUpSecurityHeaders(),
    setUpDraining(lifecycle),
  );
  // Open to all, and without CORS: health, metrics and docs.
  setUpHealthChecks(app, rules, lifecycle);
  setUpMetricsEndpoint(app, metrics);
  setUpApiDocs(app);
  app.use(setUpCors(settings.corsOrigins), setUpAuthentication(services.apiClients ?? null));
  // Decisions first among the API routes: they carry nearly all the traffic, and each router ahead of them
  // costs every decision a pass.
  app.use(decisionsRouter({ rules, clock, log, metrics, settings }));
  app.use(authoritiesRouter(rules, clock));
  app.use(measuresRouter(rules));
  app.use(reportsRouter(rules, clock));
  app.use(rulesStatusRouter(rules));
  app.use(
    webRouter({
      rules,
      clock,
      log,
      signIn: services.staffSignIn ?? null,
      checksPerMinute: services.staffChecksPerMinute,
    }),
  );
  app.use(methodNotAllowed);
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}

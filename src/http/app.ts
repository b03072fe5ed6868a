// The express app, composed from small pieces. Read it as a table of contents.
import express from 'express';
import type { Logger } from '../logger';
import type { Clock } from '../services/decisionService';
import type { RuleService } from '../services/ruleService';
import { setUpApiDocs } from './middleware/setUpApiDocs';
import { errorHandler, notFound } from './middleware/setUpErrorHandling';
import { setUpHealthChecks } from './middleware/setUpHealthChecks';
import { setUpRequestLogging } from './middleware/setUpRequestLogging';
import { authoritiesRouter } from './routes/authorities';
import { decisionsRouter } from './routes/decisions';
import { measuresRouter } from './routes/measures';
import { rulesStatusRouter } from './routes/rulesStatus';

export interface Services {
  rules: RuleService;
  clock: Clock;
  log: Logger;
}

export function createApp({ rules, clock, log }: Services): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(setUpRequestLogging(log));
  app.use(setUpHealthChecks(rules));
  app.use(setUpApiDocs());
  app.use(authoritiesRouter(rules, clock));
  app.use(decisionsRouter(rules, clock));
  app.use(measuresRouter(rules));
  app.use(rulesStatusRouter(rules));
  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}

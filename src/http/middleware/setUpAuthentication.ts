import type { RequestHandler } from 'express';
import { findClient, type ApiClient } from '../../services/apiKeys';
import { problem, sendProblem } from '../problem';

/**
 * With API keys configured, every /v1 route needs `Authorization: Bearer <key>`. The client's name is kept
 * for the audit log. Health, readiness, metrics, docs and the staff pages stay open.
 */
export function setUpAuthentication(clients: readonly ApiClient[] | null): RequestHandler {
  return (req, res, next) => {
    if (!clients) {
      res.locals.client = 'anonymous';
      return next();
    }
    if (req.path !== '/v1' && !req.path.startsWith('/v1/')) return next();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([^\s]{1,512})$/.exec(header);
    const client = match ? findClient(clients, match[1]!) : null;
    if (!client) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="sanctuary-rules"');
      return sendProblem(
        res,
        problem(
          401,
          match ? 'The API key is not recognised.' : 'Send an API key as "Authorization: Bearer <key>".',
        ),
      );
    }
    res.locals.client = client;
    next();
  };
}

import type { RequestHandler } from 'express';
import { findClient, type ApiClient } from '../../services/apiKeys';
import { problem, sendProblem } from '../problem';

/**
 * The path as a router might read it: percent-decoded, lower-cased, with empty and dot segments resolved.
 * Express matches routes case-insensitively, so the key check must see `/V1`, `//v1` and `%76` as `/v1`.
 */
export function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // A malformed escape is no route of ours; it is compared as it is.
    }
    segment = segment.toLowerCase();
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/** Every spelling of a path that could reach an API route. */
export function isApiPath(path: string): boolean {
  const canonical = canonicalPath(path);
  return canonical === '/v1' || canonical.startsWith('/v1/');
}

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
    if (!isApiPath(req.path)) return next();
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

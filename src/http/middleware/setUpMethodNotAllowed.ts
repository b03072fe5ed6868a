// A path the API has, asked with a method it does not take, is a 405 with `Allow`, not a 404: the client has
// the right address and the wrong verb. The paths and their methods come from openapi.yaml.
import type { RequestHandler } from 'express';
import { openapiDocument } from '../../contract/openapi';
import { problem, sendProblem } from '../problem';

const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface PathMethods {
  pattern: RegExp;
  allow: string;
}

/** Each documented path as a pattern (matched as express matches: any case, an optional trailing slash). */
const documentedPaths: readonly PathMethods[] = Object.entries(openapiDocument.paths ?? {}).map(
  ([template, item]) => {
    const methods = httpMethods.filter((m) => item?.[m]).map((m) => m.toUpperCase());
    if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
    const source = template
      .split('/')
      .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { pattern: new RegExp(`^${source}/?$`, 'i'), allow: methods.join(', ') };
  },
);

/** Answers 405 where the path is documented but the method is not; otherwise passes on (to the 404). */
export const methodNotAllowed: RequestHandler = (req, res, next) => {
  const documented = documentedPaths.find((p) => p.pattern.test(req.path));
  if (!documented) return next();
  res.setHeader('Allow', documented.allow);
  sendProblem(res, problem(405, `${req.method} is not allowed on ${req.path}.`));
};

// JSON bodies only, bounded in size and depth; parse failures become problem+json in the error handler.
import express, { type RequestHandler } from 'express';
import { HttpProblem, problem } from '../problem';
import { bodyDepthLimit } from './setUpLimits';

/** A Case is at most four levels deep, a batch six: ten leaves room without letting a body exhaust anything. */
export const maxBodyDepth = 10;

const requireJson: RequestHandler = (req, _res, next) => {
  const length = req.headers['content-length'];
  const hasBody = length !== undefined ? length !== '0' : req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) {
    return next(
      new HttpProblem(
        problem(400, 'The request has no body: send a JSON object.', [
          { pointer: '', message: 'a JSON body is required' },
        ]),
      ),
    );
  }
  if (!req.is('application/json'))
    return next(new HttpProblem(problem(415, 'Send the body as application/json.')));
  next();
};

/** For POST routes: refuses non-JSON, then parses strictly (objects and arrays only) within `limit` bytes. */
export function jsonBody(limit: number): RequestHandler[] {
  return [
    requireJson,
    express.json({ limit, strict: true, type: 'application/json' }),
    bodyDepthLimit(maxBodyDepth),
  ];
}

// JSON bodies only, bounded in size; parse failures become problem+json in the error handler.
import express, { type RequestHandler } from 'express';
import { HttpProblem, problem } from '../problem';

export const singleCaseLimit = '64kb';
export const batchLimit = '8mb';

const requireJson: RequestHandler = (req, _res, next) => {
  const length = req.headers['content-length'];
  const hasBody = length !== undefined ? length !== '0' : req.headers['transfer-encoding'] !== undefined;
  if (!hasBody)
    return next(
      new HttpProblem(
        problem(400, 'The request has no body: send a JSON object.', [
          { pointer: '', message: 'a JSON body is required' },
        ]),
      ),
    );
  if (!req.is('application/json'))
    return next(new HttpProblem(problem(415, 'Send the body as application/json.')));
  next();
};

/** For POST routes: refuses non-JSON, then parses strictly (objects and arrays only) within `limit`. */
export function jsonBody(limit: string): RequestHandler[] {
  return [requireJson, express.json({ limit, strict: true, type: 'application/json' })];
}

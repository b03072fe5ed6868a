// JSON bodies only, bounded in size, depth and list length; parse failures become problem+json.
import express, { type Request, type RequestHandler } from 'express';
import { HttpProblem, problem } from '../problem';
import { bodyShapeLimit } from './setUpLimits';

type CountedRequest = Request & { bodyBytes?: number };

const noBody = () =>
  new HttpProblem(
    problem(400, 'The request has no body: send a JSON object.', [
      { pointer: '', message: 'a JSON body is required' },
    ]),
  );

const requireJson: RequestHandler = (req, _res, next) => {
  const length = req.headers['content-length'];
  const hasBody = length !== undefined ? length !== '0' : req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return next(noBody());
  if (!req.is('application/json'))
    return next(new HttpProblem(problem(415, 'Send the body as application/json.')));
  next();
};

/** A chunked request can turn out empty: only the parser knows, so it records how many bytes it read. */
const recordBodyBytes = (req: CountedRequest, _res: unknown, buffer: Buffer) => {
  req.bodyBytes = buffer.length;
};

const requireNonEmpty: RequestHandler = (req, _res, next) =>
  next((req as CountedRequest).bodyBytes ? undefined : noBody());

/** For POST routes: refuses non-JSON, then parses strictly (objects and arrays only) within `limit` bytes. */
export function jsonBody(limit: number): RequestHandler[] {
  return [
    requireJson,
    express.json({ limit, strict: true, type: 'application/json', verify: recordBodyBytes }),
    requireNonEmpty,
    bodyShapeLimit(),
  ];
}

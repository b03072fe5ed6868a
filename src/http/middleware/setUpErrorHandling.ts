// The last stops: unknown paths get 404, and every error becomes problem+json. A client's mistake is never a 5xx.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpProblem, problem, sendProblem } from '../problem';
import type { Logger } from '../../logger';
import { bodyShapeLimits } from './setUpLimits';

export const notFound: RequestHandler = (req, res) => {
  sendProblem(res, problem(404, `There is nothing at ${req.method} ${req.path}.`));
};

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof HttpProblem) return sendProblem(res, error.body);
    const parserError = error as BodyParserError;
    switch (parserError.type) {
      case 'entity.too.large':
        return sendProblem(res, problem(413, 'The body is too large.'));
      case 'entity.parse.failed':
        return sendProblem(
          res,
          problem(400, 'The body is not valid JSON.', [{ pointer: '', message: 'not valid JSON' }]),
        );
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return sendProblem(res, problem(415, 'Send the body as UTF-8 application/json.'));
      case 'request.aborted':
        return sendProblem(res, problem(400, 'The request was aborted.'));
      case 'entity.too.deep':
        return sendProblem(
          res,
          problem(400, `The body is nested more than ${bodyShapeLimits.maxDepth} levels deep.`, [
            { pointer: '', message: `is nested more than ${bodyShapeLimits.maxDepth} levels deep` },
          ]),
        );
    }
    // Any error that carries a client status (e.g. a path that cannot be URL-decoded) is the client's.
    if (parserError.status && parserError.status >= 400 && parserError.status < 500) {
      return sendProblem(res, problem(parserError.status, 'The request could not be read.'));
    }
    // Log the error's name and stack only: never the request body, which holds case facts.
    log.error('unhandled error', { error: error instanceof Error ? error.stack : String(error) });
    sendProblem(res, problem(500, 'Something went wrong on our side.'));
  };
}

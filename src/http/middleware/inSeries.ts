import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Request handlers run one after another as a single handler. Each layer of an express router costs every
 * request that passes it a match and a dispatch; the handlers that run on every request, or on every decision,
 * are run in series here instead, as express would run them: an error, thrown or passed to `next`, or a
 * rejected promise, goes to the error handler, and a handler that answers simply does not call `next`.
 */
export function inSeries(...handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error) return next(error);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}

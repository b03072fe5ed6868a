// inSeries runs handlers as express would run them one layer each: in order, stopping at an answer, and
// sending errors (passed, thrown or rejected) to the error handler.
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { inSeries } from '../src/http/middleware/inSeries';

function appWith(...handlers: RequestHandler[]) {
  const app = express();
  const seen: string[] = [];
  const mark =
    (name: string): RequestHandler =>
    (_req, _res, next) => {
      seen.push(name);
      next();
    };
  app.get('/', inSeries(mark('first'), ...handlers, mark('last')), (_req, res) => {
    res.json({ seen });
  });
  const onError: ErrorRequestHandler = (error: Error, _req, res, _next) => {
    res.status(500).json({ seen, error: error.message });
  };
  app.use(onError);
  return app;
}

test('handlers run in order, then the next layer', async () => {
  const res = await request(appWith()).get('/');
  expect(res.body).toEqual({ seen: ['first', 'last'] });
});

test('a handler that answers stops the series', async () => {
  const res = await request(appWith((_req, res) => void res.status(204).end())).get('/');
  expect(res.status).toBe(204);
});

test.each([
  ['passed to next', ((_req, _res, next) => next(new Error('passed'))) as RequestHandler, 'passed'],
  [
    'thrown',
    (() => {
      throw new Error('thrown');
    }) as RequestHandler,
    'thrown',
  ],
  ['rejected', (async () => Promise.reject(new Error('rejected'))) as RequestHandler, 'rejected'],
])('an error %s goes to the error handler, and later handlers do not run', async (_how, handler, message) => {
  const res = await request(appWith(handler)).get('/');
  expect(res.status).toBe(500);
  expect(res.body).toEqual({ seen: ['first'], error: message });
});

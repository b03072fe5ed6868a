// RFC 9457 problem details: every error the API returns has this shape, with JSON pointers where they help.
import type { Response } from 'express';
import type { Problem } from '../contract/apiTypes';
import type { ProblemError } from '../contract/schemaValidation';

export type { ProblemError };

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorised',
  404: 'Not found',
  405: 'Method not allowed',
  408: 'Request timeout',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problem(status: number, detail: string, errors?: ProblemError[]): Problem {
  return {
    type: 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(res: Response, body: Problem): void {
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

/** An error carrying the problem to answer with, thrown from routes and middleware. */
export class HttpProblem extends Error {
  constructor(readonly body: Problem) {
    super(body.detail);
  }
}

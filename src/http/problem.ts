// RFC 9457 problem details: every error the API returns has this shape, with JSON pointers where they help.
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import type { Decision, Problem } from '../contract/apiTypes';
import type { ProblemError } from '../contract/schemaValidation';

export type { ProblemError };

/**
 * Each status's reason phrase as RFC 9110 gives it (RFC 6585 for 429 and 431): with `about:blank`, RFC 9457 asks
 * for the title to be the phrase. Node's own table (the fallback) still has the older names for 413 and 422.
 */
const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const statusTitle = (status: number): string => titles[status] ?? STATUS_CODES[status] ?? 'Error';

export function problem(status: number, detail: string, errors?: ProblemError[]): Problem {
  return {
    type: 'about:blank',
    title: statusTitle(status),
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
}

/** An answer that is a problem, not a decision. */
export const isProblem = (result: Decision | Problem): result is Problem => 'status' in result;

/** Characters a URI path may not hold as they are, and a `%` that starts no escape. */
const notUriPath = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]|%(?![0-9A-Fa-f]{2})/g;
const percentByte = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The request's path as a URI reference, for `instance`: the query is left out (the path says which resource;
 * the query adds nothing to that), and whatever Node let through that a URI may not hold is percent-encoded.
 * Node reads the request line as latin1, so each character up to U+00FF is one byte of what was sent.
 */
export function instancePath(req: Pick<Request, 'originalUrl'>): string {
  const target = req.originalUrl ?? '/';
  let path = target.slice(0, target.search(/[?#]|$/));
  // An absolute-form target (`GET http://host/path`) still names the path alone.
  const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/]*/.exec(path);
  if (absolute) path = path.slice(absolute[0].length) || '/';
  return path.replace(notUriPath, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? percentByte(code) : [...Buffer.from(c)].map(percentByte).join('');
  });
}

/** Sends a problem as problem+json, with the request's path as its `instance` unless it names one. */
export function sendProblem(res: Response, body: Problem): void {
  const { type, title, status, detail, instance, ...rest } = body;
  const answer: Problem = {
    type,
    title,
    status,
    ...(detail === undefined ? {} : { detail }),
    instance: instance ?? instancePath(res.req),
    ...rest,
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(answer));
}

/** An error carrying the problem to answer with, thrown from routes and middleware. */
export class HttpProblem extends Error {
  constructor(readonly body: Problem) {
    super(body.detail);
  }
}

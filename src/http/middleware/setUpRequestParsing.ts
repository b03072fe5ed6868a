// JSON bodies only, bounded in size, depth and list length; parse failures become problem+json.
import express, { type NextFunction, type Request, type RequestHandler } from 'express';
import { HttpProblem, problem } from '../problem';
import { bodyShapeLimit, bodyShapeLimits, NestingScan, nestedTooDeep, tooDeepError } from './setUpLimits';

type CountedRequest = Request & { bodyBytes?: number };

const noBody = () =>
  new HttpProblem(
    problem(400, 'The request has no body: send a JSON object.', [
      { pointer: '', message: 'a JSON body is required' },
    ]),
  );

const plainJsonTypes = new Set(['application/json', 'application/json; charset=utf-8']);

/** The Content-Type nearly every client sends, recognised without parsing it. */
const isPlainJsonType = (req: Request) =>
  plainJsonTypes.has(req.headers['content-type']?.toLowerCase() ?? '');

const requireJson: RequestHandler = (req, _res, next) => {
  const length = req.headers['content-length'];
  const hasBody = length !== undefined ? length !== '0' : req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return next(noBody());
  if (!isPlainJsonType(req) && !req.is('application/json'))
    return next(new HttpProblem(problem(415, 'Send the body as application/json.')));
  next();
};

/**
 * Runs on the bytes before body-parser parses them: a chunked request can turn out empty, which only the
 * parser knows, so it records how many bytes it read; and a body nested too deep is refused unparsed.
 */
const recordBodyBytes = (req: CountedRequest, _res: unknown, buffer: Buffer) => {
  req.bodyBytes = buffer.length;
  if (nestedTooDeep(buffer, bodyShapeLimits.maxDepth)) throw tooDeepError();
};

const requireNonEmpty: RequestHandler = (req, _res, next) =>
  next((req as CountedRequest).bodyBytes ? undefined : noBody());

/** body-parser's errors, which the error handler turns into problems, so both readers answer alike. */
const readError = (type: 'entity.parse.failed' | 'request.aborted') =>
  Object.assign(new Error(type), { type, status: 400, expose: true });

/**
 * Nearly every case system sends this: a Content-Length within the limit, no Content-Encoding, UTF-8 JSON. Such
 * a body is read here; anything else (chunked, compressed, another charset, too large) goes to body-parser.
 */
export function isPlainJson(req: Request, limit: number): boolean {
  const length = Number(req.headers['content-length']);
  const encoding = req.headers['content-encoding'];
  return (
    length > 0 &&
    length <= limit &&
    (encoding === undefined || encoding.toLowerCase() === 'identity') &&
    isPlainJsonType(req)
  );
}

const isJsonSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** What body-parser's strict JSON accepts: an object or a list, after an optional byte order mark. */
function parseStrictJson(text: string): unknown {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (isJsonSpace(text.charCodeAt(at))) at++;
  const first = text[at];
  if (first !== '{' && first !== '[') throw readError('entity.parse.failed');
  try {
    return JSON.parse(at ? text.slice(at) : text);
  } catch {
    throw readError('entity.parse.failed');
  }
}

/**
 * Reads a plain JSON body. Its length is the Content-Length, which Node's parser holds the body to, so it is
 * within the limit; a request that ends early is aborted.
 */
function readPlainJson(req: Request, next: NextFunction): void {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const nesting = new NestingScan(bodyShapeLimits.maxDepth);
  const onData = (chunk: Buffer) => {
    // Too deep is known as soon as it happens; the rest is read and dropped, so the client gets the answer.
    if (nesting.tooDeep || nesting.push(chunk)) return;
    chunks.push(chunk);
    bytes += chunk.length;
  };
  const onEnd = () => {
    stopListening();
    if (nesting.tooDeep) return next(tooDeepError());
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, bytes);
    let parsed: unknown;
    try {
      parsed = parseStrictJson(body.toString('utf8'));
    } catch (error) {
      return next(error);
    }
    req.body = parsed;
    next();
  };
  const onAbort = () => {
    stopListening();
    next(readError('request.aborted'));
  };
  const stopListening = () => {
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('error', onAbort);
    req.off('close', onAbort);
  };
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onAbort);
  req.on('close', onAbort);
}

/**
 * The body bytes the process may be reading at once, across every connection. A request holds its declared
 * length (or, streamed, the most it may send) from before its body is read until its answer is done, so a flood
 * of large bodies meets a 503 and Retry-After instead of growing the heap past the container's memory.
 */
export class BodyBudget {
  private held = 0;

  constructor(readonly bytes: number) {}

  /** Middleware that holds a body's bytes for the life of its request, or answers 503 when they do not fit. */
  hold(limit: number): RequestHandler {
    return (req, res, next) => {
      const declared = Number(req.headers['content-length']);
      const bytes = Number.isFinite(declared) && declared >= 0 ? Math.min(declared, limit) : limit;
      if (this.held + bytes > this.bytes) {
        res.setHeader('Retry-After', '1');
        // The body is not kept: Node reads it and throws it away, so the client, still sending, gets this
        // answer rather than a broken connection.
        return next(
          new HttpProblem(problem(503, 'The service is busy reading other requests: try again shortly.')),
        );
      }
      this.held += bytes;
      res.once('close', () => (this.held -= bytes));
      next();
    };
  }
}

/** For POST routes: refuses non-JSON, then parses strictly (objects and lists only) within `limit` bytes. */
export function jsonBody(limit: number, budget?: BodyBudget): RequestHandler[] {
  const parse = express.json({ limit, strict: true, type: 'application/json', verify: recordBodyBytes });
  const parseWithBodyParser: RequestHandler = (req, res, next) =>
    parse(req, res, (error) => (error ? next(error) : requireNonEmpty(req, res, next)));
  const readBody: RequestHandler = (req, res, next) =>
    isPlainJson(req, limit) ? readPlainJson(req, next) : parseWithBodyParser(req, res, next);
  return budget
    ? [requireJson, budget.hold(limit), readBody, bodyShapeLimit()]
    : [requireJson, readBody, bodyShapeLimit()];
}

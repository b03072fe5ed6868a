import type { RequestHandler } from 'express';
import { escapeSegment } from '../../contract/jsonPointer';
import { HttpProblem, problem } from '../problem';

/** Refuses URLs longer than `maxUrlLength` (414) before any routing or parsing. */
export function setUpUrlLimit(maxUrlLength: number): RequestHandler {
  return (req, _res, next) => {
    if (req.originalUrl.length > maxUrlLength) {
      return next(new HttpProblem(problem(414, `The URL is longer than ${maxUrlLength} characters.`)));
    }
    next();
  };
}

/** What a body may hold before any schema validation: bounded depth, and bounded lists. */
export interface BodyShapeLimits {
  maxDepth: number;
  /** The longest list anywhere, except the batch's own `cases`. */
  maxArrayItems: number;
  maxCases: number;
}

export const bodyShapeLimits: BodyShapeLimits = { maxDepth: 10, maxArrayItems: 100, maxCases: 1000 };

/**
 * Whether JSON text opens more than `maxDepth` objects and lists inside one another, found in one pass over
 * the bytes before anything is parsed: a body of nested brackets must be refused before JSON.parse builds
 * millions of arrays from it. Brackets inside strings do not count. Invalid JSON is left to the parser. The
 * scan takes a body chunk by chunk as it arrives, so its cost is spread over the reading of a large body.
 */
export class NestingScan {
  private depth = 0;
  private inString = false;
  private escaped = false;
  tooDeep = false;

  constructor(private readonly maxDepth: number) {}

  /** Reads the next chunk; true once the body has gone too deep. */
  push(chunk: Buffer): boolean {
    // The state in locals while the loop runs: V8 keeps them in registers.
    let { depth, inString, escaped } = this;
    const max = this.maxDepth;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === 0x5c)
          escaped = true; // \
        else if (byte === 0x22) inString = false; // "
      } else if (byte === 0x22) inString = true;
      else if (byte === 0x5b || byte === 0x7b) {
        // [ or {
        if (++depth > max) {
          this.tooDeep = true;
          break;
        }
      } else if (byte === 0x5d || byte === 0x7d) depth--; // ] or }
    }
    Object.assign(this, { depth, inString, escaped });
    return this.tooDeep;
  }
}

export const nestedTooDeep = (json: Buffer, maxDepth: number) => new NestingScan(maxDepth).push(json);

/** The error both body readers raise for a body nested too deep, answered as a 400 problem. */
export const tooDeepError = () =>
  Object.assign(new Error('entity.too.deep'), { type: 'entity.too.deep', status: 400, expose: true });

const insideBatchCase = /^\/cases\/\d+\//;

export interface ShapeOptions {
  /** Where `body` sits in the request body, for pointers. */
  at?: string;
  /** Leave the lists inside a batch's cases to be checked case by case, so one long list sinks only its case. */
  deferBatchCases?: boolean;
}

/**
 * The first way a parsed body breaks the limits. The walk goes no deeper than `maxDepth` + 1, so no body can
 * exhaust the stack; it keeps the keys on its way down, and only a long list (to see where it is) or a value that
 * breaks a limit needs them as a JSON pointer. Checked before ajv, whose cost on long lists (uniqueItems)
 * grows with the square of their length.
 */
export function shapeProblem(
  body: unknown,
  limits: BodyShapeLimits,
  { at = '', deferBatchCases = false }: ShapeOptions = {},
): { pointer: string; message: string } | null {
  const keys: string[] = [];
  const shortestListLimit = Math.min(limits.maxArrayItems, limits.maxCases);
  const pointer = () => (keys.length ? `${at}/${keys.map(escapeSegment).join('/')}` : at);

  /** What is wrong at `value` or below it, with `keys` left pointing there; or null. */
  const walk = (value: object, depth: number): string | null => {
    if (depth > limits.maxDepth) return `is nested more than ${limits.maxDepth} levels deep`;
    // A list within both limits is fine wherever it is; only a longer one needs its pointer, to see where it is.
    if (Array.isArray(value) && value.length > shortestListLimit) {
      const here = pointer();
      if (!(deferBatchCases && insideBatchCase.test(here))) {
        const max = here === '/cases' ? limits.maxCases : limits.maxArrayItems;
        if (value.length > max) return `has more than ${max} items`;
      }
    }
    const record = value as Record<string, unknown>;
    // Object.keys, not for-in: for-in is slower over the many shapes of object a batch's cases parse into.
    for (const key of Object.keys(record)) {
      const child = record[key];
      // Only objects and lists can break a limit, so scalars are never visited.
      if (child === null || typeof child !== 'object') continue;
      // Each batch case is walked where it is decided; its depth is already bounded by the byte scan.
      if (deferBatchCases && depth === 2 && keys[0] === 'cases') continue;
      keys.push(key);
      const found = walk(child, depth + 1);
      if (found) return found;
      keys.pop();
    }
    return null;
  };

  if (body === null || typeof body !== 'object') return null;
  const message = walk(body, 1);
  return message ? { pointer: pointer(), message } : null;
}

export function bodyShapeLimit(limits: BodyShapeLimits = bodyShapeLimits): RequestHandler {
  return (req, _res, next) => {
    const found = shapeProblem(req.body, limits, { deferBatchCases: true });
    if (found) return next(new HttpProblem(problem(400, `The body ${found.message}.`, [found])));
    next();
  };
}

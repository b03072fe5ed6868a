import type { RequestHandler } from 'express';
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

/** A key as a JSON pointer segment. Most keys need no escaping, and a search is cheaper than two replaces. */
export const escapePointer = (key: string) =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

const insideBatchCase = /^\/cases\/\d+\//;

export interface ShapeOptions {
  /** Where `body` sits in the request body, for pointers. */
  at?: string;
  /** Leave the lists inside a batch's cases to be checked case by case, so one long list sinks only its case. */
  deferBatchCases?: boolean;
}

/**
 * An object or list met on the walk. It keeps its parent and key rather than its JSON pointer: a batch holds
 * tens of thousands of values, and only a list (to see where it is) or a value that breaks a limit needs one.
 */
interface Visit {
  readonly value: object;
  readonly depth: number;
  readonly parent: Visit | null;
  readonly key: string;
}

function pointerOf(visit: Visit, at: string): string {
  const keys: string[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent) keys.push(escapePointer(v.key));
  return keys.length ? `${at}/${keys.reverse().join('/')}` : at;
}

/**
 * The first way a parsed body breaks the limits, found without recursion so no body can exhaust the stack.
 * Checked before ajv, whose cost on long lists (uniqueItems) grows with the square of their length.
 */
export function shapeProblem(
  body: unknown,
  limits: BodyShapeLimits,
  { at = '', deferBatchCases = false }: ShapeOptions = {},
): { pointer: string; message: string } | null {
  if (body === null || typeof body !== 'object') return null;
  const stack: Visit[] = [{ value: body, depth: 1, parent: null, key: '' }];
  while (stack.length) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (depth > limits.maxDepth)
      return { pointer: pointerOf(visit, at), message: `is nested more than ${limits.maxDepth} levels deep` };
    if (Array.isArray(value)) {
      const pointer = pointerOf(visit, at);
      if (!(deferBatchCases && insideBatchCase.test(pointer))) {
        const max = pointer === '/cases' ? limits.maxCases : limits.maxArrayItems;
        if (value.length > max) return { pointer, message: `has more than ${max} items` };
      }
    }
    // Only objects and lists can break a limit, so scalars are never visited.
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: depth + 1, parent: visit, key });
    }
  }
  return null;
}

export function bodyShapeLimit(limits: BodyShapeLimits = bodyShapeLimits): RequestHandler {
  return (req, _res, next) => {
    const found = shapeProblem(req.body, limits, { deferBatchCases: true });
    if (found) return next(new HttpProblem(problem(400, `The body ${found.message}.`, [found])));
    next();
  };
}

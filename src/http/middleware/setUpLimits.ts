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

export const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const insideBatchCase = /^\/cases\/\d+\//;

export interface ShapeOptions {
  /** Where `body` sits in the request body, for pointers. */
  at?: string;
  /** Leave the lists inside a batch's cases to be checked case by case, so one long list sinks only its case. */
  deferBatchCases?: boolean;
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
  const stack: [unknown, number, string][] = [[body, 1, at]];
  while (stack.length) {
    const [item, depth, pointer] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limits.maxDepth)
      return { pointer, message: `is nested more than ${limits.maxDepth} levels deep` };
    if (Array.isArray(item) && !(deferBatchCases && insideBatchCase.test(pointer))) {
      const max = pointer === '/cases' ? limits.maxCases : limits.maxArrayItems;
      if (item.length > max) return { pointer, message: `has more than ${max} items` };
    }
    for (const [key, child] of Object.entries(item))
      stack.push([child, depth + 1, `${pointer}/${escapePointer(key)}`]);
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

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

/** The deepest nesting in a parsed body, counted without recursion so no body can exhaust the stack. */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A Case is four levels deep and a batch six: anything much deeper is not a case. */
export function bodyDepthLimit(maxDepth: number): RequestHandler {
  return (req, _res, next) => {
    if (depthOf(req.body) > maxDepth) {
      return next(
        new HttpProblem(
          problem(400, `The body is nested more than ${maxDepth} levels deep.`, [
            { pointer: '', message: 'nested too deeply' },
          ]),
        ),
      );
    }
    next();
  };
}

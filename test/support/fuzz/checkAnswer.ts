// The oracle: what the API promises for each kind of request. A valid case gets 200 and a Decision that
// validates against openapi.yaml; bad input gets 4xx problem+json that validates against Problem, with JSON
// pointers to what was wrong; nothing gets a 5xx.
import { schemaErrors } from '../../../src/contract/schemaValidation';
import type { Answer } from './httpClient';
import type { DecisionExpectation, FuzzRequest, ProblemExpectation } from './requests';

type Json = Record<string, unknown>;

function parse(body: Buffer): Json | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Json) : null;
  } catch {
    return null;
  }
}

const schemaProblems = (schema: string, value: unknown) =>
  schemaErrors(schema, value).map(
    (e) => `not a valid ${schema}: ${e.pointer || '(root)'} ${e.message.slice(0, 120)}`,
  );

function decisionProblems(decision: Json, expect: DecisionExpectation): string[] {
  const found = schemaProblems('Decision', decision);
  const authority = (decision.authority as Json | undefined)?.id;
  if (authority !== expect.authorityId)
    found.push(`decided for ${String(authority)}, not ${expect.authorityId}`);
  if (decision.asOf !== expect.asOf)
    found.push(`applied the rules of ${String(decision.asOf)}, not ${expect.asOf}`);
  return found;
}

function problemProblems(status: number, problem: Json, expect: ProblemExpectation): string[] {
  const found = schemaProblems('Problem', problem);
  if (!expect.statuses.includes(status))
    found.push(`status ${status}, expected ${expect.statuses.join(' or ')}`);
  if (problem.status !== status)
    found.push(`problem.status ${String(problem.status)} differs from ${status}`);
  const pointers = Array.isArray(problem.errors)
    ? problem.errors.map((e) => (e as Json).pointer).filter((p): p is string => typeof p === 'string')
    : [];
  if (status === 400 && expect.aboutBody && pointers.length === 0)
    found.push('a 400 about the body with no pointers');
  if (expect.pointer !== undefined && !pointers.includes(expect.pointer))
    found.push(`no error points at "${expect.pointer}" (got ${JSON.stringify(pointers.slice(0, 5))})`);
  const within = expect.within;
  if (within !== undefined && !pointers.some((p) => p === within || p.startsWith(`${within}/`)))
    found.push(`no error points within "${within}" (got ${JSON.stringify(pointers.slice(0, 5))})`);
  return found;
}

const contentType = (answer: Answer) => String(answer.headers['content-type'] ?? '');

/** Every way the answer breaks the API's promises for this request; empty when it keeps them. */
export function violations(request: FuzzRequest, answer: Answer): string[] {
  const { expect } = request;
  const status = answer.status;
  if (status >= 500) return [`a ${status}: ${answer.body.toString('utf8').slice(0, 300)}`];
  const body = parse(answer.body);
  if (!body) return [`status ${status} with a body that is not a JSON object`];
  if (expect.kind === 'problem') {
    if (!expect.statuses.includes(status))
      return [
        `status ${status}, expected ${expect.statuses.join(' or ')}: ${answer.body.toString('utf8').slice(0, 200)}`,
      ];
    const type = contentType(answer).startsWith('application/problem+json')
      ? []
      : [`content-type ${contentType(answer)}`];
    return [...type, ...problemProblems(status, body, expect)];
  }
  if (status !== 200)
    return [`status ${status}, expected 200: ${answer.body.toString('utf8').slice(0, 300)}`];
  const type = contentType(answer).startsWith('application/json')
    ? []
    : [`content-type ${contentType(answer)}`];
  if (expect.kind === 'decision') return [...type, ...decisionProblems(body, expect)];

  const found = [...type, ...schemaProblems('BatchResponse', body)];
  const results = Array.isArray(body.results) ? (body.results as Json[]) : [];
  if (results.length !== expect.results.length)
    return [...found, `${results.length} results for ${expect.results.length} cases`];
  expect.results.forEach((wanted, i) => {
    const result = results[i]!;
    const own =
      wanted.kind === 'decision'
        ? 'status' in result
          ? [`a problem where a decision was due: ${JSON.stringify(result).slice(0, 300)}`]
          : decisionProblems(result, wanted)
        : 'status' in result
          ? problemProblems(result.status as number, result, wanted)
          : [`a ${String(result.outcome)} decision where a problem was due`];
    found.push(...own.map((text) => `cases/${i}: ${text}`));
  });
  return found;
}

// Every operation in openapi.yaml, asked as a client would (with and without a key, with a good and a bad
// request, and with a method the path does not take): each answer's status is one the operation documents, and
// its body validates against the schema documented for that status. The spec describes every answer. A problem's
// title is the one the spec's example gives for its status, and its instance the path asked.
import { createHash } from 'node:crypto';
import type { OpenAPIV3_1 } from 'openapi-types';
import request from 'supertest';
import { openapiDocument } from '../src/contract/openapi';
import { createApp } from '../src/http/app';
import { schemaErrors } from '../src/contract/schemaValidation';
import { silentLogger } from '../src/logger';
import { parseApiKeys } from '../src/services/apiKeys';
import { RuleService } from '../src/services/ruleService';
import { contractExampleCase } from './support/contractExample';
import { bundledRules, fixedToday } from './support/appSetup';

const sha = (key: string) => createHash('sha256').update(key).digest('hex');
const app = createApp({
  rules: new RuleService(bundledRules()),
  clock: { today: () => fixedToday },
  log: silentLogger,
  apiClients: parseApiKeys(`${sha('conformance-key')} conformance\n`),
});

// Before any rule pack is loaded: the API answers 503, and the spec must say so.
const notReady = createApp({
  rules: new RuleService(null),
  clock: { today: () => fixedToday },
  log: silentLogger,
});

type Operation = OpenAPIV3_1.OperationObject;
type ResponseObject = OpenAPIV3_1.ResponseObject;
const methods = ['get', 'post', 'put', 'delete', 'patch'] as const;

const operations = Object.entries(openapiDocument.paths ?? {}).flatMap(([path, item]) =>
  methods.filter((m) => item?.[m]).map((method) => ({ path, method, operation: item![method] as Operation })),
);

const refName = (ref: string) => ref.split('/').pop()!;

/** The documented response for a status, with `$ref`s to shared responses followed. */
function documented(operation: Operation, status: number): ResponseObject | undefined {
  const response = operation.responses?.[String(status)] as ResponseObject | OpenAPIV3_1.ReferenceObject;
  if (!response) return undefined;
  if ('$ref' in response)
    return openapiDocument.components!.responses![refName(response.$ref)] as ResponseObject;
  return response;
}

/** The path a request asked for, without its query: what a problem's `instance` must be. */
const pathAsked = (res: request.Response) => new URL(res.request.url).pathname;

/** A problem's title is the documented example's (the status's RFC 9110 phrase), and its instance the path. */
function problemConformance(media: OpenAPIV3_1.MediaTypeObject, res: request.Response): string[] {
  const found: string[] = [];
  const example = media.example as { title?: string } | undefined;
  if (example?.title === undefined) found.push(`no example problem documented for ${res.status}`);
  else if (res.body.title !== example.title)
    found.push(`title "${res.body.title}", documented "${example.title}"`);
  if (res.body.instance !== pathAsked(res))
    found.push(`instance ${res.body.instance}, asked ${pathAsked(res)}`);
  return found;
}

/** Whether the answer is documented for its status, and its JSON body valid against the documented schema. */
function conformance(operation: Operation, res: request.Response): string[] {
  const response = documented(operation, res.status);
  if (!response) return [`status ${res.status} is not documented for ${operation.operationId}`];
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
  const media = response.content?.[type];
  if (!media) return response.content ? [`content type ${type} is not documented for ${res.status}`] : [];
  const schema = media.schema as OpenAPIV3_1.ReferenceObject | undefined;
  if (!schema || !('$ref' in schema)) return [];
  const errors = schemaErrors(refName(schema.$ref), res.body).map((e) => `${e.pointer} ${e.message}`);
  return type === 'application/problem+json' ? [...errors, ...problemConformance(media, res)] : errors;
}

const batch = { cases: [{ authorityId: 'dartford', case: contractExampleCase }] };

/** The request as the method asks: a body only where there is one. */
function sendTo(target: typeof app, method: string, path: string, body?: unknown) {
  const call = request(target)[method as 'get'](path);
  return body === undefined ? call : call.send(body as object);
}

function send(method: string, path: string, key: boolean, body?: unknown) {
  const call = request(app)[method as 'get'](path);
  if (key) call.set('Authorization', 'Bearer conformance-key');
  return body === undefined ? call : call.send(body as object);
}

test.each(operations)(
  '$method $path: every answer is documented, with a valid body',
  async ({ path, method, operation }) => {
    const url = (authority: string) => path.replace('{authorityId}', authority);
    const body = path.endsWith('/batch') ? batch : method === 'post' ? contractExampleCase : undefined;
    const answers = [
      await send(method, url('dartford'), true, body),
      await send(method, `${url('dartford')}?pad=${'x'.repeat(3000)}`, true, body),
      await sendTo(notReady, method, url('dartford'), body),
      await send(method, url('dartford'), false, body),
      await send(method, url('atlantis'), true, body),
      ...(method === 'post'
        ? [
            await send(method, url('dartford'), true, { notAField: true }),
            await send(method, url('dartford'), true).set('content-type', 'text/plain').send('hello'),
            await send(method, url('dartford'), true, { ...(body as object), asOf: '1999-01-01' }),
            await send(method, url('dartford'), true, { cases: [], pad: 'x'.repeat(9 * 1024 * 1024) }),
          ]
        : []),
    ];
    expect(answers.some((res) => res.status < 400)).toBe(true);
    for (const res of answers) expect([res.status, conformance(operation, res)]).toEqual([res.status, []]);
  },
);

test.each(Object.keys(openapiDocument.paths ?? {}))(
  '%s asked with a method it does not take: 405 with Allow',
  async (path) => {
    const item = openapiDocument.paths![path]!;
    const taken = methods.filter((m) => item[m]).map((m) => m.toUpperCase());
    const wrong = methods.find((m) => !item[m])!;
    const res = await send(wrong, path.replace('{authorityId}', 'dartford'), true);
    expect(res.status).toBe(405);
    expect(
      String(res.headers.allow)
        .split(', ')
        .filter((m: string) => m !== 'HEAD'),
    ).toEqual(taken);
    expect(schemaErrors('Problem', res.body)).toEqual([]);
    expect(res.body).toMatchObject({ title: 'Method Not Allowed', instance: pathAsked(res) });
  },
);

/** Every example the spec gives for a response, with the schema it is an example of. */
const examples = operations.flatMap(({ path, method, operation }) =>
  Object.keys(operation.responses ?? {}).flatMap((status) => {
    const response = documented(operation, Number(status));
    return Object.entries(response?.content ?? {}).flatMap(([type, media]) => {
      const schema = media.schema as OpenAPIV3_1.ReferenceObject | undefined;
      return media.example !== undefined && schema && '$ref' in schema
        ? [
            {
              where: `${method} ${path} ${status} ${type}`,
              schema: refName(schema.$ref),
              example: media.example,
            },
          ]
        : [];
    });
  }),
);

test.each(examples)('the example of $where is a valid $schema', ({ schema, example }) => {
  expect(schemaErrors(schema, example)).toEqual([]);
});

test('the document keeps the OAS 3.1 default JSON Schema dialect, which Swagger UI shows without a warning', () => {
  const dialect = (openapiDocument as { jsonSchemaDialect?: string }).jsonSchemaDialect;
  expect([undefined, 'https://spec.openapis.org/oas/3.1/dialect/base']).toContain(dialect);
});

// Every example in openapi.yaml is valid against the schema it illustrates: the examples of media types,
// parameters and headers (inline, or `$ref`s to components/examples), and the `examples` (and `example`) of every
// schema, named and inline alike. Swagger UI shows them as what the service sends, so a wrong one misleads.
import type { OpenAPIV3_1 } from 'openapi-types';
import { openapiDocument } from '../src/contract/openapi';
import { validatorAt } from '../src/contract/schemaValidation';

type Json = Record<string, unknown>;

interface FoundExample {
  /** Where the example is, as a JSON pointer into openapi.yaml. */
  name: string;
  /** Where its schema is. */
  schema: string;
  value: unknown;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keywords whose value is a schema, a list of schemas, or a map of schemas. */
const subschema = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const subschemaLists = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const subschemaMaps = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/** Every example in a document, with the pointer of the schema it must be valid against. */
function examplesIn(document: OpenAPIV3_1.Document): {
  examples: FoundExample[];
  unusedComponentExamples: string[];
} {
  const examples: FoundExample[] = [];
  const componentExamples = (document.components?.examples ?? {}) as Record<string, Json>;
  const used = new Set<string>();

  function inSchema(schema: unknown, at: string): void {
    if (!isObject(schema)) return;
    if (Array.isArray(schema.examples))
      schema.examples.forEach((value, i) =>
        examples.push({ name: `${at}/examples/${i}`, schema: at, value }),
      );
    if ('example' in schema) examples.push({ name: `${at}/example`, schema: at, value: schema.example });
    for (const key of subschema) inSchema(schema[key], `${at}/${key}`);
    for (const key of subschemaLists)
      if (Array.isArray(schema[key]))
        (schema[key] as unknown[]).forEach((s, i) => inSchema(s, `${at}/${key}/${i}`));
    for (const key of subschemaMaps)
      if (isObject(schema[key]))
        for (const [name, s] of Object.entries(schema[key])) inSchema(s, `${at}/${key}/${escape(name)}`);
  }

  /** A media type, parameter or header: its own example(s), checked against its schema, and its schema's. */
  function withSchema(holder: unknown, at: string): void {
    if (!isObject(holder) || '$ref' in holder) return;
    const schema = `${at}/schema`;
    inSchema(holder.schema, schema);
    if ('example' in holder) examples.push({ name: `${at}/example`, schema, value: holder.example });
    for (const [key, example] of Object.entries(isObject(holder.examples) ? holder.examples : {})) {
      const name = `${at}/examples/${escape(key)}`;
      if (!isObject(example)) continue;
      const ref = typeof example.$ref === 'string' ? example.$ref : undefined;
      const target = ref?.startsWith('#/components/examples/')
        ? componentExamples[ref.slice('#/components/examples/'.length)]
        : ref
          ? undefined
          : example;
      if (ref) used.add(ref);
      if (!target) throw new Error(`${name}: ${ref} is not an example in components/examples`);
      if ('value' in target)
        examples.push({ name: ref ? `${name} (${ref})` : name, schema, value: target.value });
    }
  }

  const inContent = (content: unknown, at: string) => {
    if (isObject(content))
      for (const [type, media] of Object.entries(content)) withSchema(media, `${at}/content/${escape(type)}`);
  };
  const inHeaders = (headers: unknown, at: string) => {
    if (isObject(headers))
      for (const [name, header] of Object.entries(headers))
        withSchema(header, `${at}/headers/${escape(name)}`);
  };
  const inParameters = (parameters: unknown, at: string) => {
    if (Array.isArray(parameters)) parameters.forEach((p, i) => withSchema(p, `${at}/parameters/${i}`));
  };
  const inResponse = (response: unknown, at: string) => {
    if (!isObject(response) || '$ref' in response) return;
    inContent(response.content, at);
    inHeaders(response.headers, at);
  };

  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const at = `/paths/${escape(path)}`;
    inParameters(item?.parameters, at);
    for (const method of methods) {
      const operation = item?.[method] as Json | undefined;
      if (!operation) continue;
      inParameters(operation.parameters, `${at}/${method}`);
      const body = operation.requestBody;
      if (isObject(body) && !('$ref' in body)) inContent(body.content, `${at}/${method}/requestBody`);
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Json))
        inResponse(response, `${at}/${method}/responses/${escape(status)}`);
    }
  }
  const components = (document.components ?? {}) as Json;
  const each = (section: string) => Object.entries(isObject(components[section]) ? components[section] : {});
  for (const [name, schema] of each('schemas')) inSchema(schema, `/components/schemas/${escape(name)}`);
  for (const [name, response] of each('responses'))
    inResponse(response, `/components/responses/${escape(name)}`);
  for (const [name, parameter] of each('parameters'))
    withSchema(parameter, `/components/parameters/${escape(name)}`);
  for (const [name, header] of each('headers')) withSchema(header, `/components/headers/${escape(name)}`);
  for (const [name, body] of each('requestBodies'))
    if (isObject(body)) inContent(body.content, `/components/requestBodies/${escape(name)}`);

  const unusedComponentExamples = Object.keys(componentExamples)
    .map((name) => `#/components/examples/${escape(name)}`)
    .filter((ref) => !used.has(ref));
  return { examples, unusedComponentExamples };
}

/** How a value breaks the schema at a pointer: [] when it is valid. */
function errorsOf({ schema, value }: FoundExample): string[] {
  const validate = validatorAt(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is not valid'}`);
}

const { examples, unusedComponentExamples } = examplesIn(openapiDocument);

test('the walk finds the examples of media types, parameters and schemas alike', () => {
  const names = examples.map((e) => e.name);
  expect(names).toContain(
    '/paths/~1v1~1decisions~1batch/post/responses/200/content/application~1json/example',
  );
  expect(names).toContain(
    '/paths/~1v1~1authorities~1{authorityId}~1decisions/post/requestBody/content/application~1json/example',
  );
  expect(names).toContain('/components/responses/NotFound/content/application~1problem+json/example');
  expect(names).toContain('/components/parameters/AuthorityId/schema/examples/0');
  expect(names).toContain('/components/schemas/Case/properties/asOf/examples/0');
  expect(names).toContain(
    '/paths/~1healthz/get/responses/200/content/application~1json/schema/properties/status/examples/0',
  );
  expect(examples.length).toBeGreaterThan(30);
});

test.each(examples.map((example) => [example.name, example] as const))('%s is valid', (_name, example) => {
  expect(errorsOf(example)).toEqual([]);
});

test('every component example is used where a schema says what it must be', () => {
  expect(unusedComponentExamples).toEqual([]);
});

test('an example that breaks its schema is caught, and named', () => {
  const broken = structuredClone(openapiDocument);
  const notFound = broken.components!.responses!.NotFound as OpenAPIV3_1.ResponseObject;
  (notFound.content!['application/problem+json']!.example as Json).status = '404';
  const wrong = examplesIn(broken).examples.filter((e) => errorsOf(e).length);
  expect(wrong.map((e) => [e.name, errorsOf(e)])).toEqual([
    ['/components/responses/NotFound/content/application~1problem+json/example', ['/status must be integer']],
  ]);
});

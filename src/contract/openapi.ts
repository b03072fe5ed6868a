// openapi.yaml is the one source of truth for request validation, the docs and the API types.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { openapiJson } from '../generated/openapiJson';
import { projectRoot } from './projectRoot';

export const openapiPath = path.join(projectRoot(), 'openapi.yaml');
export const openapiText = readFileSync(openapiPath, 'utf8');
// As JSON, converted by `npm run gen:types`: parsing the YAML was a large part of start-up.
export const openapiDocument = JSON.parse(openapiJson) as OpenAPIV3_1.Document;

export type JsonSchema = Record<string, unknown>;

export function componentSchema(name: string): JsonSchema {
  const schema = openapiDocument.components?.schemas?.[name];
  if (!schema) throw new Error(`openapi.yaml has no schema ${name}`);
  return schema as JsonSchema;
}

/** Follows a local `$ref` (`#/components/schemas/X`) to its schema. */
export function resolveSchema(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return resolveSchema(componentSchema(ref.replace('#/components/schemas/', '')));
}

// Schema validation of rule packs with ajv, against rules/schema/pack.schema.json.
import Ajv, { type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../contract/projectRoot';
import type { RulePack } from '../generated/pack';
import type { PackProblem } from './problems';

export const packSchemaPath = path.join(projectRoot(), 'rules', 'schema', 'pack.schema.json');
const packSchema = JSON.parse(readFileSync(packSchemaPath, 'utf8')) as object;

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
const validate = ajv.compile<RulePack>(packSchema);

function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.split('/').slice(1).join(' › ') : 'the pack';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has a field "${String(error.params.additionalProperty)}" that is not allowed here`;
    case 'required':
      return `${where} is missing the field "${String(error.params.missingProperty)}"`;
    case 'enum':
      return `${where} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}

/** The most useful errors first: anyOf/oneOf noise is dropped when a more specific error exists. */
export function validatePackSchema(value: unknown, file: string): PackProblem[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  return (specific.length ? specific : errors).slice(0, 50).map((error) => ({
    file,
    pointer: error.instancePath,
    message: describe(error),
    severity: 'error' as const,
  }));
}

export const isRulePack = (value: unknown): value is RulePack => validate(value);

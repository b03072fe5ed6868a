// Request and response validation against the schemas in openapi.yaml (one source of truth).
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openapiDocument } from '../contract/openapi';
import { escapePointer } from './middleware/setUpLimits';
import type { ProblemError } from './problem';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi.json', components: openapiDocument.components });

const validators = new Map<string, ValidateFunction>();

/** A named component schema, or a JSON pointer below one (e.g. `BatchRequest/properties/cases/items`). */
export function validatorFor(schemaName: string): ValidateFunction {
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = ajv.getSchema(`openapi.json#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`openapi.yaml has no schema ${schemaName}`);
    validators.set(schemaName, validate);
  }
  return validate;
}

function describe(error: ErrorObject): ProblemError {
  const pointer = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties':
      return {
        pointer: `${pointer}/${escapePointer(String(error.params.additionalProperty))}`,
        message: `"${String(error.params.additionalProperty)}" is not a field of this object`,
      };
    case 'required':
      return { pointer, message: `"${String(error.params.missingProperty)}" is required` };
    case 'enum':
      return { pointer, message: `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}` };
    default:
      return { pointer, message: error.message ?? 'is not valid' };
  }
}

/** The errors of a value against a named schema, or [] when it is valid. Duplicates are merged. */
export function schemaErrors(schemaName: string, value: unknown, prefix = ''): ProblemError[] {
  const validate = validatorFor(schemaName);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const errors: ProblemError[] = [];
  for (const error of (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf')) {
    const described = describe(error);
    const item = { pointer: prefix + described.pointer, message: described.message };
    const key = `${item.pointer} ${item.message}`;
    if (!seen.has(key) && errors.length < 50) errors.push(item);
    seen.add(key);
  }
  return errors;
}

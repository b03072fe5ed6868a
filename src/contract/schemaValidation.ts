// Validation against the schemas in openapi.yaml (one source of truth): of requests and responses by the API,
// and of cases wherever else they arrive (the staff form, scenario suites, caseload files).
import type { ErrorObject, ValidateFunction } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020';
import { validators as generated } from '../generated/contractValidators';
import type { Problem } from './apiTypes';
import { escapeSegment } from './jsonPointer';
import { openapiDocument } from './openapi';

/** A field the value breaks, by JSON pointer, and how, as the API's problem details list it. */
export type ProblemError = NonNullable<Problem['errors']>[number];

// The schemas the service checks requests against are generated as code by `npm run gen:types`, as compiling
// them was a large part of start-up; any other (a test's, say) is compiled on first use.
const validators = new Map(Object.entries(generated as unknown as Record<string, ValidateFunction>));

let ajv: Ajv2020 | undefined;
/** ajv over openapi.yaml, with the options scripts/generate-types.mjs generates the request validators with. */
function compiler(): Ajv2020 {
  if (ajv) return ajv;
  /* eslint-disable @typescript-eslint/no-require-imports -- the compiler loads only when a schema not generated is asked for */
  const Ajv = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
  const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The paths too, so that a schema written inline in an operation can be checked (validatorAt).
  ajv.addSchema({
    $id: 'openapi.json',
    components: openapiDocument.components,
    paths: openapiDocument.paths,
  });
  return ajv;
}

/**
 * The schema at a JSON pointer anywhere in openapi.yaml's components or paths (e.g.
 * `/paths/~1healthz/get/responses/200/content/application~1json/schema`), with its `$ref`s followed.
 */
export function validatorAt(pointer: string): ValidateFunction {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = compiler().getSchema(`openapi.json#${pointer.split('/').map(encodeURIComponent).join('/')}`);
    if (!validate) throw new Error(`openapi.yaml has no schema at ${pointer}`);
    validators.set(pointer, validate);
  }
  return validate;
}

/** A named component schema, or a JSON pointer below one (e.g. `BatchRequest/properties/cases/items`). */
export function validatorFor(schemaName: string): ValidateFunction {
  let validate = validators.get(schemaName);
  if (!validate) {
    validate = compiler().getSchema(`openapi.json#/components/schemas/${schemaName}`);
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
        pointer: `${pointer}/${escapeSegment(String(error.params.additionalProperty))}`,
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

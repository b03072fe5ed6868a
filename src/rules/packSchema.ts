// Schema validation of rule packs with ajv, against rules/schema/pack.schema.json, in words a policy officer can
// act on: a misspelt name or value comes with the nearest one the schema allows.
import type { ErrorObject, ValidateFunction } from 'ajv';
import path from 'node:path';
import { locate, pointerInWords } from './problemLocation';
import { projectRoot } from '../contract/projectRoot';
import type { RulePack } from '../generated/pack';
import { validate as generatedValidate } from '../generated/packValidator';
import { factCatalogue } from './factCatalogue';
import { pointerOf, type PackProblem } from './problems';
import { didYouMean } from './suggestions';

export const packSchemaPath = path.join(projectRoot(), 'rules', 'schema', 'pack.schema.json');
// ajv's validator for the schema, generated as code by `npm run gen:types` (compiling the schema took longer
// than the rest of a CLI start); verbose, so each error carries the value found and the schema it broke.
const validate = generatedValidate as ValidateFunction<RulePack>;

/**
 * The field a problem is about, below the row or table a report names as its place (`then › to`); empty
 * elsewhere, where the report's place is the field itself.
 */
const fieldBelowPlace = (pointer: string) =>
  pointer.startsWith('/tables/') ? pointerInWords(pointer.replace(/^\/tables\/[^/]+(\/rows\/\d+)?/, '')) : '';

const typeWords: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list in [ ]',
  object: 'a group of fields in { }',
  null: 'null',
};

const patternWords: Record<string, string> = {
  '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': 'must be lower-case words joined by hyphens, e.g. "private-rented"',
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'must be lower-case words joined by hyphens, e.g. "private-rented"',
  '^[0-9A-Za-z.+-]{1,40}$': 'must be letters, digits, ".", "+" or "-" (at most 40), e.g. "2026.1"',
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$':
    'must be a date written YYYY-MM-DD, e.g. "2026-04-01"',
};

const isFactPath = (error: ErrorObject) => error.schemaPath.includes('/definitions/factPath/');
const unknownFact = (name: string) =>
  `"${name}" is not a fact the API knows${didYouMean(name, factCatalogue.keys())}`;

/** The field names allowed where an additionalProperties error arose. */
const allowedFields = (error: ErrorObject) =>
  Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});

function enumMessage(error: ErrorObject): string {
  const allowed = (error.params.allowedValues as unknown[]).map(String);
  const found = typeof error.data === 'string' ? `"${error.data}"` : JSON.stringify(error.data);
  const near = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
  return `${found} is not one of: ${allowed.join(', ')}${near}`;
}

/** What is wrong, without where: the report puts the place first. */
function whatIsWrong(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      return `the field "${field}" is not allowed here${didYouMean(field, allowedFields(error))}`;
    }
    case 'required':
      return `the field "${String(error.params.missingProperty)}" is missing`;
    case 'enum':
      return enumMessage(error);
    case 'const':
      return `must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'type':
      return `must be ${typeWords[String(error.params.type)] ?? String(error.params.type)}`;
    case 'pattern':
      if (isFactPath(error)) return unknownFact(String(error.data));
      return patternWords[String(error.params.pattern)] ?? error.message ?? 'is not valid';
    default:
      return error.message ?? 'is not valid';
  }
}

function describe(error: ErrorObject): string {
  // A condition's fact name is its own place: it is named in the message.
  if (error.keyword === 'propertyNames') return unknownFact(String(error.params.propertyName));
  const field = fieldBelowPlace(error.instancePath);
  return field ? `${field}: ${whatIsWrong(error)}` : whatIsWrong(error);
}

/** A misspelt condition is one problem, at the fact's name, not also a pattern error at its conditions. */
const pointerOfError = (error: ErrorObject) =>
  error.keyword === 'propertyNames'
    ? `${error.instancePath}${pointerOf(String(error.params.propertyName))}`
    : error.instancePath;

/** The value as a pack, or else the problems that say why it is not one: a single validation either way. */
export function checkPackSchema(
  value: unknown,
  file: string,
): { pack: RulePack } | { problems: PackProblem[] } {
  return validate(value) ? { pack: value } : { problems: problemsOf(validate.errors ?? [], value, file) };
}

/** The most useful errors first: anyOf/oneOf noise is dropped when a more specific error exists. */
function problemsOf(all: ErrorObject[], value: unknown, file: string): PackProblem[] {
  const errors = all.filter((e) => e.propertyName === undefined);
  const specific = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  return (specific.length ? specific : errors)
    .slice(0, 50)
    .map((error) =>
      locate(
        { file, pointer: pointerOfError(error), message: describe(error), severity: 'error' as const },
        value,
      ),
    );
}

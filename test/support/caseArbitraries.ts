// fast-check arbitraries for valid cases, derived from the Case schema in openapi.yaml so that a new field or
// vocabulary value is generated without editing this file: any valid case, cases near known ones, and cases an
// authority's rules can decide. The fuzzer's requests (test/support/fuzz/requests.ts) are built on these.
import fc from 'fast-check';
import type { Case } from '../../src/contract/apiTypes';
import { componentSchema, resolveSchema, type JsonSchema } from '../../src/contract/openapi';

// ---------------------------------------------------------------------------------------------------------------
// The Case schema as places to put values
// ---------------------------------------------------------------------------------------------------------------

/** A place in a Case: its JSON pointer, the keys that lead to it, and its resolved schema. */
export interface Location {
  readonly pointer: string;
  readonly path: readonly string[];
  readonly schema: JsonSchema;
}

/** RFC 6901: `~` and `/` in a key are written `~0` and `~1` in a pointer. */
export const pointerToken = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const pointerOf = (path: readonly string[]) => path.map((key) => `/${pointerToken(key)}`).join('');

// Keywords the generators understand. Any other keyword in the Case schema could make a "valid" value invalid,
// so it stops the fuzzing with a message instead of silently generating wrong cases.
const understood = new Set([
  ...['$ref', 'type', 'enum', 'properties', 'additionalProperties', 'required', 'items', 'maxItems'],
  ...['uniqueItems', 'minimum', 'maximum', 'format', 'title', 'description', 'examples'],
]);

/** The schema resolved, or an error if it uses a keyword the generators do not understand. */
export function checked(schema: JsonSchema, path: readonly string[]): JsonSchema {
  const resolved = resolveSchema(schema);
  const unknown = Object.keys(resolved).filter((keyword) => !understood.has(keyword));
  const format = resolved.format;
  if (unknown.length || typeof resolved.type !== 'string' || (format !== undefined && format !== 'date')) {
    throw new Error(
      `arbitraries: cannot generate ${pointerOf(path) || 'the case'}: ${JSON.stringify(resolved)}`,
    );
  }
  return resolved;
}

export const propertiesOf = (schema: JsonSchema) => (schema.properties ?? {}) as Record<string, JsonSchema>;

function locationsIn(schema: JsonSchema, path: readonly string[]): Location[] {
  const resolved = checked(schema, path);
  const here: Location = { pointer: pointerOf(path), path, schema: resolved };
  const inner = Object.entries(propertiesOf(resolved)).flatMap(([key, sub]) =>
    locationsIn(sub, [...path, key]),
  );
  return [here, ...inner];
}

/** Every place in a Case, the whole case first. */
export const caseLocations: readonly Location[] = locationsIn(componentSchema('Case'), []);
export const objectLocations = caseLocations.filter((l) => l.schema.type === 'object');
export const valueLocations = caseLocations.filter((l) => l.path.length > 0);
export const leafLocations = caseLocations.filter((l) => l.schema.type !== 'object');

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `target` with `value` at `path` (parents created as needed); the whole value for an empty path. */
export function setAt(target: unknown, path: readonly string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const object = isObject(target) ? target : {};
  // A computed key makes an own property even for "__proto__", so nothing here can touch a prototype.
  return { ...object, [key]: setAt(object[key], rest, value) };
}

function withoutAt(target: unknown, path: readonly string[]): unknown {
  const [key, ...rest] = path;
  if (key === undefined || !isObject(target) || !Object.hasOwn(target, key)) return target;
  if (rest.length) return { ...target, [key]: withoutAt(target[key], rest) };
  const { [key]: _dropped, ...others } = target;
  return others;
}

// ---------------------------------------------------------------------------------------------------------------
// Valid cases
// ---------------------------------------------------------------------------------------------------------------

const dayMs = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / dayMs);
const isoDate = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

/** ISO dates from `from` to `to`, both included. */
export const dateBetween = (from: string, to: string) =>
  fc.integer({ min: dayNumber(from), max: dayNumber(to) }).map(isoDate);

const anyDate = dateBetween('2000-01-01', '2099-12-31');

/** Arbitraries to use instead of the schema's, by JSON pointer (e.g. `/asOf`). */
export type Overrides = Readonly<Record<string, fc.Arbitrary<unknown>>>;

/** Any value the schema at `path` allows, or the override for that place. */
export function validValue(
  schema: JsonSchema,
  path: readonly string[],
  overrides: Overrides,
): fc.Arbitrary<unknown> {
  const override = overrides[pointerOf(path)];
  if (override) return override;
  const s = checked(schema, path);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const min = typeof s.minimum === 'number' ? s.minimum : -1e9;
  const max = typeof s.maximum === 'number' ? s.maximum : 1e9;
  switch (s.type) {
    case 'object': {
      const properties = Object.entries(propertiesOf(s));
      const model = Object.fromEntries(
        properties.map(([key, sub]) => [key, validValue(sub, [...path, key], overrides)]),
      );
      return fc.record(model, { requiredKeys: (s.required ?? []) as string[] });
    }
    case 'array': {
      const items = checked(s.items as JsonSchema, [...path, '0']);
      const item = validValue(items, [...path, '0'], overrides);
      const distinct = s.uniqueItems && Array.isArray(items.enum) ? items.enum.length : Infinity;
      const maxLength = Math.min(typeof s.maxItems === 'number' ? s.maxItems : 10, distinct);
      return s.uniqueItems ? fc.uniqueArray(item, { maxLength }) : fc.array(item, { maxLength });
    }
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min, max });
    case 'number':
      return fc.oneof(
        fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      );
    case 'string':
      return anyDate; // `checked` allows no other string than a date
  }
  throw new Error(`arbitraries: no generator for type ${String(s.type)} at ${pointerOf(path)}`);
}

/** Any valid Case: every field optional, every value from the schema's own domain. */
export const validCase = (overrides: Overrides = {}) =>
  validValue(componentSchema('Case'), [], overrides) as fc.Arbitrary<Case>;

/**
 * One of some known cases with up to three of its facts changed or dropped. Random cases rarely meet every
 * criterion; cases near a scenario's reach the outcomes (eligible, refer-to-landlord) that random ones rarely do.
 */
export function caseNear(seeds: readonly Case[], overrides: Overrides = {}): fc.Arbitrary<Case> {
  const changes = leafLocations
    .filter((l) => l.path.length > 0)
    .map((l) =>
      fc.option(validValue(l.schema, l.path, overrides), { nil: undefined }).map((v) => [l, v] as const),
    );
  const changed = fc.subarray(changes, { maxLength: 3 }).chain((chosen) => fc.tuple(...chosen));
  return fc
    .tuple(fc.constantFrom(...seeds), changed)
    .map(
      ([seed, picked]) =>
        picked.reduce<unknown>(
          (c, [location, value]) =>
            value === undefined ? withoutAt(c, location.path) : setAt(c, location.path, value),
          seed,
        ) as Case,
    );
}

// ---------------------------------------------------------------------------------------------------------------
// Cases an authority's rules can decide
// ---------------------------------------------------------------------------------------------------------------

export interface PackDates {
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** An authority as the generators see it: when its packs are in force, and cases known to be valid there. */
export interface AuthorityInfo {
  id: string;
  /** The effective dates of each loaded version of its pack. */
  versions: readonly PackDates[];
  /** Known valid cases to vary (its scenario suite), so that generated cases reach every outcome. */
  seeds: readonly Case[];
}

const inForce = (versions: readonly PackDates[], date: string) =>
  versions.some((v) => v.effectiveFrom <= date && date <= (v.effectiveTo ?? '9999-12-31'));

/** A date on which one of the versions is in force. */
export const asOfInForce = (versions: readonly PackDates[]) =>
  fc.oneof(...versions.map((v) => dateBetween(v.effectiveFrom, v.effectiveTo ?? '2099-12-31')));

/** A valid case that the authority's rules can decide: random, or near one of its seeds. */
export function caseFor(authority: AuthorityInfo, today: string): fc.Arbitrary<Case> {
  const overrides = { '/asOf': asOfInForce(authority.versions) };
  const random = validCase(overrides);
  const cases = authority.seeds.length ? fc.oneof(random, caseNear(authority.seeds, overrides)) : random;
  // Without asOf the rules in force today apply: give a date when there are none today.
  const fallback = authority.versions[0]!.effectiveFrom;
  return cases.map((c) => (c.asOf || inForce(authority.versions, today) ? c : { ...c, asOf: fallback }));
}

/** A date before any of the authority's packs is in force. */
export function dateBefore(authority: AuthorityInfo): fc.Arbitrary<string> {
  const earliest = authority.versions.map((v) => v.effectiveFrom).sort()[0]!;
  return dateBetween('1900-01-01', isoDate(dayNumber(earliest) - 1));
}

// The fuzzer's requests to the decision API, and what the API must answer each: valid cases, and the families of
// bad input it must refuse with problem+json: wrong types, out-of-range values, unknown keys, prototype keys, deep
// nesting, huge strings and arrays, invalid UTF-8, truncated JSON, wrong content types, empty and oversized
// bodies, unknown authorities and dates with no rules in force, and batches that mix all of these.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { Case } from '../../../src/contract/apiTypes';
import type { JsonSchema } from '../../../src/contract/openapi';
import {
  caseFor,
  caseLocations,
  checked,
  dateBefore,
  leafLocations,
  objectLocations,
  pointerToken,
  propertiesOf,
  setAt,
  validValue,
  valueLocations,
  type Location,
} from '../caseArbitraries';
import type { FuzzWorld } from './world';

export const families = [
  'valid',
  'wrong-type',
  'out-of-range',
  'unknown-key',
  'prototype-key',
  'deep-nesting',
  'huge-string',
  'huge-array',
  'invalid-utf8',
  'truncated-json',
  'not-json',
  'wrong-content-type',
  'content-encoding',
  'empty-body',
  'oversized',
  'unknown-authority',
  'as-of-not-in-force',
  'batch',
] as const;
export type Family = (typeof families)[number];

/** What a problem answer must carry. */
export interface ProblemExpectation {
  kind: 'problem';
  statuses: readonly number[];
  /** A pointer one of `errors` must have exactly. */
  pointer?: string;
  /** A pointer that one of `errors` must have or lie under. */
  within?: string;
  /** The problem is about the body's content, so a 400 must list errors with pointers. */
  aboutBody: boolean;
}

export interface DecisionExpectation {
  kind: 'decision';
  authorityId: string;
  /** The date the decision must say it applied. */
  asOf: string;
}

export type Expectation =
  | DecisionExpectation
  | ProblemExpectation
  | { kind: 'batch'; results: readonly (DecisionExpectation | ProblemExpectation)[] };

export interface FuzzRequest {
  family: Family;
  path: string;
  headers: Readonly<Record<string, string>>;
  /** null: no body at all. */
  body: Buffer | null;
  expect: Expectation;
}

/** Set on Object.prototype by a request that managed to pollute it (a request never should). */
export const pollutionMarker = 'fuzzPolluted';

const decisionsPath = (authorityId: string) => `/v1/authorities/${authorityId}/decisions`;
const json = { 'content-type': 'application/json' };
const problemOf = (statuses: number[], rest: Partial<ProblemExpectation> = {}): ProblemExpectation => ({
  kind: 'problem',
  statuses,
  aboutBody: true,
  ...rest,
});
const tooLarge = problemOf([413], { aboutBody: false });

/** A case (or any body) sent to one authority as JSON; a body over the limit must get 413 whatever it holds. */
function post(
  world: FuzzWorld,
  family: Family,
  authorityId: string,
  body: string | Buffer,
  expect: Expectation,
): FuzzRequest {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const tooBig = bytes.length > world.limits.single;
  return {
    family,
    path: decisionsPath(authorityId),
    headers: json,
    body: bytes,
    expect: tooBig ? tooLarge : expect,
  };
}

/** Any code point, lone surrogates included (fast-check's own 'binary' unit takes seconds to set up). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

// Small JSON values of each JSON type, to put where another type belongs.
const smallJson = fc.jsonValue({ maxDepth: 2 });
const jsonOfType: Record<string, fc.Arbitrary<unknown>> = {
  object: fc.dictionary(fc.string({ maxLength: 8 }), smallJson, { maxKeys: 3 }),
  array: fc.array(smallJson, { maxLength: 4 }),
  string: fc.string({ maxLength: 12 }),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  null: fc.constant(null),
};

const jsonTypeOf = (schema: JsonSchema) => (schema.type === 'integer' ? 'number' : String(schema.type));

interface BadValue {
  value: unknown;
  /** Where the API must say the error is. */
  pointer: string;
}

function wrongType(location: Location): fc.Arbitrary<BadValue> {
  const own = jsonTypeOf(location.schema);
  const others = Object.entries(jsonOfType).filter(([type]) => type !== own);
  return fc
    .oneof(...others.map(([, arbitrary]) => arbitrary))
    .map((value) => ({ value, pointer: location.pointer }));
}

const impossibleDates = [
  ...[
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '0000-00-00',
    '2026-1-1',
    '20261124',
  ],
  ...['24/11/2026', '2026/11/24', '2026-11-24T00:00:00Z', ' 2026-11-24', '2026-11-24 ', '+02026-11-24', ''],
];

/** Values of the right JSON type (or easily mistaken for it) outside the field's domain. */
function outOfRange(location: Location): fc.Arbitrary<BadValue> | null {
  const { schema, pointer, path } = location;
  const at = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => ({ value, pointer }));
  if (Array.isArray(schema.enum)) {
    const allowed = schema.enum as string[];
    const nearMisses = fc
      .constantFrom(...allowed)
      .chain((v) =>
        fc.constantFrom(v.toUpperCase(), ` ${v}`, `${v} `, v.slice(0, -1), `${v}s`, v.replace(/-/g, '_')),
      );
    return at(fc.oneof(nearMisses, fc.string({ maxLength: 20 })).filter((v) => !allowed.includes(v)));
  }
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  switch (schema.type) {
    case 'boolean':
      return at(fc.constantFrom('true', 'false', 0, 1, 'yes', 'no'));
    case 'integer':
    case 'number': {
      const outside: fc.Arbitrary<unknown>[] = [fc.constantFrom(1e300, -1e300)];
      const d = { noNaN: true, noDefaultInfinity: true };
      // -0 is below 0 to fast-check, but JSON writes it as 0.
      const below = fc.double({ ...d, max: min ?? 0, maxExcluded: true, min: (min ?? 0) - 1e6 });
      if (min !== undefined) outside.push(below.filter((v) => !Object.is(v, -0)));
      if (max !== undefined) outside.push(fc.double({ ...d, min: max, minExcluded: true, max: max + 1e6 }));
      if (schema.type === 'integer')
        outside.push(fc.integer({ min: min ?? 0, max: (max ?? 100) - 1 }).map((v) => v + 0.5));
      return at(fc.oneof(...outside));
    }
    case 'string':
      return at(
        fc.oneof(
          fc.constantFrom(...impossibleDates),
          fc.string({ maxLength: 12 }).filter((v) => !/^\d{4}-\d\d-\d\d$/.test(v)),
        ),
      );
    case 'array': {
      const items = checked(schema.items as JsonSchema, [...path, '0']);
      const item = validValue(items, [...path, '0'], {});
      const list = validValue(schema, path, {}) as fc.Arbitrary<unknown[]>;
      const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : undefined;
      const badItem = fc
        .tuple(
          list,
          fc.oneof(outOfRange({ ...location, schema: items })!, wrongType({ ...location, schema: items })),
          fc.nat(),
        )
        .map(([values, bad, n]) => {
          const index = n % (values.length + 1);
          return {
            value: [...values.slice(0, index), bad.value, ...values.slice(index)],
            pointer: `${pointer}/${index}`,
          };
        });
      const variants: fc.Arbitrary<BadValue>[] = [badItem];
      if (schema.uniqueItems)
        variants.push(at(fc.tuple(item, list).map(([repeated, values]) => [...values, repeated, repeated])));
      if (maxItems !== undefined)
        variants.push(at(fc.array(item, { minLength: maxItems + 1, maxLength: maxItems + 20 })));
      return fc.oneof(...variants);
    }
  }
  return null; // objects go wrong by their keys (unknown-key)
}

// Raw JSON text goes where a JS object cannot carry it (a "__proto__" key, a 10,000-deep array): the case is
// serialised with a unique slot, and the slot replaced by the text.
const slot = 'fuzz-slot-5d1c0e';

function withRawValue(c: Case, path: readonly string[], raw: string): string {
  if (!path.length) return raw;
  // A function replacement, so that "$&" and the like in `raw` stay as they are.
  return JSON.stringify(setAt(c, path, slot)).replace(`"${slot}"`, () => raw);
}

function withRawMember(c: Case, path: readonly string[], rawKey: string, raw: string): string {
  return JSON.stringify(setAt(c, [...path, slot], slot)).replace(
    `"${slot}":"${slot}"`,
    () => `${rawKey}:${raw}`,
  );
}

const oddKeys = [
  ...['', ' ', '/', '~', 'a/b', 'a~b', '~0', '~1', '0', 'null', '$ref', 'toString', 'hasOwnProperty'],
  ...['valueOf', '__defineGetter__', 'constructor', 'prototype', 'isPrototypeOf'],
];

/** Keys that are not fields of the object at `location`: random, odd, and near misses of its own keys. */
function unknownKey(location: Location): fc.Arbitrary<string> {
  const own = Object.keys(propertiesOf(location.schema));
  const nearMisses = own.flatMap((k) => [k.toLowerCase(), k.toUpperCase(), `${k} `, `${k}s`, k.slice(1)]);
  return fc
    .oneof(
      fc.string({ maxLength: 16 }),
      fc.string({ unit: anyCodePoint, maxLength: 8 }),
      fc.constantFrom(...oddKeys, ...nearMisses),
    )
    .filter((key) => !own.includes(key) && key !== '__proto__');
}

const prototypeValues = [
  `{"${pollutionMarker}":true}`,
  `{"prototype":{"${pollutionMarker}":true}}`,
  `{"__proto__":{"${pollutionMarker}":true}}`,
  `{"constructor":{"prototype":{"${pollutionMarker}":true}}}`,
  '{"toString":1,"valueOf":1,"hasOwnProperty":1}',
  ...['null', '[]', '"x"', '1'],
];

function nested(kind: 'array' | 'object' | 'mixed', depth: number, closed: boolean): string {
  const open = { array: '[', object: '{"a":', mixed: '[{"a":' }[kind];
  const close = { array: ']', object: '}', mixed: '}]' }[kind];
  const centre = kind === 'array' ? '' : '1';
  const levels = kind === 'mixed' ? Math.ceil(depth / 2) : depth;
  return open.repeat(levels) + (closed ? centre + close.repeat(levels) : '');
}

const invalidUtf8 = [
  [0xff],
  [0xfe],
  [0x80],
  [0xc3],
  [0xc0, 0x80],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

const notJson = [
  ...["{'harm':{}}", '{harm:{}}', '{"harm":{},}', '{"harm":{}} x', '{"a":NaN}', '{"a":Infinity}', '{"a":01}'],
  ...['{"a":0x10}', '{"a":undefined}', '{/*c*/}', '{"a":+1}', '{"a":"\\x41"}', 'nul', 'tru', '"case"', '42'],
  ...['{"a" 1}', '{,}', '{"a":1 "b":2}', '{"a":"\u0001"}'],
];

const wrongContentTypes = [
  ...['text/plain', 'text/json', 'text/html', 'application/xml', 'application/octet-stream'],
  ...['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/vnd.api+json'],
  ...['application/problem+json', 'application/jsonl', 'application/json5', 'application/json-patch+json'],
  ...[
    'application/json; charset=latin1',
    'application/json; charset=iso-8859-1',
    'application/json; charset=ascii',
  ],
  ...['image/png', '*/*', 'application/*'],
];

// A small body that inflates past any limit: built once, it takes a while.
let bomb: Buffer | undefined;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20)));

/** Every family of request, each an arbitrary of its own. */
export function requestFamilies(world: FuzzWorld): Record<Family, fc.Arbitrary<FuzzRequest>> {
  const { authorities, today } = world;
  const loaded = new Set(authorities.map((a) => a.id));
  const subjects = authorities.map((a) => caseFor(a, today).map((c) => ({ authorityId: a.id, case: c })));
  const subject = fc.oneof(...subjects);
  const decided = (authorityId: string, c: Case): DecisionExpectation => ({
    kind: 'decision',
    authorityId,
    asOf: c.asOf ?? today,
  });
  const valid = subject.map((s) =>
    post(world, 'valid', s.authorityId, JSON.stringify(s.case), decided(s.authorityId, s.case)),
  );

  // One wrong value somewhere in a valid case: the error must point at it.
  const mutation = (family: Family, bad: (l: Location) => fc.Arbitrary<BadValue> | null) =>
    fc.oneof(
      ...caseLocations.flatMap((location) => {
        const values = bad(location);
        if (!values) return [];
        return [
          fc
            .tuple(subject, values)
            .map(([s, v]) =>
              post(
                world,
                family,
                s.authorityId,
                JSON.stringify(setAt(s.case, location.path, v.value)),
                problemOf([400], { pointer: v.pointer }),
              ),
            ),
        ];
      }),
    );

  const unknownKeys = fc.oneof(
    ...objectLocations.map((location) =>
      fc.tuple(subject, unknownKey(location), smallJson).map(([s, key, value]) => {
        const body = JSON.stringify(setAt(s.case, [...location.path, key], value));
        return post(
          world,
          'unknown-key',
          s.authorityId,
          body,
          problemOf([400], { pointer: `${location.pointer}/${pointerToken(key)}` }),
        );
      }),
    ),
  );

  const prototypeKeys = fc
    .tuple(
      subject,
      fc.constantFrom(...objectLocations),
      fc.constantFrom('__proto__', 'constructor', 'prototype'),
      fc.constantFrom(...prototypeValues),
    )
    .map(([s, location, key, raw]) =>
      post(
        world,
        'prototype-key',
        s.authorityId,
        withRawMember(s.case, location.path, `"${key}"`, raw),
        problemOf([400], { pointer: `${location.pointer}/${key}` }),
      ),
    );

  const deepNesting = fc
    .tuple(
      subject,
      fc.constantFrom(...caseLocations),
      fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array' | 'object' | 'mixed'>,
      fc.integer({ min: 3, max: 30_000 }),
      fc.boolean(),
    )
    .map(([s, location, kind, depth, closed]) =>
      post(
        world,
        'deep-nesting',
        s.authorityId,
        withRawValue(s.case, location.path, nested(kind, depth, closed)),
        problemOf([400]),
      ),
    );

  const hugeText = fc
    .tuple(
      fc.string({
        unit: fc.oneof(fc.constant('a'), anyCodePoint),
        minLength: 1,
        maxLength: 4,
      }),
      fc.integer({ min: 1_000, max: 80_000 }),
    )
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
  const hugeStrings = fc.oneof(
    fc
      .tuple(subject, fc.constantFrom(...caseLocations), hugeText)
      .map(([s, location, text]) =>
        post(
          world,
          'huge-string',
          s.authorityId,
          JSON.stringify(setAt(s.case, location.path, text)),
          problemOf([400], { within: location.pointer }),
        ),
      ),
    fc
      .tuple(subject, fc.constantFrom(...objectLocations), hugeText)
      .map(([s, location, key]) =>
        post(
          world,
          'huge-string',
          s.authorityId,
          JSON.stringify(setAt(s.case, [...location.path, key], 1)),
          problemOf([400], { within: location.pointer }),
        ),
      ),
  );

  const hugeArrays = fc
    .tuple(
      subject,
      fc.constantFrom(...valueLocations),
      fc.oneof(
        fc.constant<unknown>(0),
        fc.constant<unknown>(null),
        smallJson,
        ...leafLocations.filter((l) => l.path.length).map((l) => validValue(l.schema, l.path, {})),
      ),
      fc.integer({ min: 51, max: 20_000 }),
    )
    .map(([s, location, item, length]) => {
      const body = JSON.stringify(
        setAt(
          s.case,
          location.path,
          Array.from({ length }, () => item),
        ),
      );
      return post(world, 'huge-array', s.authorityId, body, problemOf([400], { within: location.pointer }));
    });

  const badUtf8 = fc.oneof(
    fc.tuple(subject, fc.constantFrom(...invalidUtf8), fc.nat()).map(([s, bytes, n]) => {
      const text = Buffer.from(JSON.stringify(s.case));
      const at = n % (text.length + 1);
      const body = Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at)]);
      return post(world, 'invalid-utf8', s.authorityId, body, problemOf([400]));
    }),
    fc
      .tuple(subject, fc.uint8Array({ maxLength: 200 }))
      .map(([s, bytes]) =>
        post(
          world,
          'invalid-utf8',
          s.authorityId,
          Buffer.concat([Buffer.from([0xff]), bytes]),
          problemOf([400]),
        ),
      ),
  );

  const truncated = fc.tuple(subject, fc.nat()).map(([s, n]) => {
    const text = JSON.stringify(s.case);
    return post(
      world,
      'truncated-json',
      s.authorityId,
      text.slice(0, 1 + (n % (text.length - 1))),
      problemOf([400], { pointer: '' }),
    );
  });

  const garbage = fc
    .tuple(subject, fc.constantFrom(...notJson))
    .map(([s, text]) => post(world, 'not-json', s.authorityId, text, problemOf([400], { pointer: '' })));

  const contentTypes = fc
    .tuple(
      subject,
      fc.oneof(
        fc.constantFrom(...wrongContentTypes, null),
        fc.stringMatching(/^[a-z]{1,12}\/[a-z0-9.+-]{1,20}$/).filter((t) => t !== 'application/json'),
      ),
    )
    .map(([s, type]): FuzzRequest => ({
      family: 'wrong-content-type',
      path: decisionsPath(s.authorityId),
      headers: type === null ? {} : { 'content-type': type },
      body: Buffer.from(JSON.stringify(s.case)),
      // A JSON type with a charset other than UTF-8 may be refused as unreadable (400) rather than 415.
      expect: problemOf(type?.startsWith('application/json') ? [400, 415] : [415], { aboutBody: false }),
    }));

  const encoded = (
    encoding: string,
    body: Buffer,
    expect: Expectation,
    authorityId: string,
  ): FuzzRequest => ({
    family: 'content-encoding',
    path: decisionsPath(authorityId),
    headers: { ...json, 'content-encoding': encoding },
    body,
    expect,
  });
  const encodings = fc.tuple(subject, fc.nat(5)).map(([s, variant]) => {
    const text = Buffer.from(JSON.stringify(s.case));
    const ok = decided(s.authorityId, s.case);
    const unreadable = problemOf([400], { aboutBody: false });
    return [
      () => encoded('gzip', gzipSync(text), ok, s.authorityId),
      () => encoded('deflate', deflateSync(text), ok, s.authorityId),
      () => encoded('br', brotliCompressSync(text), ok, s.authorityId),
      () => encoded('gzip', text, unreadable, s.authorityId),
      () => encoded('x-fuzz', text, problemOf([415], { aboutBody: false }), s.authorityId),
      () => encoded('gzip', gzipBomb(), tooLarge, s.authorityId),
    ][variant]!();
  });

  const emptyBodies = fc
    .tuple(
      fc.constantFrom(...authorities.map((a) => a.id)),
      fc.constantFrom<[Record<string, string>, string | null]>(
        [{ ...json, 'content-length': '0' }, null],
        [{ 'content-length': '0' }, null],
        [{ 'content-type': 'text/plain', 'content-length': '0' }, null],
        [{ ...json, 'transfer-encoding': 'chunked' }, null],
        [json, ' \n\t '],
      ),
    )
    .map(([authorityId, [headers, body]]): FuzzRequest => ({
      family: 'empty-body',
      path: decisionsPath(authorityId),
      headers,
      body: body === null ? null : Buffer.from(body),
      expect: problemOf([400], { pointer: '' }),
    }));

  const { single } = world.limits;
  const oversized = fc
    .tuple(subject, fc.integer({ min: single + 1, max: 4 * single }), fc.nat(3))
    .map(([s, size, variant]): FuzzRequest => {
      const text = JSON.stringify(s.case);
      const bodies = [
        () => Buffer.from(text.padEnd(size, ' ')),
        () => Buffer.from(JSON.stringify({ ...s.case, padding: 'x'.repeat(size) })),
        () => Buffer.alloc(size, 0x7b),
        () => Buffer.from(text.padEnd(size, ' ')),
      ];
      // The last is sent without a length, so the limit is found while reading.
      const headers = variant === 3 ? { ...json, 'transfer-encoding': 'chunked' } : json;
      return {
        family: 'oversized',
        path: decisionsPath(s.authorityId),
        headers,
        body: bodies[variant]!(),
        expect: tooLarge,
      };
    });

  const oddSegments = [
    'Dartford',
    'DARTFORD',
    '%2e%2e',
    'dartford%2Fdecisions',
    '%00',
    'd%C3%A9',
    '%E0%A4%A',
    '%',
    '%zz',
    '..',
    'dartford.json',
    '-',
    'a%20b',
  ];
  const unknownAuthorities = fc
    .tuple(
      subject,
      fc.oneof(
        fc.stringMatching(/^[a-z0-9-]{1,40}$/).filter((id) => !loaded.has(id)),
        fc.constantFrom(...oddSegments),
      ),
    )
    .map(([s, id]): FuzzRequest => ({
      family: 'unknown-authority',
      path: decisionsPath(id),
      headers: json,
      body: Buffer.from(JSON.stringify(s.case)),
      // A path that cannot be decoded is the client's mistake too (400), but not the body's.
      expect: problemOf(/^[a-z0-9-]+$/.test(id) ? [404] : [400, 404], { aboutBody: false }),
    }));

  const notInForce = fc
    .constantFrom(...authorities)
    .chain((a) =>
      fc
        .tuple(subject, dateBefore(a))
        .map(([s, asOf]) =>
          post(
            world,
            'as-of-not-in-force',
            a.id,
            JSON.stringify({ ...s.case, asOf }),
            problemOf([422], { pointer: '/asOf' }),
          ),
        ),
    );

  return {
    valid,
    'wrong-type': mutation('wrong-type', wrongType),
    'out-of-range': mutation('out-of-range', outOfRange),
    'unknown-key': unknownKeys,
    'prototype-key': prototypeKeys,
    'deep-nesting': deepNesting,
    'huge-string': hugeStrings,
    'huge-array': hugeArrays,
    'invalid-utf8': badUtf8,
    'truncated-json': truncated,
    'not-json': garbage,
    'wrong-content-type': contentTypes,
    'content-encoding': encodings,
    'empty-body': emptyBodies,
    oversized,
    'unknown-authority': unknownAuthorities,
    'as-of-not-in-force': notInForce,
    batch: batches(world, subject, loaded, decided),
  };
}

/** A batch of one to five cases, each decided or refused on its own; or an envelope that is wrong as a whole. */
function batches(
  world: FuzzWorld,
  subject: fc.Arbitrary<{ authorityId: string; case: Case }>,
  loaded: ReadonlySet<string>,
  decided: (authorityId: string, c: Case) => DecisionExpectation,
): fc.Arbitrary<FuzzRequest> {
  type Item = { item: unknown; expect: DecisionExpectation | ProblemExpectation };
  const inBatch = (i: number, p: ProblemExpectation): ProblemExpectation => ({
    ...p,
    ...(p.pointer !== undefined ? { pointer: `/cases/${i}/case${p.pointer}` } : {}),
    ...(p.within !== undefined ? { within: `/cases/${i}/case${p.within}` } : {}),
  });
  const badCase = fc.oneof(
    ...caseLocations.flatMap((location) => {
      const values = [wrongType(location), outOfRange(location)].filter((v) => v !== null);
      return values.map((v) =>
        fc
          .tuple(subject, v)
          .map(([s, bad]) => ({ ...s, case: setAt(s.case, location.path, bad.value), pointer: bad.pointer })),
      );
    }),
  );
  const manyErrors = fc.tuple(subject, fc.integer({ min: 51, max: 200 })).map(([s, n]) => ({
    ...s,
    case: setAt(
      s.case,
      ['assessment', 'recommendedMeasures'],
      Array.from({ length: n }, (_, i) => `no-such-measure-${i}`),
    ),
    within: '/assessment/recommendedMeasures',
  }));
  const undated = fc
    .constantFrom(...world.authorities)
    .chain((a) =>
      fc.tuple(subject, dateBefore(a)).map(([s, asOf]) => ({ authorityId: a.id, case: { ...s.case, asOf } })),
    );
  const items: fc.Arbitrary<(i: number) => Item> = fc.oneof(
    { weight: 3, arbitrary: subject.map((s) => () => ({ item: s, expect: decided(s.authorityId, s.case) })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          subject,
          fc.stringMatching(/^[a-z0-9-]{1,30}$/).filter((id) => !loaded.has(id)),
        )
        .map(([s, id]) => () => ({
          item: { authorityId: id, case: s.case },
          expect: problemOf([404], { aboutBody: false }),
        })),
    },
    {
      weight: 2,
      arbitrary: badCase.map((b) => (i: number) => ({
        item: { authorityId: b.authorityId, case: b.case },
        expect: inBatch(i, problemOf([400], { pointer: b.pointer })),
      })),
    },
    {
      weight: 1,
      arbitrary: undated.map((item) => (i: number) => ({
        item,
        expect: inBatch(i, problemOf([422], { pointer: '/asOf' })),
      })),
    },
    {
      weight: 1,
      arbitrary: manyErrors.map((b) => (i: number) => ({
        item: { authorityId: b.authorityId, case: b.case },
        expect: inBatch(i, problemOf([400], { within: b.within })),
      })),
    },
  );
  const whole = fc.array(items, { minLength: 1, maxLength: 5 }).map((makers): FuzzRequest => {
    const built = makers.map((make, i) => make(i));
    const body = Buffer.from(JSON.stringify({ cases: built.map((b) => b.item) }));
    return {
      family: 'batch',
      path: '/v1/decisions/batch',
      headers: json,
      body,
      expect:
        body.length > world.limits.batch ? tooLarge : { kind: 'batch', results: built.map((b) => b.expect) },
    };
  });
  const envelopes = fc
    .tuple(
      subject,
      fc.constantFrom<[(c: unknown) => unknown, string]>(
        [() => ({}), ''],
        [() => [], ''],
        [() => ({ cases: [] }), '/cases'],
        [() => ({ cases: {} }), '/cases'],
        [() => ({ cases: 'all' }), '/cases'],
        [(c) => ({ cases: [c], extra: true }), '/extra'],
      ),
    )
    .map(([s, [envelope, pointer]]): FuzzRequest => ({
      family: 'batch',
      path: '/v1/decisions/batch',
      headers: json,
      body: Buffer.from(JSON.stringify(envelope({ authorityId: s.authorityId, case: s.case }))),
      expect: problemOf([400], { pointer }),
    }));
  return fc.oneof({ weight: 4, arbitrary: whole }, { weight: 1, arbitrary: envelopes });
}

/** How often each family comes up: valid cases most, so that every outcome and pack is exercised. */
export const familyWeights: Readonly<Record<Family, number>> = {
  valid: 30,
  'wrong-type': 8,
  'out-of-range': 8,
  'unknown-key': 8,
  'prototype-key': 5,
  'deep-nesting': 4,
  'huge-string': 4,
  'huge-array': 4,
  'invalid-utf8': 5,
  'truncated-json': 5,
  'not-json': 3,
  'wrong-content-type': 5,
  'content-encoding': 3,
  'empty-body': 3,
  oversized: 3,
  'unknown-authority': 3,
  'as-of-not-in-force': 2,
  batch: 5,
};

/** Any request, from every family by its weight. */
export function fuzzRequest(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const all = requestFamilies(world);
  return fc.oneof(...families.map((family) => ({ weight: familyWeights[family], arbitrary: all[family] })));
}

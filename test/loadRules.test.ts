// Rule files are untrusted: a bad pack is refused with file, pointer and a plain message, and never stops the rest.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRules } from '../src/rules/loadRules';
import { silentLogger } from '../src/logger';
import { loadRulesOrRefuse } from '../src/server';
import { bundledRulesDir, bundledVersion } from './support/appSetup';

const dartford = JSON.parse(readFileSync(path.join(bundledRulesDir, 'authorities', 'dartford.json'), 'utf8'));
let dir: string;

beforeEach(() => {
  // The shared files and Dartford alone, so each test controls exactly which packs are present.
  dir = mkdtempSync(path.join(os.tmpdir(), 'rules-'));
  for (const file of ['measures.json', 'national-defaults.json', 'schema', 'authorities/dartford.json']) {
    cpSync(path.join(bundledRulesDir, file), path.join(dir, file), { recursive: true });
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withPack(name: string, edit: (pack: typeof dartford) => void | string) {
  const pack = structuredClone(dartford);
  const replaced = edit(pack);
  writeFileSync(
    path.join(dir, 'authorities', name),
    typeof replaced === 'string' ? replaced : JSON.stringify(pack),
  );
  return loadRules(dir);
}

const rejection = (store: ReturnType<typeof loadRules>, file: string) =>
  store.rejected.find((r) => r.file === path.join('authorities', file))?.problems ?? [];

test.each([
  ['not JSON', (): string => '{ "authorityId": ', '', /not valid JSON at line 1, column 18/],
  [
    'a prototype-polluting key',
    (): string => '{"__proto__": {"polluted": true}}',
    '/__proto__',
    /not allowed/,
  ],
  ['a missing field', (p: typeof dartford) => void delete p.version, '', /the field "version" is missing/],
  [
    'an unknown field',
    (p: typeof dartford) => void (p.colour = 'red'),
    '',
    /the field "colour" is not allowed here/,
  ],
  [
    'an unknown fact',
    (p: typeof dartford) => void (p.tables.eligibility.rows[0].require = { 'victim.name': 'x' }),
    '/tables/eligibility/rows/0/require/victim.name',
    /not a fact the API knows/,
  ],
  [
    'a value the fact cannot take',
    (p: typeof dartford) => void (p.tables.tenureCoverage.rows[0].when = { 'property.tenure': 'castle' }),
    '/tables/tenureCoverage/rows/0/when/property.tenure',
    /"castle" is not one of/,
  ],
  [
    'an unknown measure',
    (p: typeof dartford) => void (p.tables.measures.rows[0].when = { 'measure.id': 'moat' }),
    '/tables/measures/rows/0/when/measure.id',
    /not in the measures catalogue|not one of/,
  ],
  [
    'a duplicate row id',
    (p: typeof dartford) => void (p.tables.eligibility.rows[1].id = p.tables.eligibility.rows[0].id),
    '/tables/eligibility/rows/1/id',
    /used twice/,
  ],
  [
    'a row without a source',
    (p: typeof dartford) => void delete p.tables.routing.rows[0].source,
    '/tables/routing/rows/0',
    /the field "source" is missing/,
  ],
  [
    'a citation of an undeclared document',
    (p: typeof dartford) => void (p.tables.routing.rows[0].source.document = 'rumour'),
    '/tables/routing/rows/0/source/document',
    /not in the pack's sources/,
  ],
])('a pack with %s is refused and the others still load', (_name, edit, pointer, message) => {
  const store = withPack('broken.json', edit as (p: typeof dartford) => void | string);
  const problems = rejection(store, 'broken.json');
  expect(problems.length).toBeGreaterThan(0);
  expect(problems).toContainEqual(
    expect.objectContaining({ pointer, message: expect.stringMatching(message), severity: 'error' }),
  );
  expect(store.packs.has('dartford')).toBe(true);
});

test('two versions of a pack take effect by date, and overlapping dates are refused', () => {
  withPack('dartford.json', (p) => void (p.effectiveTo = '2026-06-30'));
  const store = withPack('dartford-2026-07-01.json', (p) => {
    p.version = '2027.1';
    p.effectiveFrom = '2026-07-01';
  });
  expect(store.packs.get('dartford')?.map((v) => v.ruleSet.version)).toEqual([
    bundledVersion('dartford'),
    '2027.1',
  ]);
  const clash = withPack('dartford-2026-08-01.json', (p) => {
    p.version = '2026.3';
    p.effectiveFrom = '2026-08-01';
  });
  expect(rejection(clash, 'dartford-2026-08-01.json')[0]?.message).toMatch(/overlap/);
});

test('a file must be named for the authority it serves, so an edit cannot move it to another', () => {
  // Changing the id inside dartford.json once made Dartford's rules answer for Uttlesford.
  const moved = withPack('dartford.json', (p) => void (p.authorityId = 'uttlesford'));
  expect(rejection(moved, 'dartford.json')).toEqual([
    expect.objectContaining({
      pointer: '/authorityId',
      message: expect.stringContaining('must be named uttlesford.json, or uttlesford-2026-01-01.json'),
    }),
  ]);
  expect(moved.packs.has('uttlesford')).toBe(false);
});

test('two files claiming the same authority and version are both refused', () => {
  // A stray copy once replaced dartford.json, because the file read later won.
  withPack('dartford.json', (p) => void (p.version = '2027.1'));
  const store = withPack('dartford-2026-01-01.json', (p) => {
    p.version = '2027.1';
    p.tables.response.rows[0].then.withinWorkingDays = 1;
  });
  for (const file of ['dartford.json', 'dartford-2026-01-01.json'])
    expect(rejection(store, file)[0]?.message).toMatch(/also claims dartford version 2027\.1/);
  expect(store.packs.has('dartford')).toBe(false);
});

test('a stray copy under another name is refused, and the pack it copies stays live', () => {
  const store = withPack('dartford-copy.json', () => undefined);
  expect(rejection(store, 'dartford-copy.json')[0]?.message).toMatch(/must be named dartford\.json/);
  expect(store.packs.get('dartford')?.map((p) => p.file)).toEqual([
    path.join('authorities', 'dartford.json'),
  ]);
});

test('the service refuses to start without one valid pack', () => {
  rmSync(path.join(dir, 'authorities', 'dartford.json'));
  withPack('broken.json', () => '{}');
  expect(() => loadRulesOrRefuse(dir, silentLogger)).toThrow(/no valid rule packs/);
});

test('absurdly large packs and operators the rule language does not have are refused', () => {
  const huge = withPack('huge.json', (p) => void (p.description = 'x'.repeat(3 * 1024 * 1024)));
  expect(rejection(huge, 'huge.json')[0]?.message).toMatch(/larger than/);
  const regex = withPack('regex.json', (p) => {
    p.authorityId = 'regex-test';
    p.tables.eligibility.rows[0].require = { 'harm.type': { matches: '(a+)+$' } };
  });
  expect(rejection(regex, 'regex.json').length).toBeGreaterThan(0);
  expect(regex.packs.has('regex-test')).toBe(false);
});

// The service's word catalogues (src/messages/{en,cy}/*.json): the same keys in both languages, no empty words,
// and no key that nothing uses. Keys built from a vocabulary (`measure.<id>`, `outcome.<value>`) are checked
// against that vocabulary instead of the source.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openapiDocument } from '../src/contract/openapi';
import { catalogues, languages, type Namespace } from '../src/messages/messages';
import { bundledRulesDir } from './support/appSetup';

const srcDir = path.join(__dirname, '..', 'src');
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every key of a catalogue, dotted, with its words. */
function entries(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? entries(value as object, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

const namespaces = Object.keys(catalogues.en) as Namespace[];
const keysOf = (language: (typeof languages)[number], namespace: Namespace) =>
  entries(catalogues[language][namespace]).map(([key]) => key);

/** The text of every source file the catalogues can be used from (code and templates), outside the catalogues. */
function sourceTexts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory())
      return file.endsWith(path.join('src', 'messages')) ? [] : sourceTexts(file);
    return /\.(ts|njk|html)$/.test(name) ? [readFileSync(file, 'utf8')] : [];
  });
}

const enumOf = (schema: string) => (openapiDocument.components!.schemas![schema] as { enum: string[] }).enum;
const measureIds = (
  JSON.parse(readFileSync(path.join(bundledRulesDir, 'measures.json'), 'utf8')) as {
    measures: { id: string; label: string }[];
  }
).measures;

/** Key families built from a vocabulary: each must name exactly that vocabulary's values. */
const vocabularies: Record<string, () => string[]> = {
  'service:measure': () => measureIds.map((m) => m.id),
  'service:outcome': () => enumOf('Outcome'),
  'service:routingTarget': () => enumOf('RoutingTarget'),
};

/** A catalogue's keys, each plural key once by its base (`time.hours_one` → `time.hours`). */
const baseKeysOf = (language: (typeof languages)[number], namespace: Namespace) =>
  [...new Set(keysOf(language, namespace).map((key) => key.replace(pluralSuffix, '')))].sort();

test.each(namespaces)('%s: the same keys in every language', (namespace) => {
  const english = baseKeysOf('en', namespace);
  for (const language of languages)
    expect([language, baseKeysOf(language, namespace)]).toEqual([language, english]);
});

test.each(namespaces)('%s: every plural key has each form its language needs', (namespace) => {
  for (const language of languages) {
    const keys = keysOf(language, namespace);
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const plurals = new Set(
      keys.filter((key) => pluralSuffix.test(key)).map((k) => k.replace(pluralSuffix, '')),
    );
    const lacking = [...plurals].flatMap((base) =>
      forms.map((form) => `${base}_${form}`).filter((key) => !keys.includes(key)),
    );
    expect([language, lacking]).toEqual([language, []]);
  }
});

test.each(namespaces)('%s: no empty words', (namespace) => {
  for (const language of languages)
    for (const [key, words] of entries(catalogues[language][namespace]))
      expect([language, key, typeof words === 'string' && words.trim() !== '']).toEqual([
        language,
        key,
        true,
      ]);
});

test.each(namespaces)('%s: every key is used in src/, or names a value of its vocabulary', (namespace) => {
  const sources = sourceTexts(srcDir).join('\n');
  const unused: string[] = [];
  for (const key of keysOf('en', namespace)) {
    const base = key.replace(pluralSuffix, '');
    const family = Object.keys(vocabularies).find((f) => `${namespace}:${base}`.startsWith(`${f}.`));
    if (family) continue;
    // Used as it is, or built in a template literal from one of its prefixes (`question.${name}.text`).
    const prefixes = base
      .split('.')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('.'));
    const literal = sources.includes(`'${base}'`) || sources.includes(`"${base}"`);
    if (!literal && !prefixes.some((prefix) => sources.includes('`' + prefix + '.${'))) unused.push(key);
  }
  expect(unused).toEqual([]);
});

test.each(Object.entries(vocabularies))('%s: one key for each value of the vocabulary', (family, values) => {
  const [namespace, prefix] = family.split(':') as [Namespace, string];
  const named = keysOf('en', namespace)
    .filter((key) => key.startsWith(`${prefix}.`))
    .map((key) => key.slice(prefix.length + 1));
  expect(named.sort()).toEqual([...values()].sort());
});

test("the English measure labels are measures.json's, so the Welsh translates what the API sends", () => {
  for (const { id, label } of measureIds)
    expect([id, (catalogues.en.service.measure as Record<string, string>)[id]]).toEqual([id, label]);
});

// Welsh beside English: how many of a pack's texts have Welsh and how many of those are reviewed, and the check
// that a Welsh text names an English text the row really has, so that a typo cannot hide a translation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatWelshCoverage, welshCoverage } from '../src/analysis/welshCoverage';
import type { RulePack } from '../src/generated/pack';
import { tableIds } from '../src/rules/compilePack';
import { welshProblems } from '../src/rules/welshTexts';

const read = (id: string): RulePack =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'rules', 'authorities', `${id}.json`), 'utf8'));
const conwy = read('conwy');
const dartford = read('dartford');

describe('welshCoverage', () => {
  test('Conwy: every text, the pack’s four and each row’s, has Welsh, none of it reviewed yet', () => {
    expect(welshCoverage(conwy)).toEqual({
      authorityId: 'conwy',
      version: conwy.version,
      nation: 'wales',
      texts: 14,
      inWelsh: 14,
      reviewed: 0,
    });
  });

  test('a reviewed cy counts each of its texts as reviewed; a missing one counts as without Welsh', () => {
    const pack = structuredClone(conwy);
    pack.tables.routing.rows[0]!.cy = { text: 'Testun', reviewed: true };
    pack.cy = { ...pack.cy!, reviewed: true };
    delete pack.tables.response.rows[0]!.cy;
    expect(welshCoverage(pack)).toMatchObject({ texts: 14, inWelsh: 12, reviewed: 5 });
  });

  test('a field that is null in a row is not a text to translate', () => {
    const pack = structuredClone(conwy);
    pack.tables.routing.rows[0]!.then.name = null;
    delete pack.tables.routing.rows[0]!.cy!.name;
    expect(welshCoverage(pack)).toMatchObject({ texts: 13, inWelsh: 13 });
  });

  test('an English council’s pack has no Welsh, and the report notes no lack for it', () => {
    const coverages = [welshCoverage(conwy), welshCoverage(dartford)];
    expect(coverages[1]).toMatchObject({ nation: 'england', inWelsh: 0, reviewed: 0 });
    const withGap = { ...coverages[0]!, inWelsh: 11 };
    expect(formatWelshCoverage([withGap, coverages[1]!]).split('\n')).toEqual([
      'conwy     11 of 14 texts in Welsh, 0 reviewed; 3 still without Welsh',
      `dartford  0 of ${coverages[1]!.texts} texts in Welsh, 0 reviewed`,
      `Total: 11 of ${14 + coverages[1]!.texts} texts in Welsh, 0 reviewed; Welsh councils' packs (1): 3 texts still without Welsh`,
    ]);
  });

  test('an authority with two versions is named with each version', () => {
    const later = { ...welshCoverage(conwy), version: '2027.1' };
    const lines = formatWelshCoverage([welshCoverage(conwy), later]).split('\n');
    expect(lines[0]).toBe(`conwy ${conwy.version}  14 of 14 texts in Welsh, 0 reviewed`);
    expect(lines[1]).toBe('conwy 2027.1  14 of 14 texts in Welsh, 0 reviewed');
  });
});

describe('welshProblems', () => {
  test('the bundled Welsh packs name only texts their rows have', () => {
    expect(welshProblems(conwy, 'conwy.json', tableIds)).toEqual([]);
  });

  test('Welsh for a field that is null in this row is an error, with the text meant', () => {
    const pack = structuredClone(conwy);
    pack.tables.routing.rows[0]!.then.name = null;
    expect(welshProblems(pack, 'conwy.json', tableIds)).toEqual([
      {
        file: 'conwy.json',
        table: 'routing',
        row: 'managed-by-dac',
        pointer: '/tables/routing/rows/0/cy/name',
        message:
          'cy: "name" names no text of the row\'s then (its texts are "text"), so its Welsh would never be shown',
        severity: 'error',
      },
    ]);
  });

  test('at the pack level too, with "did you mean"', () => {
    const pack = structuredClone(conwy) as RulePack & { cy: Record<string, unknown> };
    delete pack.description;
    pack.cy = { ...pack.cy, 'scheme.runby': 'Tîm' };
    const messages = welshProblems(pack, 'conwy.json', tableIds).map((p) => [p.pointer, p.message]);
    expect(messages).toEqual([
      ['/cy/description', expect.stringMatching(/^cy: "description" names no text of the pack/)],
      ['/cy/scheme.runby', expect.stringMatching(/\(did you mean "scheme.runBy"\?\)$/)],
    ]);
  });
});

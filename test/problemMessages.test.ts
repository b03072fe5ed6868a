// Problems a policy officer can act on: where a JSON slip is, the name meant when one is misspelt, rows counted
// from 1 and named by id, and one way of writing a problem wherever it is read.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, problemPlace } from '../src/rules/problemWords';
import type { NationalDefaults } from '../src/rules/compilePack';
import { loadPackFile } from '../src/rules/loadRules';
import type { PackProblem } from '../src/rules/problems';
import { findJsonFault, parseRuleFile } from '../src/rules/safeJson';
import { didYouMean } from '../src/rules/suggestions';
import { bundledRulesDir } from './support/appSetup';

const readJson = (file: string) => JSON.parse(readFileSync(path.join(bundledRulesDir, file), 'utf8'));
const dartford = readJson('authorities/dartford.json');
const defaults = readJson('national-defaults.json') as NationalDefaults;
const measures = new Set((readJson('measures.json').measures as { id: string }[]).map((m) => m.id));

/** The problems a pack edit is refused for, as loading it finds them. */
function problemsOf(edit: (pack: typeof dartford) => void): PackProblem[] {
  const pack = structuredClone(dartford);
  edit(pack);
  const loaded = loadPackFile('authorities/dartford.json', JSON.stringify(pack), measures, defaults);
  return 'problems' in loaded ? loaded.problems : [];
}

const messageOf = (text: string) => {
  const parsed = parseRuleFile(text);
  return parsed.ok ? null : parsed.message;
};

describe('a file that is not valid JSON is refused at its line and column, with what to do', () => {
  test.each([
    [
      'a trailing comma',
      '{\n  "authorityId": "dartford",\n  "sources": [\n    "a",\n  ]\n}',
      'not valid JSON at line 4, column 8: remove the comma before the closing "]"',
    ],
    [
      'a missing comma',
      '{\n  "authorityId": "dartford"\n  "version": "1"\n}',
      'not valid JSON at line 3, column 3: a comma is missing between this and the item before it',
    ],
    [
      'a name without quotes',
      '{\n  "authorityId": "dartford",\n  version: "1"\n}',
      'not valid JSON at line 3, column 3: put names and text in double quotes (only true, false and null go without them)',
    ],
    [
      'a file cut short',
      '{\n  "tables": {\n    "routing": [1, 2]\n',
      'not valid JSON at line 4, column 1: the file ends too soon: a closing bracket is missing',
    ],
  ])('%s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });

  test('the place is found for exactly the texts JSON.parse refuses', () => {
    const parses = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const agrees = (text: string) => (findJsonFault(text) === null) === parses(text);
    const alphabet = fc.constantFrom(...'{}[]":,01-.eE+tfnrulax \n\\/\''.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => agrees(chars.join(''))),
      {
        numRuns: 5000,
      },
    );
    // One slip in an otherwise valid file, as an editor makes it.
    const slipped = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.string({ maxLength: 2 }), fc.nat(2))
      .map(([value, at, inserted, deleted]) => {
        const text = JSON.stringify(value, null, 2);
        const i = at % (text.length + 1);
        return text.slice(0, i) + inserted + text.slice(i + deleted);
      });
    fc.assert(fc.property(slipped, agrees), { numRuns: 3000 });
  });
});

describe('a misspelt name comes with the name meant', () => {
  test('didYouMean suggests a near name only', () => {
    expect(didYouMean('property.tenur', ['property.tenure', 'property.type'])).toBe(
      ' (did you mean "property.tenure"?)',
    );
    expect(didYouMean('Private-Rented', ['private-rented', 'council-tenant'])).toBe(
      ' (did you mean "private-rented"?)',
    );
    expect(didYouMean('moat', ['cctv', 'door-locks'])).toBe('');
    expect(didYouMean('cctv', ['cctv', 'cctx'])).toBe('');
    expect(didYouMean('x', ['y'])).toBe('');
  });

  test.each([
    [
      'a fact in a condition',
      (p: typeof dartford) =>
        void (p.tables.tenureCoverage.rows[2].when = { 'property.tenur': 'private-rented' }),
      '/tables/tenureCoverage/rows/2/when/property.tenur',
      '"property.tenur" is not a fact the API knows (did you mean "property.tenure"?)',
    ],
    [
      'a fact whose name the schema refuses',
      (p: typeof dartford) =>
        void (p.tables.tenureCoverage.rows[2].when = { 'property.tenure_': 'private-rented' }),
      '/tables/tenureCoverage/rows/2/when/property.tenure_',
      '"property.tenure_" is not a fact the API knows (did you mean "property.tenure"?)',
    ],
    [
      'a value of a fact',
      (p: typeof dartford) =>
        void (p.tables.tenureCoverage.rows[2].when['property.tenure'] = 'private-rentd'),
      '/tables/tenureCoverage/rows/2/when/property.tenure',
      'property.tenure: "private-rentd" is not one of: council-tenant, housing-association-tenant, ' +
        'private-rented, owner-occupier, shared-ownership, other (did you mean "private-rented"?)',
    ],
    [
      'a value the schema lists',
      (p: typeof dartford) => void (p.nation = 'englnd'),
      '/nation',
      '"englnd" is not one of: england, wales (did you mean "england"?)',
    ],
    [
      'a field of a row',
      (p: typeof dartford) => {
        const row = p.tables.routing.rows[0];
        row.sorce = row.source;
        delete row.source;
      },
      '/tables/routing/rows/0',
      'the field "sorce" is not allowed here (did you mean "source"?)',
    ],
    [
      'a table',
      (p: typeof dartford) => {
        p.tables.tenureCovrage = p.tables.tenureCoverage;
        delete p.tables.tenureCoverage;
      },
      '/tables',
      'the field "tenureCovrage" is not allowed here (did you mean "tenureCoverage"?)',
    ],
    [
      'a cited document',
      (p: typeof dartford) => void (p.tables.routing.rows[1].source.document = 'procedur'),
      '/tables/routing/rows/1/source/document',
      'cites "procedur", which is not in the pack\'s sources (did you mean "procedure"?)',
    ],
  ])('%s', (_name, edit, pointer, message) => {
    expect(problemsOf(edit)).toContainEqual(expect.objectContaining({ pointer, message }));
  });
});

describe('a problem is written one way, its row counted from 1 and named by its id', () => {
  const problem: PackProblem = {
    file: 'authorities/dartford.json',
    pointer: '/tables/tenureCoverage/rows/2/then',
    table: 'tenureCoverage',
    row: 'private-rented',
    severity: 'warning',
    message: 'covered is false, but the reason says the opposite',
  };

  test('a row problem names the table, the row id and the row number', () => {
    expect(formatProblem(problem)).toBe(
      'authorities/dartford.json  tenureCoverage/private-rented (row 3)  warning: covered is false, but the reason says the opposite',
    );
  });

  test('a row without an id is named by its number, and the schema finds it', () => {
    const [missing] = problemsOf((p) => void delete p.tables.routing.rows[2].id);
    expect(problemPlace(missing!)).toBe('routing (row 3)');
    expect(missing!.message).toBe('the field "id" is missing');
  });

  test('a workbook problem names the sheet, row, column and value a spreadsheet shows', () => {
    const cell = { sheet: 'Tenure', row: 9, column: 'Covered', value: 'Maybe' };
    expect(formatProblem({ ...problem, severity: 'error', message: 'must be yes or no', cell })).toBe(
      'authorities/dartford.json  "Tenure" row 9, column "Covered" ("Maybe")  error: must be yes or no',
    );
  });

  test('a problem outside the tables is placed by its field, list items counted from 1', () => {
    const place = (pointer: string) =>
      problemPlace({ ...problem, table: undefined, row: undefined, pointer });
    expect(place('/sources/1/file')).toBe('sources #2 › file');
    expect(place('')).toBe('-');
  });
});

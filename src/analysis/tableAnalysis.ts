// What a decision table gets wrong as a whole, found by deciding every case of its case space (all facts
// present): gaps, overlapping rows of a unique table, rows a first table never reaches, and repeated rows.
import type { AnyRow, CompiledTable, TableId } from '../rules/compiledPack';
import { pointerOf, type PackProblem } from '../rules/problems';
import { canonicalConditions, stableJson } from './canonical';
import {
  defaultCaseCap,
  describeCase,
  dimensionsOf,
  forEachCase,
  formatValue,
  toFacts,
  type Choice,
  type Dimension,
} from './caseSpace';

export interface TableUnderCheck {
  readonly table: CompiledTable<TableId>;
  /** The facts the table declares in `inputs`. */
  readonly inputs: readonly string[];
  readonly file: string;
  /** Where the table is in its file, e.g. `/tables/tenureCoverage`. */
  readonly pointer: string;
}

/** What a case that no row matches gets in the decision, so the officer sees why a gap matters. */
const gapConsequence: Partial<Record<TableId, string>> = {
  referralRoutes: 'the decision then says "no-matching-rule" for the referral route',
  tenureCoverage: 'the decision then says "no-matching-rule" for the tenure',
  contributions: 'the victim\'s contribution is then "unknown"',
  response: 'the response time is then null',
  riskThresholds: 'the DASH count then gives no risk band',
  measures: 'the measure is then "unknown", with no rule',
};

/** Enough examples to see the pattern; a one-fact table (measures) lists more, since each is one value. */
const maxExamples = (shown: readonly number[]) => (shown.length === 1 ? 10 : 3);
const quote = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
const rowsOf = (table: CompiledTable<TableId>) => table.rows as readonly AnyRow[];

interface Finder {
  problem(severity: PackProblem['severity'], message: string, row?: AnyRow): void;
}

function finder(subject: TableUnderCheck, problems: PackProblem[]): Finder {
  const { table, file, pointer } = subject;
  return {
    problem(severity, message, row) {
      const index = row ? rowsOf(table).indexOf(row) : -1;
      problems.push({
        file,
        table: table.id,
        ...(row ? { row: row.id } : {}),
        pointer: row ? `${pointer}${pointerOf('rows', index)}` : `${pointer}/rows`,
        message,
        severity,
      });
    },
  };
}

const cellsOf = (row: AnyRow) =>
  canonicalConditions(row.when.cells) + canonicalConditions(row.require?.cells);

/** The outputs two rows disagree on, e.g. `covered: true vs false`. */
function outputDifference(a: AnyRow, b: AnyRow): string {
  const left = a.then as Record<string, unknown>;
  const right = b.then as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter(
    (key) => stableJson(left[key]) !== stableJson(right[key]),
  );
  return keys.map((key) => `${key}: ${stableJson(left[key])} vs ${stableJson(right[key])}`).join('; ');
}

/**
 * Rows with the same cells. In a collect table a repeat with the same outputs is redundant (warning); in a
 * first or unique table the same cells with other outputs contradict each other, and a plain repeat can never
 * decide anything (errors). Returns the later rows already reported, so they are not reported twice.
 */
function findRepeats(subject: TableUnderCheck, found: Finder): Set<AnyRow> {
  const seen = new Map<string, AnyRow[]>();
  const reported = new Set<AnyRow>();
  const collect = subject.table.hitPolicy === 'collect';
  for (const row of rowsOf(subject.table)) {
    const earlier = seen.get(cellsOf(row)) ?? [];
    seen.set(cellsOf(row), [...earlier, row]);
    const same = earlier.find((other) => stableJson(other.then) === stableJson(row.then));
    if (collect && same) {
      found.problem('warning', `duplicate row: same cells and outputs as row "${same.id}"`, row);
    } else if (!collect && earlier.length) {
      found.problem(
        'error',
        same
          ? `duplicate row: same cells and outputs as row "${same.id}", so it can never decide a case`
          : `conflicting outputs: same cells as row "${earlier[0]!.id}" but ${outputDifference(earlier[0]!, row)}`,
        row,
      );
      reported.add(row);
    }
  }
  return reported;
}

interface Coverage {
  dimensions: Dimension[];
  /** The dimensions some row's cells read: a case is described by these alone. */
  shown: number[];
  total: number;
  visited: number;
  capped: boolean;
  /** Cases no row matches, with a few examples in words (only the facts some cell reads, which are the
   *  ones that can matter). */
  gaps: { count: number; examples: Set<string> };
  /** Per row: how many cases it matches, and how many it decides (is the first or only row to match). */
  matches: number[];
  decides: number[];
  /** Per row, for a first table: the earlier rows that took its cases. */
  takenBy: Set<number>[];
  /** Unique tables: each pair of rows that match a case together, with how many cases and one of them. */
  overlaps: Map<string, { a: number; b: number; count: number; example: Choice }>;
}

function cover(subject: TableUnderCheck, cap: number): Coverage {
  const rows = rowsOf(subject.table);
  const dimensions = dimensionsOf(
    subject.inputs,
    rows.map((row) => row.when.cells),
  );
  const matches = rows.map(() => 0);
  const decides = rows.map(() => 0);
  const takenBy = rows.map(() => new Set<number>());
  const overlaps: Coverage['overlaps'] = new Map();
  const gaps = { count: 0, examples: new Set<string>() };
  const tested = new Set(rows.flatMap((row) => Object.keys(row.when.cells)));
  const shown = dimensions.flatMap((d, i) => (tested.has(d.path) ? [i] : []));
  const first = subject.table.hitPolicy === 'first';
  const { total, visited } = forEachCase(
    dimensions,
    (choice) => {
      const facts = toFacts(dimensions, choice);
      const hits = rows.flatMap((row, i) => (row.when.evaluate(facts) === true ? [i] : []));
      if (!hits.length) {
        gaps.count++;
        if (gaps.examples.size < maxExamples(shown))
          gaps.examples.add(describeGap(dimensions, choice, shown));
        return;
      }
      for (const i of hits) matches[i]!++;
      decides[hits[0]!]!++;
      if (first) for (const i of hits.slice(1)) takenBy[i]!.add(hits[0]!);
      else if (hits.length > 1) {
        for (const [x, a] of hits.entries()) {
          for (const b of hits.slice(x + 1)) {
            const pair = overlaps.get(`${a}/${b}`) ?? { a, b, count: 0, example: choice };
            pair.count++;
            overlaps.set(`${a}/${b}`, pair);
          }
        }
      }
    },
    cap,
  );
  return {
    dimensions,
    shown,
    total,
    visited,
    capped: visited < total,
    gaps,
    matches,
    decides,
    takenBy,
    overlaps,
  };
}

/** A gap case in words: `measure.id = cctv` for a one-fact table (so examples join as a list of values). */
function describeGap(dimensions: readonly Dimension[], choice: Choice, shown: readonly number[]): string {
  if (shown.length !== 1) return describeCase(dimensions, choice, shown);
  return formatValue(dimensions[shown[0]!]!.values[choice[shown[0]!]!]!.value);
}

function describeExamples({ dimensions, shown, gaps }: Coverage): string {
  const examples = [...gaps.examples];
  return shown.length === 1 ? `${dimensions[shown[0]!]!.path} = ${examples.join(', ')}` : examples.join('; ');
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

function reportCoverage(subject: TableUnderCheck, coverage: Coverage, repeats: Set<AnyRow>, found: Finder) {
  const rows = rowsOf(subject.table);
  const { dimensions, total, gaps } = coverage;
  const seen = coverage.capped ? plural(coverage.visited, 'sampled case') : plural(total, 'case');
  if (coverage.capped) {
    found.problem(
      'warning',
      `the table's case space has ${plural(total, 'combination')}; only ${seen} were checked, so gaps, overlaps and unreachable rows may be missed`,
    );
  }
  if (gaps.count) {
    const more = gaps.count > gaps.examples.size ? (coverage.shown.length === 1 ? ', …' : '; …') : '';
    const examples = describeExamples(coverage) + more;
    const consequence = gapConsequence[subject.table.id];
    found.problem(
      'error',
      `gap: no row matches ${gaps.count.toLocaleString('en-GB')} of ${seen}, e.g. ${examples}${consequence ? ` (${consequence})` : ''}`,
    );
  }
  for (const { a, b, count, example } of coverage.overlaps.values()) {
    if (repeats.has(rows[b]!)) continue;
    found.problem(
      'error',
      `overlap: this row and row "${rows[a]!.id}" both match ${plural(count, 'case')}, e.g. ${describeCase(dimensions, example, coverage.shown)} (a unique table must have exactly one row for each case)`,
      rows[b],
    );
  }
  rows.forEach((row, i) => {
    if (repeats.has(row) || coverage.decides[i]! > 0 || (coverage.capped && coverage.matches[i]! > 0)) return;
    if (coverage.matches[i] === 0) {
      if (!coverage.capped) found.problem('error', 'unreachable row: its cells match no case at all', row);
      return;
    }
    // In a unique table such a row overlaps others, which is reported above.
    if (subject.table.hitPolicy !== 'first') return;
    const earlier = [...coverage.takenBy[i]!].sort((x, y) => x - y).map((x) => rows[x]!.id);
    const who =
      earlier.length === 1 ? `row ${quote(earlier)} already matches` : `rows ${quote(earlier)} already match`;
    found.problem('error', `unreachable row: earlier ${who} every case it matches`, row);
  });
}

export function analyseTable(subject: TableUnderCheck, cap: number = defaultCaseCap): PackProblem[] {
  const problems: PackProblem[] = [];
  const found = finder(subject, problems);
  const repeats = findRepeats(subject, found);
  if (subject.table.hitPolicy !== 'collect') reportCoverage(subject, cover(subject, cap), repeats, found);
  // Table-wide problems first, then row by row, as the file reads.
  const rowIndex = (p: PackProblem) => (p.row ? rowsOf(subject.table).findIndex((r) => r.id === p.row) : -1);
  return problems.sort((a, b) => rowIndex(a) - rowIndex(b));
}

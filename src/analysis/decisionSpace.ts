// The case space of an authority's whole decision under two versions of its pack: each case fact either
// version reads, with values that some cell tells apart merged into weighted classes (so the space stays
// small while every class is decided, and counts are of cases, not of classes). Derived facts are replaced
// by the case facts they come from, since a case is what decide() takes.
import type { Case } from '../contract/apiTypes';
import type { Cell } from '../generated/pack';
import type { AnyRow, CompiledPack, CompiledRow, TableId } from '../rules/compiledPack';
import { tableIds } from '../rules/compilePack';
import { compileConditions, splitPath, type Facts } from '../rules/conditions';
import { factCatalogue } from '../rules/factCatalogue';
import { stableJson } from './canonical';
import {
  representatives,
  toFacts,
  type Choice,
  type Dimension,
  type FactValue,
  type Representative,
} from './caseSpace';

/** What one cell says about one value: true, false, or unknown. Values alike under every probe are merged. */
type Probe = (value: FactValue) => string;

interface Reading {
  path: string;
  cells: Cell[];
  probes: Probe[];
  readers: Set<TableId>;
  versions: Set<number>;
  /** false where merging values would hide a difference the probes cannot see (the stated risk level). */
  merge: boolean;
  /** Also try the fact not sent. */
  absent: boolean;
}

export const recommendedMeasures = 'assessment.recommendedMeasures';

export interface DecisionSpace {
  dimensions: Dimension[];
  /**
   * The dimensions the measures table reads (the measure asked about among them), or null when the measures
   * offer cannot be decided apart from the rest of the case (another table reads the recommended measures,
   * or the measures table reads a derived fact).
   */
  measuresReads: ReadonlySet<number> | null;
  /** The tables that read each dimension's fact, by its path. */
  readers: ReadonlyMap<string, ReadonlySet<TableId>>;
}

function factAt(path: string, value: FactValue): Facts {
  const [section, key] = splitPath(path);
  return { [section]: { [key]: value } };
}

const probeOf = (path: string, cell: Cell): Probe => {
  const condition = compileConditions({ [path]: cell });
  return (value) => String(condition.evaluate(factAt(path, value)));
};

/** A cell on measure.id, asked of a case recommending one measure. */
const measureProbe = (cell: Cell): Probe => {
  const condition = compileConditions({ 'measure.id': cell });
  return (value) => String(condition.evaluate({ measure: { id: (value as string[])[0] } }));
};

class Readings {
  readonly byPath = new Map<string, Reading>();
  /** The measures table reads a derived fact, which ties the offer to the rest of the case. */
  measuresReadDerived = false;

  note(path: string, table: TableId, version: number, cell?: Cell, probe?: Probe): Reading {
    const reading = this.byPath.get(path) ?? {
      path,
      cells: [],
      probes: [],
      readers: new Set<TableId>(),
      versions: new Set<number>(),
      merge: path !== 'harm.riskLevel',
      absent: false,
    };
    this.byPath.set(path, reading);
    reading.readers.add(table);
    reading.versions.add(version);
    if (cell !== undefined) reading.cells.push(cell);
    if (cell !== undefined || probe) reading.probes.push(probe ?? probeOf(path, cell!));
    return reading;
  }

  /** A table's fact, mapped to the case facts it comes from. */
  read(path: string, table: TableId, version: number, cell?: Cell) {
    if (table === 'measures' && path.startsWith('resolved.')) this.measuresReadDerived = true;
    if (path === 'measure.id') {
      const probe = cell === undefined ? undefined : measureProbe(cell);
      this.note(recommendedMeasures, table, version, undefined, probe);
    } else if (path === 'resolved.riskLevel') {
      this.note('harm.riskLevel', table, version);
      this.note('harm.dashYesCount', table, version);
    } else if (path === 'resolved.worksCostAboveCap') {
      this.note('assessment.worksCostGBP', table, version);
    } else {
      this.note(path, table, version, cell);
    }
  }
}

const rowsOf = (pack: CompiledPack, id: TableId) => (pack.tables[id]?.rows ?? []) as readonly AnyRow[];

function readTables(readings: Readings, pack: CompiledPack, version: number) {
  for (const id of tableIds) {
    const own = pack.pack.tables[id];
    if (!own || id === 'riskThresholds') continue;
    for (const input of own.inputs) readings.read(input.fact, id, version);
    for (const row of rowsOf(pack, id)) {
      for (const cells of [row.when.cells, row.require?.cells ?? {}]) {
        for (const [path, cell] of Object.entries(cells)) readings.read(path, id, version, cell);
      }
    }
  }
}

/** Facts decide() reads itself, beyond the tables' cells, where the packs make them matter. */
function readImplicitFacts(readings: Readings, packs: readonly CompiledPack[]) {
  const bands = packs.map((pack) => rowsOf(pack, 'riskThresholds'));
  const bandsDiffer =
    new Set(bands.map((rows) => stableJson(rows.map((r) => [r.when.cells, r.then])))).size > 1;
  // The DASH bands matter to the decision only through the resolved risk level.
  if (bandsDiffer || readings.byPath.has('harm.riskLevel')) {
    bands.forEach((rows, version) => {
      readings.note('harm.riskLevel', 'riskThresholds', version);
      for (const row of rows) {
        for (const [path, cell] of Object.entries(row.when.cells))
          readings.note(path, 'riskThresholds', version, cell);
      }
    });
  }
  packs.forEach((pack, version) => {
    for (const row of rowsOf(pack, 'contributions') as readonly CompiledRow<'contributions'>[]) {
      const cap = row.then.councilContributionCapGBP;
      if (cap !== null)
        readings.note('assessment.worksCostGBP', 'contributions', version, { max: cap }).absent = true;
    }
    for (const row of rowsOf(pack, 'tenureCoverage') as readonly CompiledRow<'tenureCoverage'>[]) {
      if (row.then.landlordPermission !== 'required') continue;
      readings.note('property.landlordPermission', 'tenureCoverage', version, 'granted');
      readings.note('property.landlordPermission', 'tenureCoverage', version, 'refused');
    }
  });
}

function candidates(reading: Reading, measureIds: readonly string[]): Representative[] {
  const values =
    reading.path === recommendedMeasures
      ? // Not sent means the standard offer; otherwise one measure at a time.
        measureIds.map((id): Representative => ({ value: [id], weight: 1, alike: [] }))
      : representatives(factCatalogue.get(reading.path)!.domain, reading.cells);
  const absent = reading.absent || reading.path === recommendedMeasures;
  return absent ? [{ value: undefined, weight: 1, alike: [] }, ...values] : values;
}

/** Values every probe answers alike become one class: the first stands for the rest, weighted by them all. */
function mergeAlike(reading: Reading, values: readonly Representative[]): Representative[] {
  if (!reading.merge) return [...values];
  const classes = new Map<string, Representative>();
  for (const rep of values) {
    const signature =
      rep.value === undefined ? 'absent' : reading.probes.map((probe) => probe(rep.value!)).join();
    const known = classes.get(signature);
    classes.set(
      signature,
      known
        ? {
            ...known,
            weight: known.weight + rep.weight,
            alike: [...known.alike, ...(rep.value === undefined ? [] : [rep.value])],
          }
        : rep,
    );
  }
  return [...classes.values()];
}

export function decisionSpace(packs: readonly CompiledPack[], measureIds: readonly string[]): DecisionSpace {
  const readings = new Readings();
  const operated = packs.filter((pack) => pack.pack.scheme.operated);
  operated.forEach((pack, version) => {
    readTables(readings, pack, version);
    // The measure asked about is always a dimension: a catch-all row's status can change too.
    readings.note(recommendedMeasures, 'measures', version);
  });
  readImplicitFacts(readings, operated);
  const all = [...readings.byPath.values()].filter((r) => factCatalogue.has(r.path));
  // A fact only one version reads may not be sent by case systems yet: try it absent too.
  for (const reading of all) if (operated.length > 1 && reading.versions.size === 1) reading.absent = true;
  // The measure asked about last, so the report lists the case first.
  const ordered = [
    ...all.filter((r) => r.path !== recommendedMeasures),
    ...all.filter((r) => r.path === recommendedMeasures),
  ];
  const dimensions = ordered.map((reading) => ({
    path: reading.path,
    values: mergeAlike(reading, candidates(reading, measureIds)),
  }));
  const measures = readings.byPath.get(recommendedMeasures);
  const separable =
    measures !== undefined &&
    !readings.measuresReadDerived &&
    [...measures.readers].every((t) => t === 'measures');
  const measuresReads = new Set(
    ordered.flatMap((reading, i) => (reading.readers.has('measures') ? [i] : [])),
  );
  const readers = new Map(ordered.map((reading) => [reading.path, reading.readers]));
  return { dimensions, measuresReads: separable ? measuresReads : null, readers };
}

export const toCase = (dimensions: readonly Dimension[], choice: Choice): Case =>
  toFacts(dimensions, choice) as unknown as Case;

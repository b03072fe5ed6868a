// Checks the schema cannot express: facts and measures that exist, values in each fact's domain,
// unique row ids, citations that name a declared source, and Welsh texts that name an English one.
import type { Cell, Conditions, RulePack, Scalar } from '../generated/pack';
import type { RowOf, TableId } from './compiledPack';
import { tableIds } from './compilePack';
import { factCatalogue, type FactDomain } from './factCatalogue';
import { pointerOf, type PackProblem } from './problems';
import { didYouMean } from './suggestions';
import { welshProblems } from './welshTexts';
import { wordingProblems } from './wordingChecks';

function valuesOf(cell: Cell): Scalar[] {
  if (Array.isArray(cell)) return cell;
  if (typeof cell !== 'object') return [cell];
  if ('not' in cell) return Array.isArray(cell.not) ? cell.not : [cell.not];
  if ('includes' in cell) return [cell.includes];
  return [];
}

function cellProblem(domain: FactDomain, cell: Cell): string | null {
  const object = typeof cell === 'object' && !Array.isArray(cell) ? cell : null;
  const isIncludes = object !== null && 'includes' in object;
  if (isIncludes !== (domain.kind === 'set')) {
    return domain.kind === 'set'
      ? 'a list fact takes {"includes": value}'
      : '{"includes"} is only for list facts';
  }
  if (object && !('not' in object) && !('includes' in object)) {
    const cell = object;
    if (domain.kind !== 'integer' && domain.kind !== 'number') return 'a min/max range needs a number fact';
    if (cell.min !== undefined && cell.max !== undefined && cell.min > cell.max) return 'min is above max';
    return null;
  }
  for (const value of valuesOf(cell)) {
    if ((domain.kind === 'enum' || domain.kind === 'set') && !domain.values.includes(value as string)) {
      const near = typeof value === 'string' ? didYouMean(value, domain.values) : '';
      return `"${String(value)}" is not one of: ${domain.values.join(', ')}${near}`;
    }
    if (domain.kind === 'boolean' && typeof value !== 'boolean')
      return `"${String(value)}" must be true or false`;
    if ((domain.kind === 'integer' || domain.kind === 'number') && typeof value !== 'number') {
      return `"${String(value)}" must be a number`;
    }
  }
  return null;
}

function checkConditions(
  conditions: Conditions | undefined,
  where: { file: string; table: TableId; row: string; pointer: string },
  knownMeasures: ReadonlySet<string>,
): PackProblem[] {
  const problems: PackProblem[] = [];
  const problem = (key: string, message: string) =>
    problems.push({ ...where, pointer: `${where.pointer}${pointerOf(key)}`, message, severity: 'error' });
  for (const [path, cell] of Object.entries(conditions ?? {})) {
    const fact = factCatalogue.get(path);
    if (!fact) {
      problem(path, `"${path}" is not a fact the API knows${didYouMean(path, factCatalogue.keys())}`);
      continue;
    }
    if (fact.scope === 'measure' && where.table !== 'measures') {
      problem(path, `"${path}" can only be used in the measures table`);
    }
    const wrong = cellProblem(fact.domain, cell);
    if (wrong) problem(path, `${path}: ${wrong}`);
    if (path === 'measure.id') {
      for (const id of valuesOf(cell)) {
        if (knownMeasures.has(String(id))) continue;
        problem(
          path,
          `"${String(id)}" is not in the measures catalogue${didYouMean(String(id), knownMeasures)}`,
        );
      }
    }
  }
  return problems;
}

export function checkPackSemantics(
  pack: RulePack,
  file: string,
  knownMeasures: ReadonlySet<string>,
): PackProblem[] {
  const problems: PackProblem[] = [];
  const sourceIds = new Set<string>();
  pack.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) {
      problems.push({
        file,
        pointer: pointerOf('sources', i, 'id'),
        message: `source "${source.id}" is declared twice`,
        severity: 'error',
      });
    }
    sourceIds.add(source.id);
  });
  const checkSource = (document: string, pointer: string, table?: string, row?: string) => {
    if (!sourceIds.has(document)) {
      problems.push({
        file,
        table,
        row,
        pointer,
        message: `cites "${document}", which is not in the pack's sources${didYouMean(document, sourceIds)}`,
        severity: 'error',
      });
    }
  };
  checkSource(pack.scheme.source.document, pointerOf('scheme', 'source', 'document'));
  if (pack.alternatives)
    checkSource(pack.alternatives.source.document, pointerOf('alternatives', 'source', 'document'));
  if (pack.effectiveTo && pack.effectiveTo < pack.effectiveFrom) {
    problems.push({
      file,
      pointer: '/effectiveTo',
      message: 'effectiveTo is before effectiveFrom',
      severity: 'error',
    });
  }

  for (const table of tableIds) {
    const rows = (pack.tables[table]?.rows ?? []) as RowOf<TableId>[];
    const declared = new Set((pack.tables[table]?.inputs ?? []).map((input) => input.fact));
    (pack.tables[table]?.inputs ?? []).forEach((input, i) => {
      if (!factCatalogue.has(input.fact)) {
        problems.push({
          file,
          table,
          pointer: pointerOf('tables', table, 'inputs', i, 'fact'),
          message: `input "${input.fact}" is not a fact the API knows${didYouMean(input.fact, factCatalogue.keys())}`,
          severity: 'error',
        });
      }
    });
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const at = pointerOf('tables', table, 'rows', i);
      const where = { file, table, row: row.id };
      if (seen.has(row.id)) {
        problems.push({
          ...where,
          pointer: `${at}/id`,
          message: `row id "${row.id}" is used twice in ${table}`,
          severity: 'error',
        });
      }
      seen.add(row.id);
      checkSource(row.source.document, `${at}/source/document`, table, row.id);
      problems.push(...checkConditions(row.when, { ...where, pointer: `${at}/when` }, knownMeasures));
      if ('require' in row) {
        problems.push(...checkConditions(row.require, { ...where, pointer: `${at}/require` }, knownMeasures));
      }
      const used = [...Object.keys(row.when ?? {}), ...Object.keys('require' in row ? row.require : {})];
      for (const path of used) {
        if (factCatalogue.has(path) && !declared.has(path)) {
          problems.push({
            ...where,
            pointer: at,
            message: `row reads "${path}", which is not among the table's inputs`,
            severity: 'warning',
          });
        }
      }
    });
  }
  problems.push(...wordingProblems(pack, file));
  problems.push(...welshProblems(pack, file, tableIds));
  return problems;
}

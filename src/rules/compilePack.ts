// Validated pack → compiled tables. Runs once per pack at load, never per request.
import type { RulePack } from '../generated/pack';
import { compileConditions } from './conditions';
import { deepFreeze } from './deepFreeze';
import {
  citation,
  type CompiledPack,
  type CompiledRow,
  type CompiledTable,
  type CompiledTables,
  type RowOf,
  type TableId,
  type Tables,
} from './compiledPack';

export const tableIds: readonly TableId[] = [
  'eligibility',
  'referralRoutes',
  'tenureCoverage',
  'riskThresholds',
  'contributions',
  'measures',
  'approvals',
  'routing',
  'response',
];

function compileRows<K extends TableId>(
  owner: string,
  id: K,
  table: NonNullable<Tables[K]>,
  sourcesOf: Pick<RulePack, 'sources'>,
): CompiledRow<K>[] {
  return (table.rows as RowOf<K>[]).map((row): CompiledRow<K> => ({
    id: row.id,
    ruleId: `${owner}/${id}/${row.id}`,
    when: compileConditions(row.when),
    require: 'require' in row ? compileConditions(row.require) : null,
    then: row.then,
    citation: citation(sourcesOf, row.source),
    cy: 'cy' in row ? (row.cy as CompiledRow<K>['cy']) : undefined,
  }));
}

function compileTable<K extends TableId>(
  pack: RulePack,
  id: K,
  table: NonNullable<Tables[K]>,
  sourcesOf: Pick<RulePack, 'sources'>,
): CompiledTable<K> {
  const rows = compileRows(pack.authorityId, id, table, sourcesOf);
  return { id, ruleId: `${pack.authorityId}/${id}`, title: table.title, hitPolicy: table.hitPolicy, rows };
}

const sameCells = (a: object | undefined, b: object | undefined) =>
  JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/**
 * A pack's criteria plus the service's national safety rules (named `national/eligibility/<row>`), except
 * those the pack already states itself, so a case never fails the same criterion twice.
 */
function withSafetyRules(
  own: CompiledTable<'eligibility'>,
  pack: RulePack,
  defaults: NationalDefaults,
): CompiledTable<'eligibility'> {
  if (!defaults.eligibility) return own;
  const stated = (row: RowOf<'eligibility'>) =>
    pack.tables.eligibility.rows.some(
      (mine) => sameCells(mine.require, row.require) && sameCells(mine.when, row.when),
    );
  const national = { ...defaults.eligibility, rows: defaults.eligibility.rows.filter((row) => !stated(row)) };
  return { ...own, rows: [...own.rows, ...compileRows('national', 'eligibility', national, defaults)] };
}

/** National defaults: the DASH bands for packs without their own, and the service's safety rules. */
export interface NationalDefaults {
  sources: RulePack['sources'];
  riskThresholds: NonNullable<Tables['riskThresholds']>;
  eligibility?: Tables['eligibility'];
}

/** Every table of a pack in `tableIds` order, the order the API lists them in. */
function compileTables(pack: RulePack, defaults: NationalDefaults): CompiledTables {
  const { tables } = pack;
  const compileOwn = <K extends TableId>(id: K, table: NonNullable<Tables[K]>) =>
    compileTable(pack, id, table, pack);
  return {
    eligibility: withSafetyRules(compileOwn('eligibility', tables.eligibility), pack, defaults),
    referralRoutes: compileOwn('referralRoutes', tables.referralRoutes),
    tenureCoverage: compileOwn('tenureCoverage', tables.tenureCoverage),
    riskThresholds: tables.riskThresholds
      ? compileOwn('riskThresholds', tables.riskThresholds)
      : compileTable(pack, 'riskThresholds', defaults.riskThresholds, defaults),
    contributions: compileOwn('contributions', tables.contributions),
    measures: compileOwn('measures', tables.measures),
    approvals: tables.approvals ? compileOwn('approvals', tables.approvals) : null,
    routing: compileOwn('routing', tables.routing),
    response: compileOwn('response', tables.response),
  };
}

export function compilePack(
  pack: RulePack,
  file: string,
  sha256: string,
  defaults: NationalDefaults,
  loadedAt: string,
): CompiledPack {
  return {
    pack,
    file,
    authority: deepFreeze({ id: pack.authorityId, name: pack.name }),
    ruleSet: deepFreeze({
      version: pack.version,
      effectiveFrom: pack.effectiveFrom,
      effectiveTo: pack.effectiveTo ?? null,
      sha256,
    }),
    alternatives: deepFreeze([...(pack.alternatives?.values ?? [])]),
    loadedAt,
    tables: compileTables(pack, defaults),
    alternativesCitation: pack.alternatives ? citation(pack, pack.alternatives.source) : null,
    schemeCitation: citation(pack, pack.scheme.source),
  };
}

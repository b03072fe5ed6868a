// Validated pack → compiled tables. Runs once per pack at load, never per request.
import type { RulePack } from '../generated/pack';
import { compileConditions } from './conditions';
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

function compileTable<K extends TableId>(
  pack: RulePack,
  id: K,
  table: NonNullable<Tables[K]>,
  sourcesOf: Pick<RulePack, 'sources'>,
): CompiledTable<K> {
  const rows = (table.rows as RowOf<K>[]).map((row): CompiledRow<K> => ({
    id: row.id,
    ruleId: `${pack.authorityId}/${id}/${row.id}`,
    when: compileConditions(row.when),
    require: 'require' in row ? compileConditions(row.require) : null,
    then: row.then,
    citation: citation(sourcesOf, row.source),
  }));
  return { id, ruleId: `${pack.authorityId}/${id}`, title: table.title, hitPolicy: table.hitPolicy, rows };
}

/** National defaults fill tables a pack leaves out (today: the DASH risk bands). */
export interface NationalDefaults {
  sources: RulePack['sources'];
  riskThresholds: NonNullable<Tables['riskThresholds']>;
}

export function compilePack(
  pack: RulePack,
  file: string,
  sha256: string,
  defaults: NationalDefaults,
  loadedAt: string,
): CompiledPack {
  const tables = {} as Record<TableId, CompiledTable<TableId> | null>;
  for (const id of tableIds) {
    const own = pack.tables[id];
    if (own) tables[id] = compileTable(pack, id, own as NonNullable<Tables[typeof id]>, pack);
    else if (id === 'riskThresholds') tables[id] = compileTable(pack, id, defaults.riskThresholds, defaults);
    else tables[id] = null;
  }
  return {
    pack,
    file,
    ruleSet: {
      version: pack.version,
      effectiveFrom: pack.effectiveFrom,
      effectiveTo: pack.effectiveTo ?? null,
      sha256,
    },
    loadedAt,
    tables: tables as unknown as CompiledTables,
    alternativesCitation: pack.alternatives ? citation(pack, pack.alternatives.source) : null,
    schemeCitation: citation(pack, pack.scheme.source),
  };
}

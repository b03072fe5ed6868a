// The table analysis over a whole pack, and over the national defaults that packs without their own
// risk bands inherit (checked once, against the defaults file, not once per pack).
import type { CompiledPack, TableId } from '../rules/compiledPack';
import { tableIds } from '../rules/compilePack';
import { pointerOf, type PackProblem } from '../rules/problems';
import { analyseTable } from './tableAnalysis';

export function analysePack(compiled: CompiledPack, cap?: number): PackProblem[] {
  // An authority that runs no scheme decides every case "no-scheme" without reading its tables.
  if (!compiled.pack.scheme.operated) return [];
  return tableIds.flatMap((id) => {
    const own = compiled.pack.tables[id];
    const table = compiled.tables[id];
    if (!own || !table) return [];
    const inputs = own.inputs.map((input) => input.fact);
    return analyseTable({ table, inputs, file: compiled.file, pointer: pointerOf('tables', id) }, cap);
  });
}

/** The defaults' tables as some pack compiled them, analysed against national-defaults.json. */
export function analyseNationalDefaults(
  packs: readonly CompiledPack[],
  inputs: Partial<Record<TableId, readonly string[]>>,
  file = 'national-defaults.json',
): PackProblem[] {
  const inheriting = packs.find((p) => p.pack.scheme.operated && !p.pack.tables.riskThresholds);
  const table = inheriting?.tables.riskThresholds;
  if (!table) return [];
  return analyseTable({
    table,
    inputs: inputs.riskThresholds ?? [],
    file,
    pointer: pointerOf('riskThresholds'),
  });
}

// Canonical text for rows' cells and outputs, so that rows written differently but meaning the same
// (keys in another order, a list in another order, a one-item list for a value) compare equal.
import type { Cell, Conditions } from '../generated/pack';

function canonicalCell(cell: Cell): unknown {
  const list = (values: readonly unknown[]) => {
    const sorted = [...new Set(values)].sort((a, b) => String(a).localeCompare(String(b)));
    return sorted.length === 1 ? sorted[0] : sorted;
  };
  if (Array.isArray(cell)) return list(cell);
  if (typeof cell === 'object' && 'not' in cell)
    return { not: Array.isArray(cell.not) ? list(cell.not) : cell.not };
  return cell;
}

/** Stable JSON: object keys sorted at every level. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function canonicalConditions(conditions: Conditions | null | undefined): string {
  const cells = Object.entries(conditions ?? {}).map(([path, cell]) => [path, canonicalCell(cell)]);
  return stableJson(Object.fromEntries(cells));
}

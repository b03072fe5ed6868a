// Figure 1 against GoRules zen-engine: the same pack's tables as one JDM graph (a collect decision table per
// table, each row's cells as unary expressions), evaluated once per case. zen-engine ships a per-platform native
// binary, so it is installed at bench time into a temporary folder and never enters the lockfile.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Case } from '../../src/contract/apiTypes';
import type { Cell, Scalar } from '../../src/generated/pack';
import type { CompiledPack } from '../../src/rules/compiledPack';
import type { Facts } from '../../src/rules/conditions';
import { referenceEngineFor } from '../../test/support/referenceEngine';

export const zenVersion = '0.54.0';

interface ZenDecision {
  evaluate(context: unknown): Promise<{ result: Record<string, { rule: string }[]> }>;
}
interface ZenModule {
  ZenEngine: new () => { createDecision(content: object): ZenDecision };
}

export interface ZenDecider {
  /** The rule names that matched, named as the reference engine names them. */
  matches(caseFacts: Case): Promise<Set<string>>;
  remove(): void;
}

const literal = (value: Scalar) => JSON.stringify(value);

/** One cell as a zen unary expression on `$`, with json-rules-engine's operators' meaning. */
export function zenCell(cell: Cell): string {
  if (Array.isArray(cell)) return `$ in [${cell.map(literal).join(', ')}]`;
  if (typeof cell !== 'object' || cell === null) return `$ == ${literal(cell)}`;
  if ('not' in cell)
    return Array.isArray(cell.not)
      ? `not($ in [${cell.not.map(literal).join(', ')}])`
      : `$ != ${literal(cell.not)}`;
  if ('includes' in cell) return `contains($, ${literal(cell.includes)})`;
  const bounds: string[] = [];
  if (cell.min !== undefined) bounds.push(`$ >= ${cell.min}`);
  if (cell.max !== undefined) bounds.push(`$ <= ${cell.max}`);
  return bounds.join(' and ');
}

interface Row {
  ruleId: string;
  cells: Record<string, Cell>;
}

/** A JDM graph: the request feeding one collect table per group of rows (its matches under `t<n>`), all feeding the response. */
export function jdmGraph(groups: readonly Row[][]): object {
  const nodes: object[] = [{ id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } }];
  const edges: object[] = [];
  groups.forEach((rows, t) => {
    const paths = [...new Set(rows.flatMap((row) => Object.keys(row.cells)))];
    const inputs = paths.map((field, i) => ({ id: `t${t}i${i}`, name: field, field }));
    const content = {
      hitPolicy: 'collect',
      outputPath: `t${t}`,
      inputs,
      outputs: [{ id: `t${t}o`, name: 'rule', field: 'rule' }],
      rules: rows.map((row, r) => ({
        _id: `t${t}r${r}`,
        [`t${t}o`]: literal(row.ruleId),
        ...Object.fromEntries(inputs.map((input) => [input.id, cellOrAny(row.cells[input.field])])),
      })),
    };
    nodes.push({ id: `t${t}`, type: 'decisionTableNode', name: `t${t}`, position: { x: 0, y: 0 }, content });
    edges.push({ id: `in${t}`, sourceId: 'request', targetId: `t${t}`, type: 'edge' });
    edges.push({ id: `out${t}`, sourceId: `t${t}`, targetId: 'response', type: 'edge' });
  });
  nodes.push({ id: 'response', type: 'outputNode', name: 'Response', position: { x: 0, y: 0 } });
  return { nodes, edges };
}

const cellOrAny = (cell: Cell | undefined) => (cell === undefined ? '' : zenCell(cell));

/** Each table's rows, with an eligibility row's requirement as a row of its own, as the reference engine has it. */
function tableGroups(pack: CompiledPack): Row[][] {
  return Object.values(pack.tables)
    .filter((table) => table !== null)
    .map((table) =>
      table.rows.flatMap((row) => [
        { ruleId: row.ruleId, cells: row.when.cells },
        ...(row.require ? [{ ruleId: `${row.ruleId}#require`, cells: row.require.cells }] : []),
      ]),
    );
}

const factsOf = (caseFacts: Case): Facts => ({
  ...(caseFacts as Facts),
  resolved: { riskLevel: caseFacts.harm?.riskLevel },
});

/** Installs zen-engine into a temporary folder and builds the pack's graph; or says why it could not. */
export function zenDeciderFor(pack: CompiledPack): ZenDecider | string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-bench-zen-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        folder,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        `@gorules/zen-engine@${zenVersion}`,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module installed at run time, outside the lockfile
    const zen = require(path.join(folder, 'node_modules', '@gorules', 'zen-engine')) as ZenModule;
    const groups = tableGroups(pack);
    const decision = new zen.ZenEngine().createDecision(jdmGraph(groups));
    return {
      async matches(caseFacts) {
        const { result } = await decision.evaluate(factsOf(caseFacts));
        return new Set(
          Object.values(result).flatMap((rows) => (Array.isArray(rows) ? rows.map((r) => r.rule) : [])),
        );
      },
      remove,
    };
  } catch (error) {
    remove();
    return `zen-engine ${zenVersion} did not install or load: ${(error as Error).message.split('\n')[0]}`;
  }
}

/** How many of `cases` zen-engine and the reference engine match exactly the same rows for. */
export async function zenAgreement(
  pack: CompiledPack,
  zen: ZenDecider,
  cases: readonly Case[],
): Promise<number> {
  const reference = referenceEngineFor(pack);
  let agree = 0;
  for (const c of cases) {
    const [ours, theirs] = await Promise.all([reference.matches(factsOf(c)), zen.matches(c)]);
    if (ours.size === theirs.size && [...ours].every((name) => theirs.has(name))) agree++;
  }
  return agree;
}

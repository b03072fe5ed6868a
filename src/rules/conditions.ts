// A row's cells as json-rules-engine conditions (the rule language, and the reference semantics the tests hold
// the service to), and the closure that evaluates those same conditions in three-valued logic, so that an absent
// fact makes a row "unknown" instead of silently false.
import type { ConditionProperties } from 'json-rules-engine';
import type { Cell, Conditions, Scalar } from '../generated/pack';

export type Truth = true | false | 'unknown';

/** Facts as json-rules-engine sees them: one fact per top-level section of the case (harm, property, ...). */
export type Facts = Record<string, Record<string, unknown> | undefined>;

export interface CompiledConditions {
  /** The cells as written in the pack, e.g. `{ "property.tenure": "private-rented" }`. */
  readonly cells: Conditions;
  /** The fact paths the cells read, in order. */
  readonly paths: readonly string[];
  readonly evaluate: (facts: Facts) => Truth;
  /** The paths whose absence leaves the result unknown (call only when `evaluate` said unknown). */
  readonly missing: (facts: Facts) => string[];
}

type Operator = (a: unknown, b: unknown) => boolean;
type Atom = { path: string; section: string; key: string; operator: Operator; value: unknown };

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// The operators match json-rules-engine's defaults exactly (see its engine-default-operators).
const operators = {
  equal: (a: unknown, b: Scalar) => a === b,
  notEqual: (a: unknown, b: Scalar) => a !== b,
  in: (a: unknown, b: readonly Scalar[]) => b.indexOf(a as Scalar) > -1,
  notIn: (a: unknown, b: readonly Scalar[]) => b.indexOf(a as Scalar) === -1,
  greaterThanInclusive: (a: unknown, b: number) => isNumber(a) && a >= b,
  lessThanInclusive: (a: unknown, b: number) => isNumber(a) && a <= b,
  contains: (a: unknown, b: Scalar) => Array.isArray(a) && a.indexOf(b) > -1,
};

function cellToConditions(path: string, cell: Cell): ConditionProperties[] {
  const [fact, key] = splitPath(path);
  const at = (operator: keyof typeof operators, value: unknown): ConditionProperties => ({
    fact,
    path: `$.${key}`,
    operator,
    value,
  });
  if (Array.isArray(cell)) return [at('in', cell)];
  if (typeof cell !== 'object') return [at('equal', cell)];
  if ('not' in cell) return [Array.isArray(cell.not) ? at('notIn', cell.not) : at('notEqual', cell.not)];
  if ('includes' in cell) return [at('contains', cell.includes)];
  const range: ConditionProperties[] = [];
  if (cell.min !== undefined) range.push(at('greaterThanInclusive', cell.min));
  if (cell.max !== undefined) range.push(at('lessThanInclusive', cell.max));
  return range;
}

/**
 * The cells as json-rules-engine conditions, `{ all: [...] }`: the evaluator below is derived from this, and the
 * reference engine in the tests runs it, so the two read the rows the same way.
 */
export function ruleConditions(cells: Conditions): { all: ConditionProperties[] } {
  return { all: Object.entries(cells).flatMap(([path, cell]) => cellToConditions(path, cell)) };
}

export function splitPath(path: string): [string, string] {
  const dot = path.indexOf('.');
  return [path.slice(0, dot), path.slice(dot + 1)];
}

function toAtom(condition: ConditionProperties): Atom {
  const section = condition.fact;
  const key = String(condition.path).slice(2);
  const operator = operators[condition.operator as keyof typeof operators] as Operator;
  return { path: `${section}.${key}`, section, key, operator, value: condition.value };
}

function read(facts: Facts, section: string, key: string): unknown {
  const object = Object.hasOwn(facts, section) ? facts[section] : undefined;
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

export function compileConditions(conditions: Conditions = {}): CompiledConditions {
  const atoms = ruleConditions(conditions).all.map(toAtom);
  const evaluate = (facts: Facts): Truth => {
    let unknown = false;
    for (let i = 0; i < atoms.length; i++) {
      const atom = atoms[i]!;
      const value = read(facts, atom.section, atom.key);
      if (value === undefined) unknown = true;
      else if (!atom.operator(value, atom.value)) return false;
    }
    return unknown ? 'unknown' : true;
  };
  const missing = (facts: Facts) =>
    atoms.filter((atom) => read(facts, atom.section, atom.key) === undefined).map((atom) => atom.path);
  return { cells: conditions, paths: [...new Set(atoms.map((a) => a.path))], evaluate, missing };
}

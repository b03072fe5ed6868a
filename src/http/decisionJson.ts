// A decision (or a batch case's problem) as JSON: the same bytes JSON.stringify's text gives, made faster. Most
// of a decision is parts shared, deeply frozen, by every decision that reaches the same rows (trace entries,
// reasons, routing; see src/decide/sharedParts.ts). Each frozen part is encoded once, and every later decision
// copies its bytes, so a decision's JSON is mostly copied, not escaped and encoded again.
import type { Decision, Problem } from '../contract/apiTypes';
import { isProblem } from './problem';
import { JsonOutput } from './jsonOutput';

/**
 * The bytes of each frozen object or list met so far. The service freezes only what it never changes again, and
 * freezes it all the way down (src/rules/deepFreeze.ts), so a frozen value's JSON cannot change either.
 */
const frozenBytes = new WeakMap<object, Buffer>();

/** `"name":` for each field name: a few dozen names recur in every decision. */
const fieldBytes = new Map<string, Buffer>();
const maxFieldNames = 1000;

function fieldName(key: string): Buffer {
  let bytes = fieldBytes.get(key);
  if (!bytes) {
    bytes = Buffer.from(`${JSON.stringify(key)}:`);
    if (fieldBytes.size < maxFieldNames) fieldBytes.set(key, bytes);
  }
  return bytes;
}

const [openBrace, closeBrace, openBracket, closeBracket, comma] = [...'{}[],'].map((c) =>
  c.charCodeAt(0),
) as [number, number, number, number, number];

/** Values JSON.stringify leaves out of objects, and writes as null in lists. */
const omitted = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** Writes what JSON.stringify would give for a value it would not leave out. */
export function writeJson(output: JsonOutput, value: unknown): void {
  if (value === null || typeof value !== 'object') return output.write(JSON.stringify(value) ?? 'null');
  if (Object.isFrozen(value)) {
    let bytes = frozenBytes.get(value);
    if (!bytes) frozenBytes.set(value, (bytes = Buffer.from(JSON.stringify(value))));
    return output.writeBytes(bytes);
  }
  // Anything with its own notion of JSON (a Date, say) is left to JSON.stringify.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return output.write(JSON.stringify(value));
  if (Array.isArray(value)) return writeList(output, value);
  writeRecord(output, value as Record<string, unknown>);
}

function writeList(output: JsonOutput, list: readonly unknown[]): void {
  output.writeByte(openBracket);
  for (let i = 0; i < list.length; i++) {
    if (i) output.writeByte(comma);
    const item = list[i];
    if (omitted(item)) output.write('null');
    else writeJson(output, item);
  }
  output.writeByte(closeBracket);
}

/** What a decision's `trace` becomes when the caller asked for none (`?trace=false`): the field stays, empty. */
const noTrace: readonly unknown[] = Object.freeze([]);

/**
 * Writes a record; `opening`, if given, is its first field already as JSON, brace included. `trace` false: its
 * own `trace` field (a decision's) is written as an empty list.
 */
function writeRecord(
  output: JsonOutput,
  record: Record<string, unknown>,
  opening?: Buffer,
  trace = true,
): void {
  let fields = 0;
  if (opening) {
    output.writeBytes(opening);
    fields++;
  }
  for (const key of Object.keys(record)) {
    const field = trace || key !== 'trace' ? record[key] : noTrace;
    if (omitted(field) || (opening && key === 'kind')) continue;
    output.writeByte(fields++ ? comma : openBrace);
    output.writeBytes(fieldName(key));
    writeJson(output, field);
  }
  if (!fields) output.writeByte(openBrace);
  output.writeByte(closeBrace);
}

/** Where single answers are written before they are copied out. */
const scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * One answer's JSON as UTF-8 bytes held in a "binary" string, one character per byte, for sending with the
 * latin1 encoding, which writes each character back as its byte. A decision is a few kilobytes: a string for it
 * is allocated in the heap, where a Buffer of its own would be a slower allocation outside it.
 */
export function decisionBytes(result: Decision | Problem, trace = true): string {
  const output = new JsonOutput(scratch.length, scratch);
  if (trace || isProblem(result)) writeJson(output, result);
  else writeRecord(output, result as unknown as Record<string, unknown>, undefined, false);
  const bytes = output.toBuffer();
  return bytes.toString('latin1');
}

/** `kind` first in each batch result, to tell a decision from a problem (BatchDecision, BatchProblem). */
const decisionKind = Buffer.from('{"kind":"decision"');
const problemKind = Buffer.from('{"kind":"problem"');

/**
 * One batch result, as JSON.stringify({ kind, ...result }) writes it: `kind` is written ahead of the result's own
 * fields, so that the result is neither copied nor changed (its frozen parts keep their cached bytes).
 */
export function writeBatchResult(output: JsonOutput, result: Decision | Problem, trace = true): void {
  if (isProblem(result)) writeRecord(output, result as Record<string, unknown>, problemKind);
  else writeRecord(output, result as unknown as Record<string, unknown>, decisionKind, trace);
}

/** Results `from` up to (not including) `to`, comma-separated, continuing the results list. */
function writeResults(
  output: JsonOutput,
  from: number,
  to: number,
  resultAt: (index: number) => Decision | Problem,
  trace: boolean,
): void {
  for (let i = from; i < to; i++) {
    if (i) output.writeByte(comma);
    writeBatchResult(output, resultAt(i), trace);
  }
}

/**
 * A batch's answer, `{"results":[...]}`, each result with its `kind`: each result is asked for, and written out,
 * in turn, so that no decision outlives its own case.
 */
export function batchJson(count: number, resultAt: (index: number) => Decision | Problem): JsonOutput {
  const output = new JsonOutput();
  output.write('{"results":[');
  writeResults(output, 0, count, resultAt, true);
  output.write(']}');
  return output;
}

/**
 * The same, `slice` cases at a time with the event loop free between slices, so that a large batch never
 * holds up /healthz or another client's decision for the whole of its deciding; `trace` false: each decision's
 * trace written as an empty list.
 */
export async function batchJsonInSlices(
  count: number,
  resultAt: (index: number) => Decision | Problem,
  { trace = true, slice = 100 }: { trace?: boolean; slice?: number } = {},
): Promise<JsonOutput> {
  const output = new JsonOutput();
  output.write('{"results":[');
  for (let from = 0; from < count; from += slice) {
    if (from) await new Promise(setImmediate);
    writeResults(output, from, Math.min(from + slice, count), resultAt, trace);
  }
  output.write(']}');
  return output;
}

// A decision (or a batch case's problem) as JSON: the same text JSON.stringify gives, made faster. The trace is
// most of a decision's JSON, and its entries are shared frozen objects (src/decide/traceEntries.ts), so each
// entry is serialised once, and every later decision that reaches the same row reuses its text.
import type { Decision, Problem, TraceEntry } from '../contract/apiTypes';
import type { JsonOutput } from './jsonOutput';

interface EntryJson {
  readonly text: string;
  /** `,` and the text as UTF-8, for every entry after a trace's first. */
  readonly afterComma: Buffer;
}

const entries = new WeakMap<TraceEntry, EntryJson>();

function entryJson(entry: TraceEntry): EntryJson {
  let json = entries.get(entry);
  if (!json) {
    const text = JSON.stringify(entry);
    entries.set(entry, (json = { text, afterComma: Buffer.from(`,${text}`) }));
  }
  return json;
}

/**
 * Every field but the trace, without the closing brace. The trace is a decision's last field, so its text goes
 * at the end, where JSON.stringify puts it.
 */
function untilTrace(decision: Decision): string {
  const { trace: _trace, ...rest } = decision;
  return JSON.stringify(rest).slice(0, -1);
}

/** For one answer, sent as a string: Node encodes it as it writes the response. */
export function decisionJson(result: Decision | Problem): string {
  if (!('trace' in result)) return JSON.stringify(result);
  let json = `${untilTrace(result)},"trace":[`;
  result.trace.forEach((entry, i) => (json += i ? `,${entryJson(entry).text}` : entryJson(entry).text));
  return `${json}]}`;
}

/**
 * For a batch, encoded straight into the output: a trace entry's bytes are copied, and no string is built
 * for the whole decision, which would have to be copied whole once more before it could be encoded.
 */
export function writeDecision(output: JsonOutput, result: Decision | Problem): void {
  if (!('trace' in result)) return output.write(JSON.stringify(result));
  output.write(untilTrace(result));
  output.write(',"trace":[');
  result.trace.forEach((entry, i) =>
    output.writeBytes(i ? entryJson(entry).afterComma : entryJson(entry).afterComma.subarray(1)),
  );
  output.write(']}');
}

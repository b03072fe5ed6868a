// Rule files are untrusted input: bounded in size and nesting, and free of keys that could pollute prototypes.
// A file that is not JSON is refused at the line and column an editor shows, with what to do in a few words.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { escapeSegment } from '../contract/jsonPointer';

export const maxRuleFileBytes = 2 * 1024 * 1024;
const maxDepth = 32;
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export type ParseResult = { ok: true; value: unknown } | { ok: false; pointer: string; message: string };

/** The first hazard in a parsed value, with the keys leading to it: collected only once one is found. */
function findHazard(value: unknown, depth: number): { keys: string[]; message: string } | null {
  if (depth > maxDepth) return { keys: [], message: `nested more than ${maxDepth} levels deep` };
  if (value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) return { keys: [key], message: `the key "${key}" is not allowed` };
    const hazard = findHazard((value as Record<string, unknown>)[key], depth + 1);
    if (hazard) {
      hazard.keys.unshift(key);
      return hazard;
    }
  }
  return null;
}

/** Where a JSON text first goes wrong, and what to do about it in a few words. */
export interface JsonFault {
  offset: number;
  hint: string;
}

/** The 1-based line and column of an offset, as an editor shows them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

// By jsonc-parser's error names (its codes are a const enum, which isolated modules cannot read).
const hints: Record<string, string> = {
  CommaExpected: 'a comma is missing between this and the item before it',
  ColonExpected: 'a ":" is missing after the name',
  PropertyNameExpected: 'a name in double quotes should be here',
  ValueExpected: 'a value is missing here',
  CloseBraceExpected: 'a closing "}" is missing',
  CloseBracketExpected: 'a closing "]" is missing',
  EndOfFileExpected: 'there is more after the end: an extra bracket or comma?',
  InvalidCommentToken: 'JSON cannot hold comments',
  UnexpectedEndOfString: 'the quotes are not closed before the end of the line',
  InvalidSymbol: 'put names and text in double quotes (only true, false and null go without them)',
  InvalidNumberFormat: 'not a valid number',
  InvalidEscapeCharacter: 'a backslash that starts no escape: write \\\\ for a backslash',
  InvalidCharacter: 'a tab or control character inside quoted text: write \\t for a tab',
};

/** The first fault in a JSON text (found by jsonc-parser, in strict JSON mode), or null when there is none. */
export function findJsonFault(text: string): JsonFault | null {
  if (text.startsWith('\uFEFF'))
    return {
      offset: 0,
      hint: 'the file starts with an invisible byte-order mark: save it as UTF-8 without one',
    };
  if (!text.trim()) return { offset: 0, hint: 'the file is empty' };
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return null;
  const { offset } = first;
  if (offset >= text.trimEnd().length)
    return { offset, hint: 'the file ends too soon: a closing bracket is missing' };
  const comma = /,\s*$/.exec(text.slice(0, offset));
  if (comma && (text[offset] === ']' || text[offset] === '}'))
    return { offset: comma.index, hint: `remove the comma before the closing "${text[offset]}"` };
  const name = printParseErrorCode(first.error);
  return { offset, hint: hints[name] ?? name };
}

/** `not valid JSON at line 12, column 5: <what to do>`, or the engine's own words should jsonc-parser miss it. */
export function jsonFaultMessage(text: string, engineMessage: string): string {
  const fault = findJsonFault(text);
  if (!fault) return `not valid JSON: ${engineMessage}`;
  const { line, column } = lineAndColumn(text, fault.offset);
  return `not valid JSON at line ${line}, column ${column}: ${fault.hint}`;
}

export function parseRuleFile(text: string): ParseResult {
  if (Buffer.byteLength(text) > maxRuleFileBytes) {
    return { ok: false, pointer: '', message: `the file is larger than ${maxRuleFileBytes} bytes` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, pointer: '', message: jsonFaultMessage(text, (error as Error).message) };
  }
  const hazard = findHazard(value, 0);
  if (!hazard) return { ok: true, value };
  return {
    ok: false,
    pointer: hazard.keys.map((key) => `/${escapeSegment(key)}`).join(''),
    message: hazard.message,
  };
}

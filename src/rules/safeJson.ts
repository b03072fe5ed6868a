// Rule files are untrusted input: bounded in size and nesting, and free of keys that could pollute prototypes.
export const maxRuleFileBytes = 2 * 1024 * 1024;
const maxDepth = 32;
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export type ParseResult = { ok: true; value: unknown } | { ok: false; pointer: string; message: string };

function findHazard(
  value: unknown,
  pointer: string,
  depth: number,
): { pointer: string; message: string } | null {
  if (depth > maxDepth) return { pointer, message: `nested more than ${maxDepth} levels deep` };
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (forbiddenKeys.has(key)) return { pointer: childPointer, message: `the key "${key}" is not allowed` };
    const hazard = findHazard(child, childPointer, depth + 1);
    if (hazard) return hazard;
  }
  return null;
}

export function parseRuleFile(text: string): ParseResult {
  if (Buffer.byteLength(text) > maxRuleFileBytes) {
    return { ok: false, pointer: '', message: `the file is larger than ${maxRuleFileBytes} bytes` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, pointer: '', message: `not valid JSON: ${(error as Error).message}` };
  }
  const hazard = findHazard(value, '', 0);
  return hazard ? { ok: false, ...hazard } : { ok: true, value };
}

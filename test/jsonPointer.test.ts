// JSON pointers as RFC 6901 writes them: `~` as `~0`, `/` as `~1`, and back again.
import fc from 'fast-check';
import { escapeSegment, pointerOf, segmentsOf, unescapeSegment } from '../src/contract/jsonPointer';

test('escapes `~` before `/`, so that neither is read as the other', () => {
  expect(escapeSegment('plain')).toBe('plain');
  expect(escapeSegment('a/b~c')).toBe('a~1b~0c');
  expect(escapeSegment('~1')).toBe('~01');
  expect(unescapeSegment('~01')).toBe('~1');
});

test('builds a pointer from keys and list indexes', () => {
  expect(pointerOf()).toBe('');
  expect(pointerOf('tables', 'a/b', 'rows', 0)).toBe('/tables/a~1b/rows/0');
  expect(pointerOf('')).toBe('/');
});

test('splits a pointer into the keys it names', () => {
  expect(segmentsOf('')).toEqual([]);
  expect(segmentsOf('/')).toEqual(['']);
  expect(segmentsOf('/harm/x~1y~0')).toEqual(['harm', 'x/y~']);
});

test('any keys survive the trip into a pointer and back', () => {
  fc.assert(
    fc.property(fc.array(fc.string()), (keys) => expect(segmentsOf(pointerOf(...keys))).toEqual(keys)),
  );
});

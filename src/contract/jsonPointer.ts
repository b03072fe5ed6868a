// JSON pointers (RFC 6901), written and read in one place: `~` is `~0` and `/` is `~1` in a segment.

/** A key as a pointer segment. Most keys need no escaping, and a search is cheaper than two replaces. */
export const escapeSegment = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

/** A segment as the key it names; `~1` first, so that `~01` stays `~1`. */
export const unescapeSegment = (segment: string): string =>
  segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;

/** The pointer to a path of keys and list indexes: `pointerOf('tables', 'a/b', 0)` is `/tables/a~1b/0`. */
export const pointerOf = (...segments: (string | number)[]): string =>
  segments.map((s) => '/' + escapeSegment(String(s))).join('');

/** A pointer's keys, unescaped: `/tables/a~1b/0` is `['tables', 'a/b', '0']`, and `''` (the whole) is `[]`. */
export const segmentsOf = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.split('/').slice(1).map(unescapeSegment);

// Parts of a decision that depend only on the row that gave them (a reason, a routing entry, a measure's
// status) are made once and shared, deeply frozen, by every decision that reaches that row, as trace entries
// are. A decision then allocates little of its own, and the HTTP layer can reuse each part's JSON text.
import { deepFreeze } from '../rules/deepFreeze';

/** Keys are codes and names from the rows, so they are few; past these bounds parts are made per use. */
const maxKeysPerOwner = 200;
const maxPartsPerKey = 8;
const partsByOwner = new WeakMap<object, Map<string, object[]>>();

const always = () => true;

/**
 * The part `make` gives for this owner (a compiled row or table) and key, made the first time it is asked for.
 * Where a key alone does not settle a part (a reason's code, whose text can vary), `same` says whether a part
 * made before is the one wanted. Keys are strings the rows already hold: joining strings into a key would cost
 * about as much as making the part.
 */
export function sharedPart<T extends object>(
  owner: object,
  key: string,
  make: () => T,
  same: (part: T) => boolean = always,
): T {
  let parts = partsByOwner.get(owner);
  if (!parts) partsByOwner.set(owner, (parts = new Map()));
  const made = parts.get(key) as T[] | undefined;
  if (made) for (const part of made) if (same(part)) return part;
  const part = deepFreeze(make());
  if (made) {
    if (made.length < maxPartsPerKey) made.push(part);
  } else if (parts.size < maxKeysPerOwner) parts.set(key, [part]);
  return part;
}

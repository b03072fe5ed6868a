// Values shared between decisions are frozen all the way down: one decision must never change another's.

/** Freezes a plain value and everything in it, so nothing can change a part some other decision shares. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

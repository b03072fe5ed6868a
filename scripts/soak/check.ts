// One thing the soak promises, and whether this run kept it.
export interface Check {
  readonly name: string;
  readonly passed: boolean;
  /** What was seen, in numbers: enough to tell why it failed without re-running. */
  readonly detail: string;
}

export const check = (name: string, passed: boolean, detail: string): Check => ({ name, passed, detail });

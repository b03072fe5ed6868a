// Holds the live rule store. Reading `current()` once per request means a request finishes on the rules it
// started with, even if a reload swaps in new ones meanwhile.
import type { RuleStore } from '../rules/loadRules';

export class RuleService {
  private store: RuleStore | null;

  constructor(store: RuleStore | null = null) {
    this.store = store;
  }

  current(): RuleStore | null {
    return this.store;
  }

  /** Ready once at least one valid pack is loaded. */
  isReady(): boolean {
    return (this.store?.packs.size ?? 0) > 0;
  }

  activate(store: RuleStore): void {
    this.store = store;
  }
}

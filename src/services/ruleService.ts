// Holds the live rule store. A request reads `current()` once, so it finishes on the rules it started with
// even if a reload swaps in new ones meanwhile. Reloads build the new store off to the side and swap it in
// with one assignment; a refused edit leaves the last good version of that pack live (see loadRules).
import { problemFields } from '../rules/problemWords';
import type { Logger } from '../logger';
import { loadRules, type RuleStore } from '../rules/loadRules';

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

  /** Re-reads the rules directory. Never throws: a failed reload keeps the live store and says why. */
  reload(log: Logger, now: Date = new Date()): RuleStore | null {
    const previous = this.store;
    if (!previous) return null;
    try {
      const next = loadRules(previous.dir, now, previous);
      if (next.packs.size === 0) {
        log.warn('reload refused: it left no valid rule packs', { rulesDir: previous.dir });
        return previous;
      }
      this.activate(next);
      // Each problem as check words it, field by field; a pack problem never holds case facts.
      for (const { file, problems, keptVersion } of next.rejected) {
        log.warn('rule pack edit refused', { file, keptVersion, problems: problems.map(problemFields) });
      }
      log.info('rules reloaded', { authorities: next.packs.size, rejected: next.rejected.length });
      return next;
    } catch (error) {
      log.warn('reload failed: the live rules stay', { error: (error as Error).message });
      return previous;
    }
  }
}

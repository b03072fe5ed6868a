// Watches RULES_DIR and reloads after edits settle, so a policy officer's save goes live without a restart.
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../logger';
import type { RuleService } from './ruleService';

export interface RuleWatcher {
  close(): void;
}

export function watchRules(
  rules: RuleService,
  log: Logger,
  settleMs = 200,
  reload: () => void = () => rules.reload(log),
): RuleWatcher {
  const dir = rules.current()?.dir;
  if (!dir) throw new Error('no rules loaded to watch');
  let timer: NodeJS.Timeout | undefined;
  // Editors write a file in several steps (truncate, write, rename): wait until they have finished.
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, settleMs);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true }, schedule);
    watcher.on('error', (error) => log.warn('rules watcher stopped', { error: error.message }));
  } catch (error) {
    log.warn('cannot watch the rules directory; send SIGHUP to reload', { error: (error as Error).message });
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

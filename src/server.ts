// Starts the service: read config, load the rules (refusing to start without one valid pack), listen, and
// stop cleanly on SIGTERM/SIGINT (the process is PID 1 in the container).
import { readConfig } from './config';
import { createApp } from './http/app';
import { jsonLogger, type Logger } from './logger';
import { loadRules, type RuleStore } from './rules/loadRules';
import { ukClock } from './services/decisionService';
import { RuleService } from './services/ruleService';
import { watchRules } from './services/ruleWatcher';

/** Loads the rules and reports refused packs; throws when not one pack is valid. */
export function loadRulesOrRefuse(rulesDir: string, log: Logger): RuleStore {
  const store = loadRules(rulesDir);
  for (const { file, problems } of store.rejected) {
    for (const { pointer, message } of problems)
      log.warn('rule pack rejected', { file, pointer, problem: message });
  }
  if (store.packs.size === 0) throw new Error(`no valid rule packs in ${rulesDir}: refusing to start`);
  return store;
}

function main(log: Logger) {
  const config = readConfig();
  let store: RuleStore;
  try {
    store = loadRulesOrRefuse(config.rulesDir, log);
  } catch (error) {
    log.error((error as Error).message);
    process.exit(1);
  }
  const rules = new RuleService(store);
  const watcher = config.watchRules ? watchRules(rules, log) : null;
  process.on('SIGHUP', () => rules.reload(log));
  const app = createApp({ rules, clock: ukClock, log });
  const server = app.listen(config.port, config.host, () => {
    log.info('listening', { port: config.port, authorities: store.packs.size, rulesDir: config.rulesDir });
  });
  const stop = (signal: string) => {
    log.info('stopping', { signal });
    watcher?.close();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) main(jsonLogger);

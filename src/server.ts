// Starts the service: read config, load the rules (refusing to start without one valid pack), listen, and
// stop cleanly on SIGTERM/SIGINT (the process is PID 1 in the container).
import { readConfig } from './config';
import { createApp } from './http/app';
import { jsonLogger as log } from './logger';
import { loadRules } from './rules/loadRules';
import { ukClock } from './services/decisionService';
import { RuleService } from './services/ruleService';

function main() {
  const config = readConfig();
  const store = loadRules(config.rulesDir);
  for (const { file, problems } of store.rejected) {
    for (const p of problems)
      log.warn('rule pack rejected', { file, pointer: p.pointer, problem: p.message });
  }
  if (store.packs.size === 0) {
    log.error('no valid rule packs: refusing to start', { rulesDir: config.rulesDir });
    process.exit(1);
  }
  const rules = new RuleService(store);
  const app = createApp({ rules, clock: ukClock, log });
  const server = app.listen(config.port, config.host, () => {
    log.info('listening', { port: config.port, authorities: store.packs.size, rulesDir: config.rulesDir });
  });
  const stop = (signal: string) => {
    log.info('stopping', { signal });
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main();

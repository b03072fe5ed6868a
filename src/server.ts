// Starts the service: read and check the config, load the rules (refusing to start without one valid pack),
// listen, watch the rules, and drain cleanly on SIGTERM (the process is PID 1 in the container).
// With WORKERS > 1 a primary process forks that many identical workers (node:cluster) sharing the port.
import cluster from 'node:cluster';
import { ConfigError, readConfig, type Config } from './config';
import { createApp } from './http/app';
import type { Lifecycle } from './http/middleware/setUpHealthChecks';
import { trackConnections } from './http/drain';
import { createHttpServer } from './http/httpServer';
import { createLogger, type Logger } from './logger';
import { loadRules, type RuleStore } from './rules/loadRules';
import { readApiKeys, type ApiClient } from './services/apiKeys';
import { ukClock } from './services/decisionService';
import { Metrics } from './services/metrics';
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

function startWorker(config: Config, log: Logger) {
  let store: RuleStore;
  let apiClients: ApiClient[] | null = null;
  try {
    store = loadRulesOrRefuse(config.rulesDir, log);
    if (config.apiKeysFile) apiClients = readApiKeys(config.apiKeysFile);
  } catch (error) {
    log.error((error as Error).message);
    process.exit(1);
  }
  if (!apiClients)
    log.warn('API_KEYS_FILE is not set: the API is unauthenticated, suitable for local use only');
  if (!config.staffSignIn)
    log.warn('STAFF_OIDC_ISSUER is not set: the staff pages are open, suitable for local use only');
  const metrics = new Metrics();
  metrics.observeRules(store);
  const rules = new RuleService(store);
  const onReload = () => {
    const before = rules.current();
    const after = rules.reload(log);
    if (after && after !== before) metrics.observeRules(after);
    metrics.reloads.inc({ result: after !== before ? 'applied' : 'failed' });
  };
  const watcher = config.watchRules ? watchRules(rules, log, 200, onReload) : null;
  process.on('SIGHUP', onReload);
  const lifecycle: Lifecycle = { draining: false };
  const app = createApp({
    rules,
    clock: ukClock,
    log,
    metrics,
    apiClients,
    lifecycle,
    settings: config,
    staffSignIn: config.staffSignIn,
    staffChecksPerMinute: config.staffChecksPerMinute,
  });
  const server = createHttpServer(app, config);
  const connections = trackConnections(server);
  server.listen({ port: config.port, host: config.host }, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info('listening', { port, authorities: store.packs.size, rulesDir: config.rulesDir });
  });

  const stop = async (signal: string) => {
    if (lifecycle.draining) return;
    lifecycle.draining = true;
    log.info('draining', { signal, drainTimeoutMs: config.drainTimeoutMs });
    watcher?.close();
    const result = await connections.drain(config.drainTimeoutMs);
    if (result.complete) {
      log.info('stopped');
      process.exit(0);
    }
    log.warn('drain timeout: cut the connections still open', {
      connectionsCut: result.connectionsCut,
      requestsCut: result.requestsCut,
    });
    process.exit(1);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { error: String(reason) }));
}

function startPrimary(config: Config, log: Logger) {
  let stopping = false;
  // A worker that had to cut answers while draining makes the whole stop a failure.
  let cut = false;
  log.info('starting workers', { workers: config.workers });
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      cut ||= code !== 0;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(cut ? 1 : 0);
      return;
    }
    log.warn('worker exited: starting another', { pid: worker.process.pid, code });
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    log.info('stopping workers', { signal });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGHUP');
  });
}

function main() {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger().error(`configuration: ${error.message}`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) startPrimary(config, log);
  else startWorker(config, log);
}

if (require.main === module) main();

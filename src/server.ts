// Starts the service: one worker, or with WORKERS > 1 a primary that forks that many (node:cluster) on one port.
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { ConfigError, readConfig, type Config } from './config';
import { createApp } from './http/app';
import type { Lifecycle } from './http/middleware/setUpHealthChecks';
import { trackConnections, type ConnectionTracker } from './http/drain';
import { createHttpServer } from './http/httpServer';
import { createLogger, type Logger } from './logger';
import { loadRules, type RuleStore } from './rules/loadRules';
import { readApiKeys, type ApiClient } from './services/apiKeys';
import { ukClock } from './services/decisionService';
import { Metrics } from './services/metrics';
import { RuleService } from './services/ruleService';
import { watchRules, type RuleWatcher } from './services/ruleWatcher';

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

/** What a worker reads before it starts: the rules, and the API keys when a file of them is configured. */
export interface StartingFiles {
  store: RuleStore;
  /** null: no API keys configured (local use only). */
  apiClients: ApiClient[] | null;
}

/** Reads the rules and the API keys; throws with the reason when the worker cannot start on them. */
export function readStartingFiles(
  config: Pick<Config, 'rulesDir' | 'apiKeysFile'>,
  log: Logger,
): StartingFiles {
  const store = loadRulesOrRefuse(config.rulesDir, log);
  const apiClients = config.apiKeysFile ? readApiKeys(config.apiKeysFile) : null;
  return { store, apiClients };
}

/** Open access is fine on a laptop and wrong anywhere else, so each open door is said at start. */
export function warnOfOpenAccess(
  config: Pick<Config, 'staffSignIn'>,
  apiClients: ApiClient[] | null,
  log: Logger,
): void {
  if (!apiClients)
    log.warn('API_KEYS_FILE is not set: the API is unauthenticated, suitable for local use only');
  if (!config.staffSignIn)
    log.warn('STAFF_OIDC_ISSUER is not set: the staff pages are open, suitable for local use only');
}

/** Re-reads the rules and counts the reload as applied or failed, observing the new packs when applied. */
export function reloadRules(rules: RuleService, metrics: Metrics, log: Logger): void {
  const before = rules.current();
  const after = rules.reload(log);
  if (after && after !== before) metrics.observeRules(after);
  metrics.reloads.inc({ result: after !== before ? 'applied' : 'failed' });
}

/** Reloads on SIGHUP, and on edits to the rules directory when RULES_WATCH is on; the watcher, to close. */
export function watchForRuleChanges(
  config: Pick<Config, 'watchRules'>,
  rules: RuleService,
  metrics: Metrics,
  log: Logger,
): RuleWatcher | null {
  const onReload = () => reloadRules(rules, metrics, log);
  const watcher = config.watchRules ? watchRules(rules, log, 200, onReload) : null;
  process.on('SIGHUP', onReload);
  return watcher;
}

/** Starts listening, and says so with the port bound (the one asked for, or the one given for port 0). */
export function listen(
  server: Server,
  config: Pick<Config, 'port' | 'host' | 'rulesDir'>,
  store: RuleStore,
  log: Logger,
): void {
  server.listen({ port: config.port, host: config.host }, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info('listening', { port, authorities: store.packs.size, rulesDir: config.rulesDir });
  });
}

export interface Draining {
  lifecycle: Lifecycle;
  connections: ConnectionTracker;
  watcher: RuleWatcher | null;
  drainTimeoutMs: number;
  log: Logger;
}

/**
 * Fails readiness, stops watching the rules and accepting connections, and waits for the answers in flight:
 * the exit code, 0 when every connection closed by itself and 1 when the deadline cut some.
 */
export async function drain(
  { lifecycle, connections, watcher, drainTimeoutMs, log }: Draining,
  signal: string,
): Promise<number> {
  lifecycle.draining = true;
  log.info('draining', { signal, drainTimeoutMs });
  watcher?.close();
  const result = await connections.drain(drainTimeoutMs);
  if (result.complete) {
    log.info('stopped');
    return 0;
  }
  log.warn('drain timeout: cut the connections still open', {
    connectionsCut: result.connectionsCut,
    requestsCut: result.requestsCut,
  });
  return 1;
}

/**
 * The first SIGTERM or SIGINT stops the worker (a second is ignored), as the process is PID 1 in the container
 * and gets no default handling; unhandled rejections are logged.
 */
export function handleSignals(stop: (signal: string) => Promise<number>, log: Logger): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void stop(signal).then((code) => process.exit(code));
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { error: String(reason) }));
}

/** One worker: refuses to start without one valid pack, then listens, watches the rules and drains on SIGTERM. */
function startWorker(config: Config, log: Logger) {
  let starting: StartingFiles;
  try {
    starting = readStartingFiles(config, log);
  } catch (error) {
    log.error((error as Error).message);
    process.exit(1);
  }
  const { store, apiClients } = starting;
  warnOfOpenAccess(config, apiClients, log);
  const metrics = new Metrics();
  metrics.observeRules(store);
  const rules = new RuleService(store);
  const watcher = watchForRuleChanges(config, rules, metrics, log);
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
  listen(server, config, store, log);
  const draining: Draining = { lifecycle, connections, watcher, drainTimeoutMs: config.drainTimeoutMs, log };
  handleSignals((signal) => drain(draining, signal), log);
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

// The worker's start-up and shutdown steps from src/server.ts, each on its own, without a child process.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { trackConnections } from '../src/http/drain';
import type { LogFields, Logger } from '../src/logger';
import { drain, reloadRules, type Draining } from '../src/server';
import { Metrics } from '../src/services/metrics';
import { RuleService } from '../src/services/ruleService';
import { bundledRules } from './support/appSetup';

interface Line {
  level: string;
  message: string;
  fields?: LogFields;
}

function recordingLogger(lines: Line[]): Logger {
  const at =
    (level: string) =>
    (message: string, fields?: LogFields): void => {
      lines.push({ level, message, fields });
    };
  const log: Logger = { info: at('info'), warn: at('warn'), error: at('error'), child: () => log };
  return log;
}

/** A server whose one route answers only when `answer()` is called, so a request stays in flight. */
async function serverWithHeldRequest() {
  let answer: () => void = () => undefined;
  let arrived: () => void = () => undefined;
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  const server = http.createServer((_req, res) => {
    answer = () => res.end('answered');
    arrived();
  });
  const connections = trackConnections(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ port, host: '127.0.0.1', path: '/', agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      })
      .on('error', reject);
  });
  await requestArrived;
  return { server, connections, port, response, answer: () => answer() };
}

const connectTo = (port: number) =>
  new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });

describe('drain', () => {
  test('refuses new connections, lets the request in flight finish, then resolves 0', async () => {
    const held = await serverWithHeldRequest();
    const lines: Line[] = [];
    let watcherClosed = false;
    const draining: Draining = {
      lifecycle: { draining: false },
      connections: held.connections,
      watcher: { close: () => (watcherClosed = true) },
      drainTimeoutMs: 5000,
      log: recordingLogger(lines),
    };
    const exitCode = drain(draining, 'SIGTERM');
    expect(draining.lifecycle.draining).toBe(true);
    expect(watcherClosed).toBe(true);
    expect(await connectTo(held.port)).toBe('ECONNREFUSED');
    held.answer();
    expect(await held.response).toEqual({ status: 200, body: 'answered' });
    expect(await exitCode).toBe(0);
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ['info', 'draining'],
      ['info', 'stopped'],
    ]);
    expect(lines[0]!.fields).toEqual({ signal: 'SIGTERM', drainTimeoutMs: 5000 });
  });

  test('past its deadline cuts what is still open, says what it cut, and resolves 1', async () => {
    const held = await serverWithHeldRequest();
    held.response.catch(() => undefined);
    const lines: Line[] = [];
    const draining: Draining = {
      lifecycle: { draining: false },
      connections: held.connections,
      watcher: null,
      drainTimeoutMs: 50,
      log: recordingLogger(lines),
    };
    expect(await drain(draining, 'SIGINT')).toBe(1);
    expect(lines.at(-1)).toEqual({
      level: 'warn',
      message: 'drain timeout: cut the connections still open',
      fields: { connectionsCut: 1, requestsCut: 1 },
    });
    await expect(held.response).rejects.toThrow();
  });
});

describe('reloadRules', () => {
  const reloadCounts = async (metrics: Metrics) =>
    Object.fromEntries((await metrics.reloads.get()).values.map((v) => [v.labels.result, v.value]));

  test('a reload that swaps in a new store is counted as applied', async () => {
    const rules = new RuleService(bundledRules());
    const metrics = new Metrics({ processMetrics: false });
    reloadRules(rules, metrics, recordingLogger([]));
    expect(rules.current()).not.toBe(bundledRules());
    expect(await reloadCounts(metrics)).toEqual({ applied: 1 });
  });

  test('a reload that leaves the store as it was is counted as failed', async () => {
    const rules = new RuleService(null);
    const metrics = new Metrics({ processMetrics: false });
    reloadRules(rules, metrics, recordingLogger([]));
    expect(await reloadCounts(metrics)).toEqual({ failed: 1 });
  });
});

// The real process: configuration errors stop the start, SIGTERM drains in-flight requests and exits 0,
// and WORKERS runs identical workers that share the port. Loopback only; every loop is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, cpSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../src/http/app';
import { silentLogger } from '../src/logger';
import { Metrics } from '../src/services/metrics';
import { RuleService } from '../src/services/ruleService';
import { contractExampleCase } from './support/contractExample';
import { bundledRules, bundledRulesDir, bundledVersion, fixedToday } from './support/appSetup';

const root = path.join(__dirname, '..');
jest.setTimeout(120_000);

interface Started {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
  port: () => Promise<number>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['-r', './scripts/register-ts.js', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RULES_WATCH: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) if (line.trim()) lines.push(JSON.parse(line));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = async () => {
    for (let i = 0; i < 1200; i++) {
      const listening = lines.find((l) => l.message === 'listening');
      if (listening) return listening.port as number;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`not listening: ${JSON.stringify(lines)}`);
  };
  return { child, lines, exited, port };
}

test('a wrong setting stops the start with a message naming it', async () => {
  const server = start({ PORT: 'eighty' });
  expect(await server.exited).toBe(1);
  expect(JSON.stringify(server.lines)).toMatch(/PORT must be a whole number/);
});

test('without one valid pack the service refuses to start', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'norules-'));
  try {
    for (const file of ['measures.json', 'national-defaults.json', 'schema']) {
      cpSync(path.join(bundledRulesDir, file), path.join(dir, file), { recursive: true });
    }
    cpSync(
      path.join(bundledRulesDir, 'authorities', 'dartford.json'),
      path.join(dir, 'authorities', 'dartford.json'),
    );
    writeFileSync(path.join(dir, 'authorities', 'dartford.json'), '{"broken": true}');
    const server = start({ RULES_DIR: dir });
    expect(await server.exited).toBe(1);
    expect(JSON.stringify(server.lines)).toMatch(/refusing to start/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGTERM: in-flight requests complete, new connections are refused, and the process exits 0', async () => {
  const server = start({ DRAIN_TIMEOUT_MS: '8000' });
  const port = await server.port();
  const body = JSON.stringify({
    cases: Array.from({ length: 300 }, () => ({ authorityId: 'dartford', case: contractExampleCase })),
  });
  const half = Math.floor(body.length / 2);
  // Requests that are in flight when SIGTERM arrives: headers and half the body sent, the rest sent after.
  const sockets = Array.from({ length: 3 }, () => net.connect(port, '127.0.0.1'));
  const answers = sockets.map(
    (socket) =>
      new Promise<string>((resolve, reject) => {
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      }),
  );
  for (const socket of sockets) {
    socket.write(
      `POST /v1/decisions/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
    );
  }
  await new Promise((r) => setTimeout(r, 500));
  server.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  // A new connection is refused once the listener has closed.
  const refused = await new Promise<string>((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve('connected'));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
  expect(refused).toBe('ECONNREFUSED');
  for (const socket of sockets) socket.write(body.slice(half));
  // Each in-flight request is answered in full, then its connection is closed by the server.
  const statusLines = (await Promise.all(answers)).map((answer) => answer.slice(0, answer.indexOf('\r\n')));
  expect(statusLines).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
  expect(await server.exited).toBe(0);
  expect(server.lines.map((l) => l.message)).toEqual(expect.arrayContaining(['draining', 'stopped']));
});

/** Batches of 1,000 cases whose answers (about 7 MB each) are read only after SIGTERM: none may be cut. */
async function batchesReadAfterSigterm(server: Started, count: number) {
  const port = await server.port();
  const body = JSON.stringify({
    cases: Array.from({ length: 1000 }, () => ({ authorityId: 'dartford', case: contractExampleCase })),
  });
  const agent = new http.Agent({ keepAlive: true });
  const answers = Array.from({ length: count }, () => {
    let paused: () => void = () => undefined;
    const headers = new Promise<void>((resolve) => (paused = resolve));
    const whole = new Promise<{ status: number; results: number }>((resolve, reject) => {
      const req = http.request(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/v1/decisions/batch',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          // A slow reader: nothing is read until after SIGTERM, so the answer waits on the server's socket.
          res.pause();
          paused();
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { results: unknown[] };
            resolve({ status: res.statusCode!, results: parsed.results.length });
          });
          res.on('error', reject);
          resumeLater.push(() => res.resume());
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    return { headers, whole };
  });
  const resumeLater: (() => void)[] = [];
  await Promise.all(answers.map((a) => a.headers));
  server.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  for (const resume of resumeLater) resume();
  const results = await Promise.all(answers.map((a) => a.whole.catch((error: Error) => error.message)));
  agent.destroy();
  return results;
}

test('SIGTERM: ten 1,000-case batches whose answers are not yet read all arrive whole', async () => {
  const server = start({ DRAIN_TIMEOUT_MS: '20000', LOG_LEVEL: 'info' });
  const results = await batchesReadAfterSigterm(server, 10);
  expect(results).toEqual(Array.from({ length: 10 }, () => ({ status: 200, results: 1000 })));
  expect(await server.exited).toBe(0);
});

test('WORKERS=2: batches whose answers are not yet read at SIGTERM all arrive whole', async () => {
  const server = start({
    WORKERS: '2',
    DRAIN_TIMEOUT_MS: '20000',
    PORT: String(40000 + Math.floor(Math.random() * 20000)),
  });
  const results = await batchesReadAfterSigterm(server, 4);
  expect(results).toEqual(Array.from({ length: 4 }, () => ({ status: 200, results: 1000 })));
  expect(await server.exited).toBe(0);
});

test('a drain that outlasts DRAIN_TIMEOUT_MS exits 1 and says what it cut', async () => {
  const server = start({ DRAIN_TIMEOUT_MS: '300' });
  const port = await server.port();
  // A request whose body never finishes arriving holds its connection past the deadline.
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write(
    'POST /v1/decisions/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
  );
  await new Promise((r) => setTimeout(r, 300));
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(1);
  expect(server.lines).toContainEqual(
    expect.objectContaining({
      message: 'drain timeout: cut the connections still open',
      connectionsCut: 1,
      requestsCut: 1,
    }),
  );
});

test('WORKERS=2 runs two workers on one port, each deciding, and all stop on SIGTERM', async () => {
  const server = start({ WORKERS: '2', PORT: String(40000 + Math.floor(Math.random() * 20000)) });
  const port = await server.port();
  for (let i = 0; i < 1200 && server.lines.filter((l) => l.message === 'listening').length < 2; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const pids = new Set(server.lines.filter((l) => l.message === 'listening').map((l) => l.pid));
  expect(pids.size).toBe(2);
  const res = await fetch(`http://127.0.0.1:${port}/v1/authorities/dartford/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(contractExampleCase),
  });
  expect(res.status).toBe(200);
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
});

test('while draining, readiness fails so the platform stops sending traffic', async () => {
  const lifecycle = { draining: false };
  const app = createApp({
    rules: new RuleService(bundledRules()),
    clock: { today: () => fixedToday },
    log: silentLogger,
    lifecycle,
  });
  expect((await request(app).get('/readyz')).status).toBe(200);
  lifecycle.draining = true;
  expect((await request(app).get('/readyz')).status).toBe(503);
  expect((await request(app).get('/healthz')).status).toBe(200);
});

test('/metrics reports requests, decisions, packs and the process', async () => {
  const metrics = new Metrics();
  metrics.observeRules(bundledRules());
  const app = createApp({
    rules: new RuleService(bundledRules()),
    clock: { today: () => fixedToday },
    log: silentLogger,
    metrics,
  });
  await request(app).post('/v1/authorities/dartford/decisions').send(contractExampleCase);
  await request(app)
    .post('/v1/authorities/dartford/decisions')
    .send({ perpetrator: { livesAtProperty: true } });
  const text = (await request(app).get('/metrics')).text;
  expect(text).toContain('sanctuary_decisions_total{authority="dartford",outcome="eligible"} 1');
  expect(text).toContain('sanctuary_decisions_total{authority="dartford",outcome="ineligible"} 1');
  expect(text).toMatch(
    /http_requests_total\{route="\/v1\/authorities\/:authorityId\/decisions",method="POST",status="200"\} 2/,
  );
  expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.005",route=/);
  expect(text).toMatch(
    new RegExp(
      `sanctuary_rule_pack_info\\{authority="dartford",version="${bundledVersion('dartford')}",sha256="[0-9a-f]{64}",effective_from="2026-01-01"\\} 1`,
    ),
  );
  expect(text).toContain(
    `sanctuary_rule_pack_loads_total{result="loaded"} ${[...bundledRules().packs.values()].flat().length}`,
  );
  expect(text).toContain('process_resident_memory_bytes');
});

// Figure 8 (issue 8): does throughput scale with WORKERS? The real server (src/server.ts, compiled), started
// once with WORKERS=1 and once with WORKERS=2 (node:cluster, workers sharing the port), under the same load as
// figure 2: same client, connections, body and round length, rounds alternating between the two.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { freePort, isReady } from '../loopback';
import type { CompiledCopy } from './compiledCopy';
import { load, loadInTurns, loadSettings, summary, type LoadResult } from './httpLoad';
import { type Figure, ms, times } from './report';

const workerCounts = [1, 2] as const;

export interface RealServer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

// Polled every 10 ms: figure 10 times start-up to ready by this wait, so a coarse poll would add to it.
async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready`);
    if (await isReady(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the server was not ready within 20 s');
}

export async function startRealServer(
  copy: CompiledCopy,
  workers: number,
  env: Record<string, string> = {},
): Promise<RealServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [copy.file('src/server.ts')], {
    env: {
      ...process.env,
      WORKERS: String(workers),
      PORT: String(port),
      HOST: '127.0.0.1',
      RULES_WATCH: 'false',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM'); // the primary stops its workers, and they drain
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

export async function workersScaling(copy: CompiledCopy, authorityId: string): Promise<Figure[]> {
  const servers: RealServer[] = [];
  try {
    for (const workers of workerCounts) servers.push(await startRealServer(copy, workers));
    const urls = servers.map((s) => `${s.url}/v1/authorities/${authorityId}/decisions`);
    // Warm-up: every worker of each server loaded and optimised; each later run opens new connections, which
    // the cluster's primary hands to the workers in turn.
    for (const url of urls) await load(url, 2 * loadSettings.warmUpSeconds);
    const [one, two] = (await loadInTurns([urls[0]!, urls[1]!])).map(summary) as [LoadResult, LoadResult];
    const failures = one.failed + two.failed;
    const note = failures ? ` (${failures} failed requests!)` : '';
    const { connections, rounds: count, secondsPerRound } = loadSettings;
    return [
      {
        name: `8 WORKERS=2 against WORKERS=1: real server, req/s, median of rounds (${connections} connections, ${count}×${secondsPerRound} s)${note}`,
        ours: `${Math.round(two.requestsPerSecond)} req/s, p99 ${ms(two.p99)}`,
        baseline: `WORKERS=1: ${Math.round(one.requestsPerSecond)} req/s, p99 ${ms(one.p99)}`,
        ratio: times(two.requestsPerSecond / one.requestsPerSecond),
        target: 'scales with workers',
        met: failures === 0 && two.requestsPerSecond > 1.1 * one.requestsPerSecond,
      },
    ];
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** How to read figure 8, and what it means beyond this machine. */
export function workersNote(): string {
  const cores = os.availableParallelism();
  return (
    `WORKERS: measured on ${cores} cores, where the load generator (autocannon, one thread) needs a core of its ` +
    `own, so two workers share what is left with it. Beyond 2 cores throughput grows with workers up to one per ` +
    `core (WORKERS=auto), each worker a full copy of the rules in memory; on Kubernetes prefer WORKERS=1 and ` +
    `more replicas (the HorizontalPodAutoscaler adds pods), which also spreads the load across nodes.`
  );
}

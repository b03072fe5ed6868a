// The real service as a child process: `node -r ./scripts/register-ts.js src/server.ts` on 127.0.0.1, serving a
// copy of the rules with the watcher on. At LOG_LEVEL=warn the "listening" line (info) is not written, so the
// port is chosen here (a free one, asked of the OS) and readiness comes from GET /readyz.
import { spawn } from 'node:child_process';
import { freePort, isReady } from '../loopback';
import { projectRoot } from './paths';

export interface LogLine {
  readonly level?: string;
  readonly message?: string;
  readonly [field: string]: unknown;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** performance.now() when the process exited. */
  readonly at: number;
}

export interface SoakServer {
  readonly pid: number;
  readonly port: number;
  readonly url: string;
  readonly drainTimeoutMs: number;
  /** Every line the service has logged so far (warnings and errors at this level). */
  readonly logs: readonly LogLine[];
  readonly exited: Promise<Exit>;
  signal(name: NodeJS.Signals): void;
}

const drainTimeoutMs = 10_000;
const startTimeoutMs = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startServer(rulesDir: string): Promise<SoakServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', './scripts/register-ts.js', 'src/server.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RULES_DIR: rulesDir,
      RULES_WATCH: 'true',
      LOG_LEVEL: 'warn',
      DRAIN_TIMEOUT_MS: String(drainTimeoutMs),
      WORKERS: '1',
      // As the Deployment runs it (deploy/kubernetes/deployment.yaml).
      NODE_OPTIONS: '--max-old-space-size=320',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ level: 'unparsed', message: line });
      }
    }
  });
  // Anything on stderr is a fault of the process (the logger writes to stdout): keep it as an error line.
  child.stderr!.on('data', (chunk: Buffer) =>
    logs.push({ level: 'stderr', message: chunk.toString('utf8') }),
  );
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  let gone = false;
  void exited.then(() => (gone = true));

  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + startTimeoutMs;
  while (!(await isReady(url))) {
    if (gone) throw new Error(`the service exited before it was ready: ${JSON.stringify(logs)}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service was not ready within ${startTimeoutMs / 1000} s`);
    }
    await sleep(50);
  }
  return {
    pid: child.pid!,
    port,
    url,
    drainTimeoutMs,
    logs,
    exited,
    signal: (name) => {
      if (!gone) child.kill(name);
    },
  };
}

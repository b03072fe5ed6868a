// Starts a bench server (server.ts) in a child process and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import type { CompiledCopy } from './compiledCopy';
import type { ServerMode } from './server';
import type { FromServer, ToServer } from './serverMessages';

export interface ServerProcess {
  readonly url: string;
  ask<T extends FromServer['type']>(message: ToServer, reply: T): Promise<Extract<FromServer, { type: T }>>;
  stop(): Promise<void>;
}

function nextMessage<T extends FromServer['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<FromServer, { type: T }>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`bench server sent no "${type}" within 120 s`));
    }, 120_000);
    const onMessage = (message: FromServer) => {
      if (message.type !== type) return;
      done();
      resolve(message as Extract<FromServer, { type: T }>);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`bench server exited (${code}) before "${type}"`));
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** `stdout`: a file descriptor for the child's standard output (where a logging server writes its lines). */
export async function startServer(
  mode: ServerMode,
  copy: CompiledCopy,
  stdout?: number,
): Promise<ServerProcess> {
  const child = fork(copy.file('scripts/bench/server.ts'), [mode], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', stdout ?? 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage(child, 'listening');
  return {
    url: `http://127.0.0.1:${port}`,
    ask(message, reply) {
      const answer = nextMessage(child, reply);
      child.send(message);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ToServer);
      await exited;
    },
  };
}

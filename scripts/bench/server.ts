// A server for the HTTP figures, run as a child process so that the load generator (autocannon, in the parent)
// never shares a thread with it. `decisions` serves the real app on the bundled rules with logging off;
// `decisions-logged` the same app logging as `npm start` does by default (LOG_LEVEL=info, JSON lines to stdout,
// which the parent points at a file, as a container's stdout is collected); `echo` is the baseline: the smallest
// express app that parses a JSON body and sends it back. All listen on 127.0.0.1 only, and exit when the parent
// goes away.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApp } from '../../src/http/app';
import { createLogger, silentLogger } from '../../src/logger';
import { loadRules } from '../../src/rules/loadRules';
import { ukClock } from '../../src/services/decisionService';
import { RuleService } from '../../src/services/ruleService';
import { decideRepeatedly } from './decisionLoop';
import { bundledRulesDir } from './paths';
import type { FromServer, ToServer } from './serverMessages';

export type ServerMode = 'decisions' | 'decisions-logged' | 'echo';
const modes: readonly string[] = ['decisions', 'decisions-logged', 'echo'] satisfies ServerMode[];
const mode = (modes.includes(process.argv[2]!) ? process.argv[2] : 'decisions') as ServerMode;

function echoApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '8mb' }));
  app.post('/echo', (req, res) => {
    res.json(req.body);
  });
  return app;
}

const store = mode === 'echo' ? null : loadRules(bundledRulesDir);
const log = mode === 'decisions-logged' ? createLogger('info') : silentLogger;
const inner = store ? createApp({ rules: new RuleService(store), clock: ukClock, log }) : echoApp();

// Server time of each request: from its arrival until the app has ended the response, the end included: it
// is there that Node encodes a body given as a string and hands the whole answer to the socket. Not the time
// the client takes to read it, which is not the server's. Also from the request's last byte: a batch body of
// hundreds of kilobytes arrives as fast as the client sends it.
const serverTimes: number[] = [];
const timesAfterBody: number[] = [];
const outer = express();
outer.disable('x-powered-by');
outer.use((req, res, next) => {
  const started = performance.now();
  let received = started;
  // 'end' comes when the body parser has read the last byte; a listener does not start the stream flowing.
  req.once('end', () => (received = performance.now()));
  const end = res.end;
  res.end = function (this: typeof res, ...args: unknown[]) {
    const ended = (end as (...a: unknown[]) => typeof res).apply(this, args);
    const now = performance.now();
    serverTimes.push(now - started);
    timesAfterBody.push(now - received);
    return ended;
  } as typeof res.end;
  next();
});
outer.use(inner);

// The highest RSS since the last report, sampled every 100 ms.
let peakRss = process.memoryUsage().rss;
setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100).unref();

const send = (message: FromServer) => process.send!(message);
let cpuSince = process.cpuUsage();

function memory(): FromServer {
  const rss = process.memoryUsage().rss;
  const peak = Math.max(peakRss, rss);
  (globalThis as { gc?: () => void }).gc?.();
  const heapAfterGc = process.memoryUsage().heapUsed;
  peakRss = process.memoryUsage().rss;
  return { type: 'memory', rss, peakRss: peak, heapAfterGc };
}

const server = outer.listen(0, '127.0.0.1', () => {
  send({ type: 'listening', port: (server.address() as AddressInfo).port });
});

process.on('message', (message: ToServer) => {
  switch (message.type) {
    case 'memory':
      send(memory());
      break;
    case 'server-times': {
      const cpu = process.cpuUsage(cpuSince);
      cpuSince = process.cpuUsage();
      send({
        type: 'server-times',
        ms: serverTimes.splice(0),
        msAfterBody: timesAfterBody.splice(0),
        cpuMicros: cpu.user + cpu.system,
      });
      break;
    }
    case 'decide':
      // Decisions in this process, on the rules it serves, to see whether memory grows with use.
      if (store) decideRepeatedly(store, message.count);
      send(memory());
      break;
    case 'stop':
      server.close();
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));

// `npm run bench -- --compare REV`: the service as it is in the working tree against the same service at REV (any
// git revision), in one run: figure 2 with default logging and with logging off, and figure 3's batch server
// time, the two services' rounds taken in turn. The harness (scripts/bench) is the working tree's on both sides.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RuleStore } from '../../src/rules/loadRules';
import { batchInTurns, batchOf } from './batch';
import { type CompiledCopy, compiledCopy, serviceFiles } from './compiledCopy';
import { largestPack } from './decisionLoop';
import { load, loadInTurns, loadSettings, summary, type LoadResult } from './httpLoad';
import { projectRoot } from './paths';
import { type Figure, ms, times, us } from './report';
import { startServer, type ServerProcess } from './serverProcess';
import { median } from './stats';

const progress = (step: string) => process.stderr.write(`bench: ${step}\n`);

/** The service's files as they are at `rev`, extracted into `dir`. */
function extractAt(rev: string, dir: string): void {
  const archive = execFileSync('git', ['archive', '--format=tar', rev, 'src', ...serviceFiles], {
    cwd: projectRoot,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
}

/** The median of the nth rounds' ratios: each pair was measured side by side. */
const pairedRatio = (a: readonly LoadResult[], b: readonly LoadResult[]) =>
  median(a.map((round, i) => round.requestsPerSecond / b[i]!.requestsPerSecond));

/**
 * Figure 2's load on two servers alone, taken in turn: with a third in the turn, each of the two would follow a
 * different neighbour every time (a logging server's writes, say, still being flushed), which favours one.
 */
async function loadBoth(
  label: string,
  [here, there]: [ServerProcess, ServerProcess],
  rev: string,
  urlPath: string,
): Promise<Figure[]> {
  const servers = [here, there];
  const urls = servers.map((s) => s.url + urlPath);
  for (const url of urls) await load(url, loadSettings.warmUpSeconds);
  const serverTimes = () => Promise.all(servers.map((s) => s.ask({ type: 'server-times' }, 'server-times')));
  await serverTimes(); // forget the warm-up
  const [ours, theirs] = (await loadInTurns(urls)) as [LoadResult[], LoadResult[]];
  const [cpuHere, cpuThere] = (await serverTimes()).map((r) => r.cpuMicros / 1000 / r.ms.length) as [
    number,
    number,
  ];
  const row = (
    name: string,
    value: (rounds: LoadResult[], cpuMs: number) => string,
    ratio: number,
  ): Figure => ({
    name: `2 HTTP decisions, ${label}: ${name}`,
    ours: value(ours, cpuHere),
    baseline: `${rev}: ${value(theirs, cpuThere)}`,
    ratio: times(ratio),
    target: '',
    met: null,
  });
  const [summaryOurs, summaryTheirs] = [summary(ours), summary(theirs)];
  return [
    row(
      "req/s, median of rounds (ratio: median of paired rounds' ratios)",
      (rounds) => `${Math.round(summary(rounds).requestsPerSecond)} req/s`,
      pairedRatio(ours, theirs),
    ),
    row(
      'p99 latency (p50 in brackets), median of rounds',
      (rounds) => `${ms(summary(rounds).p99)} (${ms(summary(rounds).p50)})`,
      summaryOurs.p99 / summaryTheirs.p99,
    ),
    row('server CPU per request (whole process, all rounds)', (_, cpuMs) => us(cpuMs), cpuHere / cpuThere),
  ];
}

export async function compare(rev: string, store: RuleStore): Promise<Figure[]> {
  const name = `${rev} (${execFileSync('git', ['rev-parse', '--short', rev], { cwd: projectRoot }).toString().trim()})`;
  const source = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-bench-rev-'));
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-bench-log-'));
  const logFile = openSync(path.join(logDir, 'server.log'), 'a');
  const copies: CompiledCopy[] = [];
  const servers: ServerProcess[] = [];
  try {
    const here = compiledCopy();
    copies.push(here);
    extractAt(rev, source);
    const there = compiledCopy(source);
    copies.push(there);
    servers.push(
      ...(await Promise.all([
        startServer('decisions-logged', here, logFile),
        startServer('decisions-logged', there, logFile),
        startServer('decisions', here),
        startServer('decisions', there),
      ])),
    );
    const [loggedHere, loggedThere, silentHere, silentThere] = servers as [
      ServerProcess,
      ServerProcess,
      ServerProcess,
      ServerProcess,
    ];
    const decisionPath = `/v1/authorities/${largestPack(store).pack.authorityId}/decisions`;
    const seconds = 2 * loadSettings.rounds * loadSettings.secondsPerRound;
    progress(`figure 2, default logging, working tree and ${name} (about ${seconds} s)`);
    const logged = await loadBoth('default logging', [loggedHere, loggedThere], name, decisionPath);
    progress(`figure 2, logging off, working tree and ${name} (about ${seconds} s)`);
    const silent = await loadBoth('logging off', [silentHere, silentThere], name, decisionPath);
    progress(`figure 3's batch, working tree and ${name}, default logging`);
    const [batchHere, batchThere] = await batchInTurns([loggedHere, loggedThere], batchOf(store));
    return [
      ...logged,
      ...silent,
      {
        name: "3 Batch of 1,000 cases, default logging: server time from the request's last byte, median",
        ours: ms(batchHere!.server),
        baseline: `${name}: ${ms(batchThere!.server)}`,
        ratio: times(batchHere!.server / batchThere!.server),
        target: '',
        met: null,
      },
    ];
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    for (const copy of copies) copy.remove();
    closeSync(logFile);
    for (const dir of [source, logDir]) rmSync(dir, { recursive: true, force: true });
  }
}

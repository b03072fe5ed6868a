// `npm run bench`: every performance figure from the issue, each beside a baseline measured in the same run,
// printed as one table. Servers listen on 127.0.0.1 only; every load run is bounded in time or count.
// `npm run bench -- --only http|staff|scale`: one part alone: figure 2 (the decision server, logging by default
// and logging off, against the express echo), figure 9 (the API's p99 with the staff pages under load) or
// figure 10 (400 authorities). `npm run bench -- --compare REV`: figures 2 and 3 for the working tree against the
// service at git revision REV, taken in turn in one run (compare.ts).
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRules } from '../../src/rules/loadRules';
import { analysis } from './analysis';
import { batch } from './batch';
import { decisionCost } from './decisionCost';
import { benchAsOf, largestPack } from './decisionLoop';
import { httpLoad } from './httpLoad';
import { memory, memoryBeforeLoad } from './memory';
import { compare } from './compare';
import { compiledCopy } from './compiledCopy';
import { bundledRulesDir } from './paths';
import { type Figure, machine, table } from './report';
import { startServer } from './serverProcess';
import { scale, scaleAuthorities } from './scale';
import { staffLoad } from './staffLoad';
import { startUp } from './startUp';
import { workersNote, workersScaling } from './workers';

const progress = (step: string) => process.stderr.write(`bench: ${step}\n`);

const parts = ['http', 'staff', 'scale'] as const;
type Part = (typeof parts)[number];

/** `--only PART`: one part alone. */
function onlyPart(): Part | null {
  const at = process.argv.indexOf('--only');
  if (at === -1) return null;
  const part = parts.find((p) => p === process.argv[at + 1]);
  if (!part) throw new Error(`--only takes one part: ${parts.join(', ')}`);
  return part;
}

/** `--compare REV`: the git revision to compare the working tree with. */
function compareWith(): string | null {
  const at = process.argv.indexOf('--compare');
  if (at === -1) return null;
  const rev = process.argv[at + 1];
  if (!rev) throw new Error('--compare takes a git revision, such as HEAD');
  return rev;
}

async function main() {
  const started = performance.now();
  const only = onlyPart();
  const rev = compareWith();
  console.log(`Machine: ${machine()}`);
  const figures: Figure[] = [];
  const store = loadRules(bundledRulesDir);
  if (rev) {
    console.log(`Ours: the working tree; baseline: the same service at ${rev}; ratio: ours / baseline.`);
    return report(await compare(rev, store), store.packs.size, started, false);
  }
  if (!only) {
    progress('start-up and hot reload');
    figures.push(...startUp());
    progress('decision cost against the naive engine');
    figures.push(...(await decisionCost(store)));
  }

  const copy = compiledCopy();
  if (only === 'staff' || only === 'scale') {
    try {
      figures.push(...(only === 'staff' ? await staffLoad(copy, store) : await scale(copy)));
    } finally {
      copy.remove();
    }
    return report(figures, store.packs.size, started, false);
  }
  progress('HTTP load against an express echo, logging on and off (about 60 s)');
  // The logging server's stdout: a file, as a container's stdout ends up; removed with the copy.
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-bench-log-'));
  const logFile = openSync(path.join(logDir, 'server.log'), 'a');
  try {
    // Children also exit by themselves if this process ends first.
    const [logged, decisions, echo] = await Promise.all([
      startServer('decisions-logged', copy, logFile),
      startServer('decisions', copy),
      startServer('echo', copy),
    ]);
    try {
      await memoryBeforeLoad(decisions, echo);
      figures.push(...(await httpLoad(logged, decisions, echo, largestPack(store).pack.authorityId)));
      if (only) return report(figures, store.packs.size, started, false);
      progress('batch of 1,000 cases, default logging');
      figures.push(...(await batch(store, logged)));
      progress('memory after 50k and 100k decisions');
      figures.push(...(await memory(decisions, echo)));
    } finally {
      await Promise.all([logged.stop(), decisions.stop(), echo.stop()]);
    }
    progress('WORKERS=1 against WORKERS=2, the real server (about 20 s)');
    figures.push(...(await workersScaling(copy, largestPack(store).pack.authorityId)));
    progress('the API with the staff pages under load (about 40 s)');
    figures.push(...(await staffLoad(copy, store)));
    progress(`${scaleAuthorities} authorities (about a minute)`);
    figures.push(...(await scale(copy)));
  } finally {
    copy.remove();
    closeSync(logFile);
    rmSync(logDir, { recursive: true, force: true });
  }

  progress('check + matrix (spawned, three times)');
  figures.push(await analysis());
  report(figures, store.packs.size, started, true);
}

function report(figures: Figure[], authorities: number, started: number, workers: boolean): void {
  const order = (f: Figure) => Number.parseInt(f.name, 10);
  figures.sort((a, b) => order(a) - order(b));
  console.log(`Rules: ${authorities} authorities, decisions as of ${benchAsOf}\n`);
  console.log(table(figures));
  if (workers) console.log(`\n${workersNote()}`);
  console.log(`\nBench took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// `npm run soak [-- --seconds N]`: the real service as a child process, on a copy of the bundled rules with
// the watcher on, warmed up, then under sustained autocannon load on 127.0.0.1 for N seconds (60 by default).
// During the load a valid pack edit must go live, two broken ones must be refused while the old version keeps
// serving, and a restore must go live; the server's memory must stay flat. Then SIGTERM under a final burst:
// in-flight requests complete and the process exits 0. Prints one table; exits 1 if any promise was broken,
// 2 on misuse.
import type { Check } from './check';
import { exampleCases, loadMix, mixSettings, scenarioCases } from './loadMix';
import { startLoad, type LoadOutcome } from './load';
import { readRss, sampleMemory, trendOf } from './memory';
import { type ReloadPlan, editDuringLoad } from './reloadChecks';
import { readOptions, UsageError, type SoakOptions } from './options';
import { preflight } from './preflight';
import { checkRows, failures, loadRows, memoryRows, table, warmUpRows, type Row } from './report';
import { copyBundledRules, type RulesCopy } from './rulesCopy';
import { rulesStatus } from './serviceClient';
import { logCheck } from './serviceLogs';
import { startServer, type SoakServer } from './serverProcess';
import { hostileBodies } from './hostileBodies';
import { shutDownUnderLoad, shutdownSettings } from './shutdown';

/** One pack gets a valid edit, another the broken ones; both are in the load mix. */
const plan: ReloadPlan = { edited: 'dartford', broken: 'lichfield' };

const progress = (step: string) => process.stderr.write(`soak: ${step}\n`);

/** The main load with the edits made during it; if the edits fail to run, the load is stopped too. */
async function loadWithEdits(
  server: SoakServer,
  rules: RulesCopy,
  mix: ReturnType<typeof loadMix>,
  options: SoakOptions,
): Promise<[Check[], LoadOutcome]> {
  const before = await rulesStatus(server.url);
  const startedAt = performance.now();
  const load = startLoad(server.url, mix, { seconds: options.seconds }, options.connections);
  const edits = editDuringLoad(server.url, rules, plan, before, startedAt, options.seconds).catch(
    (error: unknown) => {
      load.stop();
      throw error;
    },
  );
  return Promise.all([edits, load.done]);
}

async function soak(options: SoakOptions, rules: RulesCopy): Promise<Row[]> {
  progress('starting the service on a copy of the bundled rules');
  const server = await startServer(rules.dir);
  try {
    const mix = loadMix([...exampleCases(rules.authorityIds), ...scenarioCases()]);
    const singles = mix.filter((r) => r.kind === 'single').length;
    progress(`sending each of the ${mix.length} requests of the mix once`);
    const ready = await preflight(server.url, mix);
    if (!ready.passed) return checkRows([ready]);

    const idleRss = readRss(server.pid);
    progress(`warm-up: ${options.warmUpRequests.toLocaleString('en-GB')} requests, not measured`);
    const warmUp = await startLoad(server.url, mix, { requests: options.warmUpRequests }, options.connections)
      .done;
    progress(
      `load for ${options.seconds} s with ${options.connections} connections; pack edits at 25/50/62/75%`,
    );
    const sampler = sampleMemory(server.pid, server.url);
    const [reloadChecks, main] = await loadWithEdits(server, rules, mix, options);
    sampler.stop();
    const rss = trendOf(sampler.rss);
    const heapUsed = trendOf(sampler.heapUsed);

    progress('hostile bodies: ten 8 MB nested bodies at once, then a hundred 8 MB batches at once');
    const hostileChecks = await hostileBodies(server, mix);
    progress(`SIGTERM ${shutdownSettings.signalAfterMs / 1000} s into a final burst`);
    const shutdownChecks = await shutDownUnderLoad(server, mix, options.connections);
    const settings =
      `${options.seconds} s, ${options.connections} connections; ${singles} single decisions ` +
      `(${rules.authorityIds.length} authorities) with a ${mixSettings.batchSize}-case batch after every ${mixSettings.batchEvery}`;
    return [
      ...warmUpRows(warmUp.result),
      ...loadRows(main.result, settings),
      ...memoryRows(idleRss, rss, heapUsed),
      ...checkRows([ready, ...reloadChecks, ...hostileChecks, ...shutdownChecks, logCheck(server.logs)]),
    ];
  } finally {
    server.signal('SIGKILL'); // only if it is somehow still running
  }
}

async function main() {
  let options: SoakOptions;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`soak: ${error.message}\nusage: npm run soak -- [--seconds N]`);
    process.exitCode = 2;
    return;
  }
  const rules = copyBundledRules();
  try {
    const rows = await soak(options, rules);
    console.log(table(rows));
    const failed = failures(rows);
    console.log(
      failed.length ? `\nFAILED: ${failed.map((r) => r.measure).join('; ')}` : '\nall promises kept',
    );
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    rules.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

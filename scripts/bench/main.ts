// `npm run bench`: every performance figure from the issue, each beside a baseline measured in the same run,
// printed as one table. Servers listen on 127.0.0.1 only; every load run is bounded in time or count.
import { loadRules } from '../../src/rules/loadRules';
import { analysis } from './analysis';
import { batch } from './batch';
import { decisionCost } from './decisionCost';
import { benchAsOf, largestPack } from './decisionLoop';
import { httpLoad } from './httpLoad';
import { memory, memoryBeforeLoad } from './memory';
import { compiledCopy } from './compiledCopy';
import { bundledRulesDir } from './paths';
import { type Figure, machine, table } from './report';
import { startServer } from './serverProcess';
import { startUp } from './startUp';
import { workersNote, workersScaling } from './workers';

const progress = (step: string) => process.stderr.write(`bench: ${step}\n`);

async function main() {
  const started = performance.now();
  console.log(`Machine: ${machine()}`);
  const figures: Figure[] = [];
  progress('start-up and hot reload');
  figures.push(...startUp());

  const store = loadRules(bundledRulesDir);
  progress('decision cost against the naive engine');
  figures.push(...(await decisionCost(store)));

  progress('HTTP load against an express echo (about 20 s)');
  const copy = compiledCopy();
  try {
    // Children also exit by themselves if this process ends first.
    const [decisions, echo] = await Promise.all([startServer('decisions', copy), startServer('echo', copy)]);
    try {
      await memoryBeforeLoad(decisions, echo);
      figures.push(...(await httpLoad(decisions, echo, largestPack(store).pack.authorityId)));
      progress('batch of 1,000 cases');
      figures.push(...(await batch(store, decisions)));
      progress('memory after 50k and 100k decisions');
      figures.push(...(await memory(decisions, echo)));
    } finally {
      await Promise.all([decisions.stop(), echo.stop()]);
    }
    progress('WORKERS=1 against WORKERS=2, the real server (about 20 s)');
    figures.push(...(await workersScaling(copy, largestPack(store).pack.authorityId)));
  } finally {
    copy.remove();
  }

  progress('check + matrix (spawned, three times)');
  figures.push(await analysis());

  const order = (f: Figure) => f.name.slice(0, 1);
  figures.sort((a, b) => order(a).localeCompare(order(b)));
  console.log(`Rules: ${store.packs.size} authorities, decisions as of ${benchAsOf}\n`);
  console.log(table(figures));
  console.log(`\n${workersNote()}`);
  console.log(`\nBench took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

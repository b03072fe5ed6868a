// Figure 1: the cost of one full decision (every table, with reasons and trace) on the largest pack, against a
// naive json-rules-engine run and GoRules zen-engine over the same random cases.
import { decide } from '../../src/decide/decide';
import { rowsOf } from '../../src/rules/compiledPack';
import type { RuleStore } from '../../src/rules/loadRules';
import { contextFor, largestPack, naiveDecider } from './decisionLoop';
import { randomCases } from './randomCases';
import { type Figure, faster, notAvailable, times, us } from './report';
import { median } from './stats';
import { zenAgreement, zenDeciderFor, zenVersion } from './zenEngine';

export async function decisionCost(store: RuleStore): Promise<Figure[]> {
  const pack = largestPack(store);
  const context = contextFor(store);
  const cases = randomCases(2000);

  // Warm up both paths so that each is measured optimised, then time every call.
  for (let i = 0; i < 3; i++) for (const c of cases) decide(c, pack, context);
  const ours: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const c of cases) {
      const start = performance.now();
      decide(c, pack, context);
      ours.push(performance.now() - start);
    }
  }
  // Throughput on one core, timed as a whole so the clock reads do not count.
  const passStart = performance.now();
  for (let round = 0; round < 5; round++) for (const c of cases) decide(c, pack, context);
  const perSecond = (5 * cases.length) / ((performance.now() - passStart) / 1000);

  const naive = naiveDecider(pack);
  const naiveCases = cases.slice(0, 1000);
  for (const c of naiveCases.slice(0, 200)) await naive(c);
  const naiveTimes: number[] = [];
  for (const c of naiveCases) {
    const start = performance.now();
    await naive(c);
    naiveTimes.push(performance.now() - start);
  }

  const zen = zenDeciderFor(pack);
  let zenFigure: Figure;
  if (typeof zen === 'string') zenFigure = notAvailable('1 Decision cost against GoRules zen-engine', zen);
  else {
    try {
      const agreed = await zenAgreement(pack, zen, naiveCases.slice(0, 200));
      for (const c of naiveCases.slice(0, 200)) await zen.matches(c);
      const zenTimes: number[] = [];
      for (const c of naiveCases) {
        const start = performance.now();
        await zen.matches(c);
        zenTimes.push(performance.now() - start);
      }
      const zenMedian = median(zenTimes);
      const oursNow = median(ours);
      zenFigure = {
        name: `1 Decision cost against GoRules zen-engine ${zenVersion} (same tables as one JDM graph; same rows matched for ${agreed}/200 cases)`,
        ours: us(oursNow),
        baseline: `zen-engine evaluate: ${us(zenMedian)}`,
        ratio: faster(zenMedian, oursNow),
        target: '≥ 5× faster',
        met: zenMedian / oursNow >= 5,
      };
    } finally {
      zen.remove();
    }
  }

  const oursMedian = median(ours);
  const naiveMedian = median(naiveTimes);
  const naivePerSecond = 1000 / (naiveTimes.reduce((sum, t) => sum + t, 0) / naiveTimes.length);
  const perSecondText = (n: number) => `${Math.round(n).toLocaleString('en-GB')}/s`;
  const packName = `${pack.pack.authorityId}, ${rowsOf(pack).length} rows`;
  return [
    {
      name: `1 Decision cost: median per full decision (${packName})`,
      ours: us(oursMedian),
      baseline: `naive json-rules-engine run: ${us(naiveMedian)}`,
      ratio: faster(naiveMedian, oursMedian),
      target: '≤ 25 µs, ≥ 20× faster',
      met: oursMedian <= 0.025 && naiveMedian / oursMedian >= 20,
    },
    {
      name: '1 Decisions per second on one core (mean)',
      ours: perSecondText(perSecond),
      baseline: `naive json-rules-engine: ${perSecondText(naivePerSecond)}`,
      ratio: times(perSecond / naivePerSecond),
      target: '≥ 40,000/s',
      met: perSecond >= 40_000,
    },
    zenFigure,
  ];
}

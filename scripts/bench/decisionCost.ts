// Figure 1: the cost of one full decision (every table, with reasons and trace) on the largest pack, against a
// naive json-rules-engine run over the same random cases.
import { decide } from '../../src/decide/decide';
import { rowsOf } from '../../src/rules/compiledPack';
import type { RuleStore } from '../../src/rules/loadRules';
import { contextFor, largestPack, naiveDecider } from './decisionLoop';
import { randomCases } from './randomCases';
import { type Figure, faster, times, us } from './report';
import { median } from './stats';

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
  ];
}

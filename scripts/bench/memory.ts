// Figure 6: memory of the decision server under load and after 50k and 100k decisions, against the echo
// server. Both run as compiled JavaScript (see compiledCopy.ts), as a built service does.
import { type Figure, mb, times } from './report';
import type { ServerProcess } from './serverProcess';

/** Growth this small between 50k and 100k decisions is allocator noise, not a leak. */
const noiseBytes = 5 * 1024 * 1024;
const limit = 200 * 1024 * 1024;

/** Call before the load, so that the peak reported after it is the peak under load. */
export async function memoryBeforeLoad(decisions: ServerProcess, echo: ServerProcess) {
  await Promise.all([decisions.ask({ type: 'memory' }, 'memory'), echo.ask({ type: 'memory' }, 'memory')]);
}

export async function memory(decisions: ServerProcess, echo: ServerProcess): Promise<Figure[]> {
  const underLoad = await decisions.ask({ type: 'memory' }, 'memory');
  const echoUnderLoad = await echo.ask({ type: 'memory' }, 'memory');
  const after50k = await decisions.ask({ type: 'decide', count: 50_000 }, 'memory');
  const after100k = await decisions.ask({ type: 'decide', count: 50_000 }, 'memory');
  const rssGrowth = after100k.rss - after50k.rss;
  const heapGrowth = after100k.heapAfterGc - after50k.heapAfterGc;
  const signed = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;
  return [
    {
      name: '6 Memory: peak RSS during the HTTP load and batches above',
      ours: mb(underLoad.peakRss),
      baseline: `express JSON echo: ${mb(echoUnderLoad.peakRss)}`,
      ratio: times(underLoad.peakRss / echoUnderLoad.peakRss),
      target: '≤ 200 MB',
      met: underLoad.peakRss <= limit,
    },
    {
      name: '6 Memory: RSS after 50k, then 100k decisions in the server',
      ours: `${mb(after50k.rss)} → ${mb(after100k.rss)} (${signed(rssGrowth)})`,
      baseline: `after the load: ${mb(underLoad.rss)}`,
      ratio: times(after100k.rss / after50k.rss),
      target: 'no growth beyond noise',
      met: after100k.rss <= limit && rssGrowth <= noiseBytes,
    },
    {
      name: '6 Memory: heap after a full GC, after 50k, then 100k decisions',
      ours: `${mb(after50k.heapAfterGc)} → ${mb(after100k.heapAfterGc)} (${signed(heapGrowth)})`,
      baseline: `after the load: ${mb(underLoad.heapAfterGc)}`,
      ratio: times(after100k.heapAfterGc / after50k.heapAfterGc),
      target: 'no growth beyond noise',
      met: heapGrowth <= noiseBytes,
    },
  ];
}

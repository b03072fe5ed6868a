// The server's memory, sampled from outside once a second as an operator's monitoring would see it: RSS from
// /proc/<pid>/status (VmRSS), and the live JS heap from its own /metrics (nodejs_heap_size_used_bytes).
// A service that keeps no state must not grow under steady load.
import { readFileSync } from 'node:fs';
import { median } from '../bench/stats';

export interface Sample {
  /** Seconds since sampling began. */
  readonly t: number;
  readonly bytes: number;
}

/** VmRSS of a process, or null where /proc is not available or the process has gone. */
export function readRss(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The JS heap in use as the service reports it on /metrics, or null if it could not be read. */
export async function readHeapUsed(url: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const match = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export interface MemorySampler {
  readonly rss: readonly Sample[];
  readonly heapUsed: readonly Sample[];
  stop(): void;
}

export function sampleMemory(pid: number, url: string, everyMs = 1000): MemorySampler {
  const rss: Sample[] = [];
  const heapUsed: Sample[] = [];
  const started = performance.now();
  const now = () => (performance.now() - started) / 1000;
  const take = () => {
    const bytes = readRss(pid);
    if (bytes !== null) rss.push({ t: now(), bytes });
    void readHeapUsed(url).then((heap) => heap !== null && heapUsed.push({ t: now(), bytes: heap }));
  };
  take();
  const timer = setInterval(take, everyMs);
  return { rss, heapUsed, stop: () => clearInterval(timer) };
}

export interface Trend {
  readonly start: number;
  readonly median: number;
  readonly end: number;
  readonly max: number;
  /** Least-squares slope over the second half of the samples, in bytes per minute. */
  readonly slopePerMinute: number;
  /** The same for the floor (see floorOf), which is what a leak raises. */
  readonly floorSlopePerMinute: number;
  /** The growth the floor's slope amounts to over the second half. */
  readonly floorGrowth: number;
  readonly secondHalfSeconds: number;
}

/** Least-squares slope of bytes against seconds. */
function slope(samples: readonly Sample[]): number {
  const n = samples.length;
  const meanT = samples.reduce((sum, s) => sum + s.t, 0) / n;
  const meanB = samples.reduce((sum, s) => sum + s.bytes, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const s of samples) {
    covariance += (s.t - meanT) * (s.bytes - meanB);
    variance += (s.t - meanT) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

/**
 * The lowest value in the `windowSeconds` up to each sample. Under load memory saws up and down (the heap in use
 * by about 120 MB, RSS by about 50 MB) as the heap fills and a GC empties it, every 5 to 12 s; the floor is the
 * level after a GC, and it is what a leak raises. The window spans several GC cycles, so that a sample taken a
 * moment after one GC rather than at its lowest does not move the floor.
 */
export function floorOf(samples: readonly Sample[], windowSeconds = 30): Sample[] {
  return samples.map(({ t }) => ({
    t,
    bytes: Math.min(...samples.filter((s) => s.t <= t && s.t > t - windowSeconds).map((s) => s.bytes)),
  }));
}

/** The trend of a series, judged on its second half: the first may include the heap growing to its working size. */
export function trendOf(samples: readonly Sample[]): Trend | null {
  if (samples.length < 4) return null;
  const half = Math.floor(samples.length / 2);
  const secondHalf = samples.slice(half);
  const secondHalfSeconds = secondHalf[secondHalf.length - 1]!.t - secondHalf[0]!.t;
  const floorPerSecond = slope(floorOf(samples).slice(half));
  const bytes = samples.map((s) => s.bytes);
  return {
    start: bytes[0]!,
    median: median(bytes),
    end: bytes[bytes.length - 1]!,
    max: Math.max(...bytes),
    slopePerMinute: slope(secondHalf) * 60,
    floorSlopePerMinute: floorPerSecond * 60,
    floorGrowth: floorPerSecond * secondHalfSeconds,
    secondHalfSeconds,
  };
}

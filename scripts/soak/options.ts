// The soak's command line: `npm run soak -- --seconds N`. Every run is bounded: a warm-up of a fixed number of
// requests, the measured load for N seconds (60 by default), then a short burst during which the server stops.
export interface SoakOptions {
  /** How long the main load lasts; the pack edits happen at fixed fractions of it. */
  readonly seconds: number;
  /** Concurrent autocannon connections, each with one request in flight. */
  readonly connections: number;
  /**
   * Requests sent before the measured load, not counted: V8 grows the heap to its working size over the first
   * ten thousand or so (RSS roughly triples), which would otherwise read as growth in a short run.
   */
  readonly warmUpRequests: number;
}

export const defaultOptions: SoakOptions = { seconds: 60, connections: 16, warmUpRequests: 20_000 };

/** The edits need a few seconds each to go live and be checked, so a shorter run says nothing. */
const minSeconds = 10;
const maxSeconds = 3600;

export class UsageError extends Error {}

export function readOptions(args: readonly string[]): SoakOptions {
  let seconds = defaultOptions.seconds;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^--seconds=(.*)$/.exec(arg);
    if (arg !== '--seconds' && !inline) throw new UsageError(`unknown argument "${arg}"`);
    const raw = inline ? inline[1]! : args[++i];
    if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < minSeconds || Number(raw) > maxSeconds)
      throw new UsageError(`--seconds must be a whole number from ${minSeconds} to ${maxSeconds}`);
    seconds = Number(raw);
  }
  return { ...defaultOptions, seconds };
}

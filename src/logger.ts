// Structured JSON logs (pino). Callers pass only operational fields — never case facts: the cases concern
// people at risk of serious harm, and a log is read by more people than a decision is.
import pino from 'pino';

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `bindings` (e.g. the request id) to every line. */
  child(bindings: LogFields): Logger;
}

const noFields: LogFields = Object.freeze({});

function wrap(log: pino.Logger): Logger {
  return {
    info: (message, fields) => log.info(fields ?? noFields, message),
    warn: (message, fields) => log.warn(fields ?? noFields, message),
    error: (message, fields) => log.error(fields ?? noFields, message),
    child: (bindings) => wrap(log.child(bindings)),
  };
}

/**
 * pino's isoTime, with the text up to the second made once a second: every request writes a line, and
 * formatting a whole date each time was a noticeable part of a line's cost. The same text, to the millisecond.
 */
function isoTimeBySecond(): () => string {
  let second = NaN;
  let prefix = '';
  return () => {
    const now = Date.now();
    const ms = now % 1000;
    if (now - ms !== second) {
      second = now - ms;
      prefix = `,"time":"${new Date(second).toISOString().slice(0, 20)}`;
    }
    return `${prefix}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z"`;
  };
}

export function createLogger(
  level: pino.LevelWithSilent = 'info',
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    messageKey: 'message',
    base: { service: 'sanctuary-rules', pid: process.pid },
    timestamp: isoTimeBySecond(),
    formatters: { level: (label) => ({ level: label }) },
  };
  return wrap(destination ? pino(options, destination) : pino(options));
}

export const silentLogger: Logger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};

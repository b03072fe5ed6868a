// Configuration, read and checked once at start-up.
import path from 'node:path';
import { projectRoot } from './contract/projectRoot';

export interface Config {
  port: number;
  host: string;
  rulesDir: string;
  /** Reload rule packs when files in rulesDir change (RULES_WATCH=false turns it off). */
  watchRules: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    rulesDir: path.resolve(env.RULES_DIR ?? path.join(projectRoot(), 'rules')),
    watchRules: env.RULES_WATCH !== 'false',
  };
}

// Configuration: every setting comes from the environment, is checked once at start-up, and a wrong value
// stops the start with a message that names the variable. The README has the table of settings.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './contract/projectRoot';
import type { StaffSignInSettings } from './web/staffSignIn';

export interface Config {
  port: number;
  host: string;
  rulesDir: string;
  /** Reload rule packs when files in rulesDir change. */
  watchRules: boolean;
  /** File of `sha256hex clientName` lines; null = no authentication (local use only). */
  apiKeysFile: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitSingle: number;
  bodyLimitBatch: number;
  /** Body bytes read at once across all connections (at least one batch). */
  bodyBytesInFlight: number;
  /** How long in-flight requests get to finish after SIGTERM. */
  drainTimeoutMs: number;
  /** How long a client may take to send a whole request. */
  requestTimeoutMs: number;
  maxHeaderBytes: number;
  maxUrlLength: number;
  workers: number;
  corsOrigins: string[];
  /** null: the staff pages are open (local use only). */
  staffSignIn: StaffSignInSettings | null;
  staffChecksPerMinute: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

const units: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

function bytes(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
  const value = match ? Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()]! : NaN;
  if (!(value >= 1024 && value <= max))
    throw new ConfigError(
      `${name} must be a size such as 64kb or 8mb (1kb to ${max / units.mb!}mb), not "${raw}"`,
    );
  return value;
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T))
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, not "${raw}"`);
  return raw as T;
}

function workers(env: Env): number {
  const raw = env.WORKERS;
  if (raw === 'auto') return os.availableParallelism();
  return integer(env, 'WORKERS', 1, 1, 64);
}

const signInNames = [
  'STAFF_OIDC_ISSUER',
  'STAFF_OIDC_CLIENT_ID',
  'STAFF_OIDC_CLIENT_SECRET',
  'STAFF_OIDC_REDIRECT_URL',
  'STAFF_SESSION_SECRET',
] as const;

/** All of the STAFF_OIDC_* settings, or none: half a sign-in must never leave the pages open by mistake. */
function staffSignIn(env: Env): StaffSignInSettings | null {
  const given = signInNames.filter((name) => env[name]);
  if (given.length === 0) return null;
  const missing = signInNames.filter((name) => !env[name]);
  if (missing.length)
    throw new ConfigError(`staff sign-in needs ${missing.join(', ')} as well as ${given.join(', ')}`);
  for (const name of ['STAFF_OIDC_ISSUER', 'STAFF_OIDC_REDIRECT_URL'] as const) {
    if (!/^https?:\/\/\S+$/.test(env[name]!))
      throw new ConfigError(`${name} must be a URL, not "${env[name]}"`);
  }
  if (env.STAFF_SESSION_SECRET!.length < 32)
    throw new ConfigError('STAFF_SESSION_SECRET must be at least 32 characters');
  return {
    issuer: env.STAFF_OIDC_ISSUER!,
    clientId: env.STAFF_OIDC_CLIENT_ID!,
    clientSecret: env.STAFF_OIDC_CLIENT_SECRET!,
    redirectUrl: env.STAFF_OIDC_REDIRECT_URL!,
    sessionSecret: env.STAFF_SESSION_SECRET!,
  };
}

function origins(env: Env): string[] {
  const list = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError(
        `CORS_ORIGINS entries must be origins such as https://jigsaw.example.gov.uk, not "${origin}"`,
      );
  }
  return list;
}

export function readConfig(env: Env = process.env): Config {
  const rulesDir = path.resolve(env.RULES_DIR || path.join(projectRoot(), 'rules'));
  if (!existsSync(path.join(rulesDir, 'authorities')))
    throw new ConfigError(`RULES_DIR has no authorities/ folder: ${rulesDir}`);
  const apiKeysFile = env.API_KEYS_FILE ? path.resolve(env.API_KEYS_FILE) : null;
  if (apiKeysFile && !existsSync(apiKeysFile))
    throw new ConfigError(`API_KEYS_FILE does not exist: ${apiKeysFile}`);
  const config: Config = {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    rulesDir,
    watchRules: oneOf(env, 'RULES_WATCH', 'true', ['true', 'false']) === 'true',
    apiKeysFile,
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    bodyLimitSingle: bytes(env, 'BODY_LIMIT_SINGLE', 64 * 1024, 10 * units.mb!),
    bodyLimitBatch: bytes(env, 'BODY_LIMIT_BATCH', 8 * units.mb!, 64 * units.mb!),
    bodyBytesInFlight: bytes(env, 'BODY_BYTES_IN_FLIGHT', 16 * units.mb!, 1024 * units.mb!),
    drainTimeoutMs: integer(env, 'DRAIN_TIMEOUT_MS', 10_000, 0, 600_000),
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 15_000, 1000, 600_000),
    maxHeaderBytes: integer(env, 'MAX_HEADER_BYTES', 16 * 1024, 1024, 1024 * 1024),
    maxUrlLength: integer(env, 'MAX_URL_LENGTH', 2048, 64, 65536),
    workers: workers(env),
    corsOrigins: origins(env),
    staffSignIn: staffSignIn(env),
    staffChecksPerMinute: integer(env, 'STAFF_CHECKS_PER_MINUTE', 30, 1, 10_000),
  };
  if (config.bodyBytesInFlight < config.bodyLimitBatch)
    throw new ConfigError(
      'BODY_BYTES_IN_FLIGHT must be at least BODY_LIMIT_BATCH, or no batch could be read',
    );
  return config;
}

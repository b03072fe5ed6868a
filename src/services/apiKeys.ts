// API keys are stored only as sha256 hashes, one `sha256hex clientName` per line (# comments allowed).
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface ApiClient {
  name: string;
  hash: Buffer;
}

export function parseApiKeys(text: string, file = 'API_KEYS_FILE'): ApiClient[] {
  const clients: ApiClient[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const match = /^([0-9a-fA-F]{64})\s+([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/.exec(trimmed);
    if (!match) throw new Error(`${file} line ${i + 1}: expected "<sha256 hex> <client-name>"`);
    clients.push({ name: match[2]!, hash: Buffer.from(match[1]!.toLowerCase(), 'hex') });
  });
  if (clients.length === 0) throw new Error(`${file} has no keys`);
  return clients;
}

export const readApiKeys = (file: string) => parseApiKeys(readFileSync(file, 'utf8'), file);

/**
 * The client whose key this is, or null. Every stored hash is compared, in constant time, so the time taken
 * says nothing about which key (or how much of one) matched.
 */
export function findClient(clients: readonly ApiClient[], key: string): string | null {
  const hash = createHash('sha256').update(key).digest();
  let found: string | null = null;
  for (const client of clients) {
    if (timingSafeEqual(client.hash, hash) && found === null) found = client.name;
  }
  return found;
}

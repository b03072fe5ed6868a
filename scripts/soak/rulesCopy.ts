// A private copy of the bundled rules for the server under test, so that the soak's edits never touch the
// repository's packs.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundledRulesDir } from './paths';

export interface RulesCopy {
  readonly dir: string;
  /** Every authority with a pack, by file name. */
  readonly authorityIds: readonly string[];
  /** The pack file's path relative to the rules directory, as GET /v1/rules/status names it. */
  statusFile(authorityId: string): string;
  /** The pack as bundled. */
  original(authorityId: string): string;
  write(authorityId: string, text: string): void;
  /** Writes a file beside the packs under any name, as a stray copy would be. */
  writeStray(name: string, text: string): void;
  /** That file's path as GET /v1/rules/status names it. */
  strayStatusFile(name: string): string;
  removeStray(name: string): void;
  remove(): void;
}

export function copyBundledRules(): RulesCopy {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-soak-'));
  cpSync(bundledRulesDir, dir, { recursive: true });
  const packDir = path.join(dir, 'authorities');
  const fileOf = (authorityId: string) => `${authorityId}.json`;
  const statusPath = (name: string) => path.join('authorities', name);
  return {
    dir,
    authorityIds: readdirSync(packDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort(),
    statusFile: (authorityId) => statusPath(fileOf(authorityId)),
    original: (authorityId) =>
      readFileSync(path.join(bundledRulesDir, 'authorities', fileOf(authorityId)), 'utf8'),
    write: (authorityId, text) => writeFileSync(path.join(packDir, fileOf(authorityId)), text),
    writeStray: (name, text) => writeFileSync(path.join(packDir, name), text),
    strayStatusFile: statusPath,
    removeStray: (name) => rmSync(path.join(packDir, name), { force: true }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

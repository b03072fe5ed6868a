// The service as plain JavaScript in a temporary folder, for the server children: a built service runs
// compiled code, and a child that transpiled its own sources would carry the TypeScript compiler in memory
// (and in its RSS figures). The copy mirrors the project's layout, so paths found from package.json still work.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from './paths';

/** The same settings scripts/register-ts.js uses to run the sources. */
const compilerOptions: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
};

const compiledFolders = ['src', path.join('scripts', 'bench')];
const linkedEntries = ['package.json', 'openapi.yaml', 'rules', 'node_modules'];

function copyFolder(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyFolder(source, path.join(to, entry.name));
    else if (entry.name.endsWith('.ts')) {
      const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
        compilerOptions,
        fileName: source,
      });
      writeFileSync(path.join(to, entry.name.replace(/\.ts$/, '.js')), outputText);
    } else symlinkSync(source, path.join(to, entry.name));
  }
}

export interface CompiledCopy {
  /** A file's path in the copy, given its path in the project (`.ts` becomes `.js`). */
  file(projectPath: string): string;
  remove(): void;
}

export function compiledCopy(): CompiledCopy {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-bench-js-'));
  for (const folder of compiledFolders) copyFolder(path.join(projectRoot, folder), path.join(dir, folder));
  for (const entry of linkedEntries) symlinkSync(path.join(projectRoot, entry), path.join(dir, entry));
  return {
    file: (projectPath) => path.join(dir, projectPath.replace(/\.ts$/, '.js')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// The service as plain JavaScript in a temporary folder, for the server children: a built service runs
// compiled code, and a child that transpiled its own sources would carry the TypeScript compiler in memory
// (and in its RSS figures). The copy mirrors the project's layout, so paths found from package.json still work.
// `--compare` makes a second copy whose service comes from another folder (a commit's files): the bench's own
// scripts and node_modules are always the working tree's, so both copies are measured by the same harness.
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

/** The bench's own code, and the test helpers it shares (the reference engine), always the working tree's. */
const harnessFolders = [path.join('scripts', 'bench'), path.join('test', 'support')];

/** The service's files besides `src`, linked from `serviceRoot`. */
export const serviceFiles = ['package.json', 'openapi.yaml', 'rules'];

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

/** `serviceRoot`: where `src` and `serviceFiles` come from (the project itself unless comparing). */
export function compiledCopy(serviceRoot = projectRoot): CompiledCopy {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-bench-js-'));
  copyFolder(path.join(serviceRoot, 'src'), path.join(dir, 'src'));
  for (const folder of harnessFolders) copyFolder(path.join(projectRoot, folder), path.join(dir, folder));
  for (const entry of serviceFiles) symlinkSync(path.join(serviceRoot, entry), path.join(dir, entry));
  symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'));
  return {
    file: (projectPath) => path.join(dir, projectPath.replace(/\.ts$/, '.js')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

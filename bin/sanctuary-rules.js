#!/usr/bin/env node
// The sanctuary-rules command. It runs the compiled dist/ (`npm install` builds it, through `prepare`) when
// that build is at least as new as every source file; in a checkout whose sources have changed since, it runs
// the TypeScript sources (when TypeScript is installed), so a command never runs a stale build.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist', 'src', 'cli', 'main.js');
const sourceDir = path.join(root, 'src');

/** The latest modification time of any file under `dir`. */
function newestIn(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function entry() {
  const builtAt = fs.statSync(compiled, { throwIfNoEntry: false })?.mtimeMs;
  if (!fs.existsSync(sourceDir) || (builtAt !== undefined && newestIn(sourceDir) <= builtAt)) return compiled;
  try {
    require('../scripts/register-ts');
    return path.join(sourceDir, 'cli', 'main.ts');
  } catch {
    return compiled; // TypeScript is a dev dependency: without it, the build is all there is.
  }
}

require(entry())
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

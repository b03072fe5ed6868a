#!/usr/bin/env node
// The sanctuary-rules command. From a checkout (src/ and TypeScript present) it runs the TypeScript sources
// directly, so it never runs a stale build; elsewhere it runs the compiled dist/.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const sources = path.join(root, 'src', 'cli', 'main.ts');
let entry = path.join(root, 'dist', 'src', 'cli', 'main.js');
if (fs.existsSync(sources)) {
  try {
    require('../scripts/register-ts');
    entry = sources;
  } catch {
    // TypeScript is a dev dependency: without it, fall back to the build.
  }
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

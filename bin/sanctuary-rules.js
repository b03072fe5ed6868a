#!/usr/bin/env node
// The sanctuary-rules command. From a checkout it runs the TypeScript sources directly (transpiled on load by
// the project's own TypeScript), so it never runs a stale build; elsewhere it runs the compiled dist/.
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..');
const sources = path.join(root, 'src', 'cli', 'main.ts');
let entry = path.join(root, 'dist', 'src', 'cli', 'main.js');
if (fs.existsSync(sources)) {
  let ts;
  try {
    ts = require('typescript');
  } catch {
    ts = null;
  }
  if (ts) {
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
        fileName: filename,
      });
      module._compile(outputText, filename);
    };
    entry = sources;
  }
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

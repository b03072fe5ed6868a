// Lets plain `node` run this project's TypeScript (CLI, bench, fuzz) with the project's own TypeScript, so
// no separate runner (and no native binary) is needed: `node -r ./scripts/register-ts.js file.ts`.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

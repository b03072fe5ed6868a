// Lets plain `node` run this project's TypeScript (CLI, bench, fuzz) with the project's own TypeScript, so
// no separate runner (and no native binary) is needed: `node -r ./scripts/register-ts.js file.ts`.
// Each file's JavaScript is kept in node_modules/.cache, by its content: loading the compiler and transpiling
// every file took two seconds before each command did anything.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

// Throws here, rather than on the first file, when TypeScript is not installed (bin/ then runs dist/).
const typescriptVersion = require(require.resolve('typescript/package.json')).version;

const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'sanctuary-rules-ts');
// A new compiler, or a change to this file (and so to the options below), makes every entry a miss.
const cacheSalt = `${typescriptVersion}\n${fs.readFileSync(__filename, 'utf8')}`;

let ts;
function transpile(source, filename) {
  ts ??= require('typescript');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  return outputText;
}

function cachedTranspile(source, filename) {
  const key = crypto.createHash('sha256').update(cacheSalt).update(filename).update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // Not cached yet.
  }
  const output = transpile(source, filename);
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so a command running alongside never reads half a file.
    const partial = `${cached}.${process.pid}.partial`;
    fs.writeFileSync(partial, output);
    fs.renameSync(partial, cached);
  } catch {
    // A read-only checkout runs uncached.
  }
  return output;
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(cachedTranspile(fs.readFileSync(filename, 'utf8'), filename), filename);
};

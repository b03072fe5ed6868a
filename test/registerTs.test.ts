// The CLI, bench and fuzz run the TypeScript sources through scripts/register-ts.js, which keeps each file's
// JavaScript by its content. An edited file must run as edited, and a file seen before must not load the
// compiler again (that is what made every command take two seconds to start).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const register = path.join(__dirname, '..', 'scripts', 'register-ts.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'register-ts-'));
const file = path.join(dir, 'answer.ts');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `file`, and says what it printed and whether the TypeScript compiler was loaded to do so. */
function run(): { printed: string; compilerLoaded: boolean } {
  const script = `require(${JSON.stringify(file)});
    const loaded = Object.keys(require.cache).some((f) => f.endsWith(${JSON.stringify(path.join('typescript', 'lib', 'typescript.js'))}));
    console.log(loaded ? 'compiler loaded' : 'compiler not loaded');`;
  const result = spawnSync(process.execPath, ['-r', register, '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  const [printed, loaded] = result.stdout.trim().split('\n');
  return { printed: printed!, compilerLoaded: loaded === 'compiler loaded' };
}

test('a file runs as it is now, and the compiler is loaded only for what has not been seen', () => {
  const answer = Date.now(); // a file no earlier run has cached
  writeFileSync(file, `const answer: number = ${answer};\nconsole.log(answer);\n`);
  expect(run()).toEqual({ printed: String(answer), compilerLoaded: true });
  expect(run()).toEqual({ printed: String(answer), compilerLoaded: false });

  writeFileSync(file, `const answer: string = 'edited';\nconsole.log(answer);\n`);
  expect(run()).toEqual({ printed: 'edited', compilerLoaded: true });
  expect(run()).toEqual({ printed: 'edited', compilerLoaded: false });
});

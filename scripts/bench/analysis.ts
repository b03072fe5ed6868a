// Figure 4: `sanctuary-rules check` (with gap and overlap analysis) plus `sanctuary-rules matrix` over every
// bundled pack, as wall time of the real commands, against the start-up of the same two commands (node, and
// the commands' code transpiled and loaded, with nothing run): what remains is the analysis itself.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './paths';
import { type Figure, notAvailable, seconds, times } from './report';
import { median } from './stats';

const cli = path.join(projectRoot, 'bin', 'sanctuary-rules.js');
const registerTs = path.join(projectRoot, 'scripts', 'register-ts.js');
const commands = ['check', 'matrix'];
const name = '4 Analysis: `check` + `matrix` over all packs, wall time';

/** Wall time of one run of node with these arguments, or null if it failed (exit 2 is misuse). */
function run(args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', () => resolve(null));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 || code === 1 ? performance.now() - start : null);
    });
  });
}

/** The total of one run of each, or null if any did not run. */
async function total(runs: string[][]): Promise<number | null> {
  let sum = 0;
  for (const args of runs) {
    const wall = await run(args);
    if (wall === null) return null;
    sum += wall;
  }
  return sum;
}

export async function analysis(): Promise<Figure> {
  const analyses = commands.map((command) => [cli, command]);
  const startUps = commands.map((command) => [
    '-r',
    registerTs,
    '-e',
    `require('./src/cli/commands/${command}')`,
  ]);
  const walls: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < 3; i++) {
    const wall = await total(analyses);
    const floor = await total(startUps);
    if (wall === null || floor === null) return notAvailable(name, '`check` or `matrix` did not run');
    walls.push(wall);
    floors.push(floor);
  }
  const together = median(walls);
  const startUp = median(floors);
  return {
    name,
    ours: seconds(together),
    baseline: `start-up of the two commands only: ${seconds(startUp)}`,
    ratio: times(together / startUp),
    target: '≤ 10 s',
    met: together <= 10_000,
  };
}

// Figure 10 (issue 18): every housing authority in the UK, about 400. The bundled packs copied under new ids into
// a temporary rules directory, then: the real server's start-up to ready and its RSS at rest and under load; a
// one-pack hot reload; `check` plus `matrix`; and the first and warm home page and coverage-matrix endpoint.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRules } from '../../src/rules/loadRules';
import type { CompiledCopy } from './compiledCopy';
import { load } from './httpLoad';
import { bundledRulesDir, projectRoot } from './paths';
import { type Figure, mb, ms, seconds } from './report';
import { median, repeat, timeMs } from './stats';
import { startRealServer } from './workers';

export const scaleAuthorities = 400;

/** A rules directory of `count` packs: the bundled ones in turn, each under a new id (`dartford-x7`). */
export function scaleRules(count = scaleAuthorities): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanctuary-scale-'));
  for (const shared of ['measures.json', 'national-defaults.json', 'schema'])
    cpSync(path.join(bundledRulesDir, shared), path.join(dir, shared), { recursive: true });
  mkdirSync(path.join(dir, 'authorities'));
  const bundled = readdirSync(path.join(bundledRulesDir, 'authorities')).map((name) =>
    readFileSync(path.join(bundledRulesDir, 'authorities', name), 'utf8'),
  );
  for (let i = 0; i < count; i++) {
    const pack = JSON.parse(bundled[i % bundled.length]!) as { authorityId: string; name: string };
    pack.authorityId = `${pack.authorityId}-x${i}`;
    pack.name = `${pack.name} (${i})`;
    writeFileSync(path.join(dir, 'authorities', `${pack.authorityId}.json`), JSON.stringify(pack));
  }
  return dir;
}

/** Resident set size of a process, from /proc (Linux). */
function rssOf(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

async function timedGet(url: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - start;
}

/** The one-pack hot reload, in this process (median of five edits of one file), and a full load to compare. */
function oneReload(dir: string): { reload: number; fullLoad: number } {
  const file = path.join(dir, 'authorities', readdirSync(path.join(dir, 'authorities'))[0]!);
  const original = readFileSync(file, 'utf8');
  let store = loadRules(dir);
  const fullLoad = median(repeat(3, () => loadRules(dir)));
  const reloads: number[] = [];
  for (let i = 0; i < 5; i++) {
    // A real edit (the file's hash changes), so the pack is validated and compiled again.
    writeFileSync(file, i % 2 === 0 ? `${original}\n` : original);
    const previous = store;
    reloads.push(timeMs(() => (store = loadRules(dir, new Date(), previous))));
  }
  return { reload: median(reloads), fullLoad };
}

/** `check` and `matrix` as a person runs them, over the scale directory: wall time of both. */
function checkAndMatrix(dir: string): number | null {
  const cli = path.join(projectRoot, 'bin', 'sanctuary-rules.js');
  const start = performance.now();
  for (const args of [
    ['check', dir],
    ['matrix', '--rules', dir],
  ]) {
    const run = spawnSync(process.execPath, [cli, ...args], { stdio: 'ignore', timeout: 120_000 });
    if (run.status !== 0 && run.status !== 1) return null;
  }
  return performance.now() - start;
}

export async function scale(copy: CompiledCopy): Promise<Figure[]> {
  const dir = scaleRules();
  try {
    const { reload, fullLoad } = oneReload(dir);
    const analysed = checkAndMatrix(dir);
    const started = performance.now();
    const server = await startRealServer(copy, 1, { RULES_DIR: dir, LOG_LEVEL: 'info' });
    const ready = performance.now() - started;
    try {
      const atRest = rssOf(server.pid);
      const homeFirst = await timedGet(`${server.url}/`);
      const matrixFirst = await timedGet(`${server.url}/v1/reports/coverage-matrix`);
      const homeWarm = median(await sequential(5, () => timedGet(`${server.url}/`)));
      const matrixWarm = median(
        await sequential(5, () => timedGet(`${server.url}/v1/reports/coverage-matrix`)),
      );
      await load(`${server.url}/v1/authorities/dartford-x9/decisions`, 5);
      const underLoad = rssOf(server.pid);
      const n = scaleAuthorities;
      return [
        row(
          `10 ${n} packs: start-up to ready (the real server, spawned)`,
          ms(ready),
          '≤ 1,000 ms',
          ready <= 1000,
        ),
        row(
          `10 ${n} packs: RSS at rest / after 5 s of decisions`,
          `${atRest === null ? '?' : mb(atRest)} / ${underLoad === null ? '?' : mb(underLoad)}`,
          '≤ 250 MB under load',
          underLoad === null ? null : underLoad <= 250 * 1024 * 1024,
        ),
        {
          name: `10 ${n} packs: hot reload after editing one pack (median of 5)`,
          ours: ms(reload),
          baseline: `full warm load: ${ms(fullLoad)}`,
          ratio: `${((100 * reload) / fullLoad).toFixed(0)}% of it`,
          target: '≤ 20 ms',
          met: reload <= 20,
        },
        row(
          `10 ${n} packs: \`check\` + \`matrix\`, wall time`,
          analysed === null ? 'failed' : seconds(analysed),
          '≤ 5 s',
          analysed !== null && analysed <= 5000,
        ),
        row(
          `10 ${n} packs: home page, first / warm (median of 5)`,
          `${ms(homeFirst)} / ${ms(homeWarm)}`,
          '≤ 50 ms warm',
          homeWarm <= 50,
        ),
        row(
          `10 ${n} packs: coverage-matrix endpoint, first / warm (median of 5)`,
          `${ms(matrixFirst)} / ${ms(matrixWarm)}`,
          '≤ 50 ms warm',
          matrixWarm <= 50,
        ),
      ];
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const row = (name: string, ours: string, target: string, met: boolean | null): Figure => ({
  name,
  ours,
  baseline: '',
  ratio: '',
  target,
  met,
});

async function sequential(count: number, run: () => Promise<number>): Promise<number[]> {
  const results: number[] = [];
  for (let i = 0; i < count; i++) results.push(await run());
  return results;
}

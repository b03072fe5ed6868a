// A large store's outcome spaces are shared with helper threads: the same spaces, in the same order, as worked
// out in this thread alone, so `check` prints the same report either way.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRules } from '../src/rules/loadRules';
import { outcomeSpace } from '../src/analysis/outcomeSpace';
import { helper, packsPerThread, startOutcomeSpaces, threadsFor } from '../src/analysis/outcomeSpaceThreads';
import { checkStore, checkStoreOnThreads } from '../src/analysis/storeCheck';
import { bundledRulesDir } from './support/appSetup';

const store = loadRules(bundledRulesDir);
const versions = [...store.packs.values()].flat();
const serial = versions.map((pack) => outcomeSpace(pack, store.measureById));

test('on three threads, every pack gets the outcome space it gets in this thread, in the packs’ order', async () => {
  expect(await startOutcomeSpaces(store, versions, 3).finish()).toEqual(serial);
});

test('a helper thread, alone, works out every pack from its file', async () => {
  const answer = await helper({
    dir: store.dir,
    defaultsText: store.defaultsText,
    measures: store.measures,
    packs: versions.map(({ file, ruleSet, loadedAt }) => ({ file, sha256: ruleSet.sha256, loadedAt })),
    next: new Int32Array(new SharedArrayBuffer(4)),
  });
  expect(answer.map(([i]) => i)).toEqual(versions.map((_pack, i) => i));
  expect(answer.map(([, space]) => space)).toEqual(serial);
});

test('a pack whose file changed after loading is worked out here, from the pack as loaded', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outcome-threads-'));
  try {
    cpSync(bundledRulesDir, dir, { recursive: true });
    const copy = loadRules(dir);
    for (const pack of [...copy.packs.values()].flat()) writeFileSync(path.join(dir, pack.file), '{}');
    const copied = [...copy.packs.values()].flat();
    expect(await startOutcomeSpaces(copy, copied, 2).finish()).toEqual(serial);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a thread per so many packs, at most one per core, and always this one', () => {
  expect(threadsFor(packsPerThread * 8, 2)).toBe(2);
  expect(threadsFor(packsPerThread * 3, 8)).toBe(3);
  expect(threadsFor(packsPerThread * 2 - 1, 8)).toBe(1);
  expect(threadsFor(packsPerThread * 8, 1)).toBe(1);
  expect(threadsFor(0, 8)).toBe(1);
});

test('checkStoreOnThreads finds what checkStore finds, in the same order', async () => {
  expect(await checkStoreOnThreads(store)).toEqual(checkStore(store));
});

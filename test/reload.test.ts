// Hot reload: edits go live atomically, refused edits never do, and requests under load never fail.
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../src/http/app';
import { silentLogger } from '../src/logger';
import { loadRules, packInForce } from '../src/rules/loadRules';
import { RuleService } from '../src/services/ruleService';
import { watchRules } from '../src/services/ruleWatcher';
import { contractExampleCase } from './support/contractExample';
import { bundledRulesDir, bundledVersion, fixedToday } from './support/appSetup';

let dir: string;
const dartfordFile = () => path.join(dir, 'authorities', 'dartford.json');
const original = readFileSync(path.join(bundledRulesDir, 'authorities', 'dartford.json'), 'utf8');

function writeDartford(edit: (pack: Record<string, unknown>) => void) {
  const pack = JSON.parse(original);
  edit(pack);
  writeFileSync(dartfordFile(), JSON.stringify(pack, null, 2));
}

const liveVersion = (rules: RuleService) =>
  packInForce(rules.current()!, 'dartford', fixedToday)?.ruleSet.version;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'reload-'));
  for (const file of [
    'measures.json',
    'national-defaults.json',
    'schema',
    'authorities/dartford.json',
    'authorities/lichfield.json',
  ]) {
    cpSync(path.join(bundledRulesDir, file), path.join(dir, file), { recursive: true });
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('an unchanged pack keeps its compiled form and load time; an edited one is replaced', () => {
  const rules = new RuleService(loadRules(dir, new Date('2026-11-24T09:00:00Z')));
  const lichfieldBefore = rules.current()!.packs.get('lichfield')![0];
  writeDartford((p) => (p.version = '2026.2'));
  rules.reload(silentLogger, new Date('2026-11-24T10:00:00Z'));
  expect(liveVersion(rules)).toBe('2026.2');
  expect(rules.current()!.packs.get('dartford')![0]!.loadedAt).toBe('2026-11-24T10:00:00.000Z');
  expect(rules.current()!.packs.get('lichfield')![0]).toBe(lichfieldBefore);
});

test('a refused edit is never activated: the last good version stays live, and status says why', async () => {
  const rules = new RuleService(loadRules(dir));
  writeDartford((p) => {
    p.version = '2026.9';
    (p.tables as { eligibility: { rows: { require: object }[] } }).eligibility.rows[0]!.require = {
      'victim.name': 'x',
    };
  });
  rules.reload(silentLogger);
  expect(liveVersion(rules)).toBe(bundledVersion('dartford'));
  const app = createApp({ rules, clock: { today: () => fixedToday }, log: silentLogger });
  const status = await request(app).get('/v1/rules/status');
  expect(status.body.rejected).toEqual([
    expect.objectContaining({
      file: path.join('authorities', 'dartford.json'),
      keptVersion: bundledVersion('dartford'),
      errors: [expect.objectContaining({ pointer: '/tables/eligibility/rows/0/require/victim.name' })],
    }),
  ]);
  // A second bad edit still keeps the same good version.
  writeFileSync(dartfordFile(), '{ not json');
  rules.reload(silentLogger);
  expect(liveVersion(rules)).toBe(bundledVersion('dartford'));
});

test('the reload log says why an edit was refused in the words check uses, field by field', () => {
  const rules = new RuleService(loadRules(dir));
  writeDartford((p) => {
    (p.tables as { tenureCoverage: { rows: { when: object }[] } }).tenureCoverage.rows[2]!.when = {
      'property.tenur': 'private-rented',
    };
  });
  const warnings: [string, unknown][] = [];
  rules.reload({ ...silentLogger, warn: (message, fields) => void warnings.push([message, fields]) });
  expect(warnings).toEqual([
    [
      'rule pack edit refused',
      {
        file: path.join('authorities', 'dartford.json'),
        keptVersion: bundledVersion('dartford'),
        problems: [
          {
            place: 'tenureCoverage/private-rented (row 3)',
            severity: 'error',
            message: '"property.tenur" is not a fact the API knows (did you mean "property.tenure"?)',
            pointer: '/tables/tenureCoverage/rows/2/when/property.tenur',
          },
        ],
      },
    ],
  ]);
});

test.each(['measures.json', 'national-defaults.json'])(
  'a reload that cannot read %s keeps it in use, says so until it loads, and still loads pack edits',
  async (shared) => {
    const rules = new RuleService(loadRules(dir));
    const app = createApp({ rules, clock: { today: () => fixedToday }, log: silentLogger });
    const good = readFileSync(path.join(dir, shared), 'utf8');
    writeFileSync(path.join(dir, shared), '{');
    rules.reload(silentLogger);
    const broken = (await request(app).get('/v1/rules/status')).body;
    expect(broken.rejected).toEqual([
      expect.objectContaining({
        file: shared,
        errors: [expect.objectContaining({ message: expect.stringMatching(/not valid JSON/) })],
      }),
    ]);
    // Once an edit was silently not loaded while the shared file was broken.
    writeDartford((p) => (p.version = '2026.7'));
    rules.reload(silentLogger);
    expect(liveVersion(rules)).toBe('2026.7');
    expect((await request(app).get('/v1/rules/status')).body.rejected).toEqual([
      expect.objectContaining({ file: shared }),
    ]);
    writeFileSync(path.join(dir, shared), good);
    rules.reload(silentLogger);
    expect((await request(app).get('/v1/rules/status')).body.rejected).toEqual([]);
  },
);

test('the watcher reloads after a save', async () => {
  const rules = new RuleService(loadRules(dir));
  const watcher = watchRules(rules, silentLogger, 50);
  try {
    writeDartford((p) => (p.version = '2026.3'));
    for (let i = 0; i < 100 && liveVersion(rules) !== '2026.3'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(liveVersion(rules)).toBe('2026.3');
  } finally {
    watcher.close();
  }
});

test('under load during reloads, no request fails and each sees a whole version', async () => {
  const rules = new RuleService(loadRules(dir));
  const app = createApp({ rules, clock: { today: () => fixedToday }, log: silentLogger });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const body = JSON.stringify({ ...contractExampleCase, asOf: fixedToday });
  const statuses = new Map<number, number>();
  const versions = new Set<string>();
  let sent = 0;
  const total = 1500;
  // A bounded loop on loopback: 8 clients share `total` requests and stop by themselves.
  const client = async () => {
    while (sent < total) {
      sent++;
      const res = await fetch(`http://127.0.0.1:${port}/v1/authorities/dartford/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      versions.add(((await res.json()) as { ruleSet: { version: string } }).ruleSet.version);
    }
  };
  const edits = (async () => {
    for (const version of ['2026.4', 'broken', '2026.5', 'broken', '2026.6']) {
      await new Promise((r) => setTimeout(r, 40));
      if (version === 'broken') writeFileSync(dartfordFile(), '{"authorityId": ');
      else writeDartford((p) => (p.version = version));
      rules.reload(silentLogger);
    }
  })();
  try {
    await Promise.all([...Array.from({ length: 8 }, client), edits]);
  } finally {
    server.close();
  }
  expect([...statuses]).toEqual([[200, total]]);
  expect(
    [...versions].every((v) => [bundledVersion('dartford'), '2026.4', '2026.5', '2026.6'].includes(v)),
  ).toBe(true);
  expect(liveVersion(rules)).toBe('2026.6');
}, 60_000);

describe('a reload reads only what changed', () => {
  test('after one pack is edited, only that pack and the shared files are read again', () => {
    const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
    const first = loadRules(dir);
    writeDartford((pack) => void (pack.version = '2099.1'));
    const reads = jest.spyOn(fs, 'readFileSync');
    try {
      const next = loadRules(dir, new Date(), first);
      const packsRead = reads.mock.calls
        .map(([file]) => path.relative(dir, String(file)))
        .filter((file) => file.startsWith('authorities'));
      expect(packsRead).toEqual([path.join('authorities', 'dartford.json')]);
      expect(packInForce(next, 'dartford', fixedToday)?.ruleSet.version).toBe('2099.1');
      // The untouched pack is the very object compiled before.
      expect(next.packs.get('lichfield')![0]).toBe(first.packs.get('lichfield')![0]);
    } finally {
      reads.mockRestore();
    }
  });

  test('a pack saved by replacing the file is read again, even at the same size', () => {
    const first = loadRules(dir);
    const file = path.join(dir, 'authorities', 'lichfield.json');
    const text = readFileSync(file, 'utf8');
    // Same length, other content, written as editors save: a new file renamed over the old one.
    const edited = text.replace(`"version": "${bundledVersion('lichfield')}"`, '"version": "2099.9"');
    expect(edited.length).toBe(text.length);
    writeFileSync(`${file}.tmp`, edited);
    renameSync(`${file}.tmp`, file);
    const next = loadRules(dir, new Date(), first);
    expect(next.packs.get('lichfield')![0]).not.toBe(first.packs.get('lichfield')![0]);
  });
});

// The decision diff keeps the last walk over the version in force: reusing it must give what a fresh walk does.
import path from 'node:path';
import { decisionImpact, type Side } from '../src/analysis/decisionDiff';
import type { RulePack } from '../src/generated/pack';
import { factCatalogue } from '../src/rules/factCatalogue';
import { currentPack, loadRules } from '../src/rules/loadRules';

const today = '2026-06-01';
const store = loadRules(path.join(__dirname, '..', 'rules'));
const domain = factCatalogue.get('measure.id')!.domain;
const measureIds = domain.kind === 'enum' ? domain.values : [];

const side = (authorityId: string): Side => ({
  pack: currentPack(store, authorityId, today)!,
  catalogue: store.measureById,
});

/** The pack in force for `authorityId`, edited and compiled as a proposal. */
function proposal(authorityId: string, edit: (pack: RulePack) => void): Side {
  const pack = structuredClone(side(authorityId).pack.pack);
  pack.version = `${pack.version}-proposed`;
  edit(pack);
  const file = `authorities/${authorityId}.json`;
  const after = loadRules(
    store.dir,
    new Date(),
    store,
    new Map([[file, JSON.stringify(pack, null, 2) + '\n']]),
  );
  return { pack: currentPack(after, authorityId, today)!, catalogue: after.measureById };
}

describe('decisionImpact', () => {
  const fewer = proposal('dartford', (pack) => void pack.tables.eligibility?.rows.pop());
  const reordered = proposal('dartford', (pack) => void pack.tables.eligibility?.rows.reverse());

  it('answers the same for a proposal compared again', () => {
    const first = decisionImpact(side('dartford'), fewer, today, measureIds);
    expect(first.groups.length).toBeGreaterThan(0);
    expect(decisionImpact(side('dartford'), fewer, today, measureIds)).toEqual(first);
  });

  it('answers for another proposal as a fresh walk does', () => {
    decisionImpact(side('lincoln'), side('boston'), today, measureIds);
    const fresh = decisionImpact(side('dartford'), reordered, today, measureIds);
    decisionImpact(side('dartford'), fewer, today, measureIds);
    expect(decisionImpact(side('dartford'), reordered, today, measureIds)).toEqual(fresh);
  });
});

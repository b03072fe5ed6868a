// Random but valid cases for the benchmark: every fact the rules can read, drawn from its schema domain, each
// present or absent at random so that "unknown" paths are exercised too. Seeded, so every run and every
// baseline sees the same cases.
import type { Case } from '../../src/contract/apiTypes';
import { factCatalogue } from '../../src/rules/factCatalogue';

/** mulberry32: small, fast and good enough to spread cases over the fact space. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const caseFacts = [...factCatalogue.values()].filter((fact) => fact.scope === 'case');

export function randomCases(count: number, seed = 20261124): Case[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const sections: Record<string, Record<string, unknown>> = {};
    for (const { path, domain } of caseFacts) {
      // Most facts are sent, as a case system would; the rest make rows "unknown".
      if (random() < 0.15) continue;
      const [section, key] = path.split('.') as [string, string];
      const into = (sections[section] ??= {});
      if (domain.kind === 'enum') into[key] = pick(domain.values);
      else if (domain.kind === 'boolean') into[key] = random() < 0.5;
      else if (domain.kind === 'set') {
        const wanted = 1 + Math.floor(random() * 5);
        into[key] = [...new Set(Array.from({ length: wanted }, () => pick(domain.values)))];
      } else if (domain.kind === 'integer')
        into[key] = domain.min + Math.floor(random() * (domain.max - domain.min + 1));
      else into[key] = Math.round(random() * 5000 * 100) / 100;
    }
    cases.push(sections as Case);
  }
  return cases;
}

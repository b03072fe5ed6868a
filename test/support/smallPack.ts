// A pack of a few rows written in the test, loaded as the service loads a pack file (schema, semantic checks,
// compiler), so unit tests of one table read the compiled rows a rule author's JSON really gives.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RulePack, Source } from '../../src/generated/pack';
import type { NationalDefaults } from '../../src/rules/compilePack';
import type { CompiledPack } from '../../src/rules/compiledPack';
import { loadPackFile } from '../../src/rules/loadRules';
import { bundledRulesDir } from './appSetup';

export const authorityId = 'testshire';

export const source: Source = { document: 'policy', section: '4. Eligibility' };

const noRows = { inputs: [], rows: [] };

/** The tables a pack must have, with no rows: a test adds only the rows it is about. */
const emptyTables: RulePack['tables'] = {
  eligibility: { title: 'Eligibility criteria', hitPolicy: 'collect', ...noRows },
  referralRoutes: { title: 'Referral routes', hitPolicy: 'first', ...noRows },
  tenureCoverage: { title: 'Tenure coverage', hitPolicy: 'first', ...noRows },
  contributions: { title: 'Contributions', hitPolicy: 'first', ...noRows },
  measures: { title: 'Measures', hitPolicy: 'first', ...noRows },
  routing: { title: 'Routing', hitPolicy: 'collect', ...noRows },
  response: { title: 'Response times', hitPolicy: 'first', ...noRows },
};

const bundled = (file: string): unknown => JSON.parse(readFileSync(path.join(bundledRulesDir, file), 'utf8'));

/** The bundled national defaults without the safety rules, so a table holds only the rows the test wrote. */
function riskBandsOnly(): NationalDefaults {
  const { sources, riskThresholds } = bundled('national-defaults.json') as NationalDefaults;
  return { sources, riskThresholds };
}

const knownMeasures = (): Set<string> =>
  new Set((bundled('measures.json') as { measures: { id: string }[] }).measures.map((m) => m.id));

export function smallPack(tables: Partial<RulePack['tables']>): CompiledPack {
  const pack: RulePack = {
    authorityId,
    name: 'Testshire Council',
    nation: 'england',
    version: '1.0.0',
    effectiveFrom: '2025-04-01',
    scheme: { name: 'Sanctuary Scheme', operated: true, runBy: 'Housing Options team', source },
    sources: [{ id: 'policy', title: 'Testshire Sanctuary Scheme policy', file: 'testshire-policy.pdf' }],
    tables: { ...emptyTables, ...tables },
  };
  const loaded = loadPackFile(`${authorityId}.json`, JSON.stringify(pack), knownMeasures(), riskBandsOnly());
  if ('problems' in loaded) throw new Error(`the test's pack is refused: ${JSON.stringify(loaded.problems)}`);
  return loaded.pack;
}

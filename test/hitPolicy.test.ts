// Hit policies as a rule author relies on them: which rows make a table's answer under `first`, `collect` and
// `unique`, what an absent fact does to a row, and what the trace records of each row read.
import type { TraceEntry } from '../src/contract/apiTypes';
import { evaluateTable, singleHit } from '../src/decide/hitPolicy';
import type { RoutingTable, ReferralRoutesTable } from '../src/generated/pack';
import type { CompiledTable } from '../src/rules/compiledPack';
import type { Facts } from '../src/rules/conditions';
import { smallPack, source } from './support/smallPack';

type RouteRow = ReferralRoutesTable['rows'][number];

const route = (id: string, when: RouteRow['when']): RouteRow => ({
  id,
  when,
  then: { accepted: true, code: `${id}-accepted`, text: `Referrals by ${id} are accepted.` },
  source,
});

/** Police referrals; then MARAC cases from any source; then everyone else. */
const routes: RouteRow[] = [
  route('police', { 'referral.source': 'police' }),
  route('marac-case', { 'harm.maracCase': true }),
  route('anyone', {}),
];

function referralRoutes(hitPolicy: ReferralRoutesTable['hitPolicy'], rows = routes) {
  const inputs = [{ fact: 'referral.source' }, { fact: 'harm.maracCase' }];
  return smallPack({ referralRoutes: { title: 'Referral routes', hitPolicy, inputs, rows } }).tables
    .referralRoutes;
}

function routing(): CompiledTable<'routing'> {
  const step = (id: string, when: RoutingTable['rows'][number]['when']) => ({
    id,
    when,
    then: { to: 'idva' as const, name: null, withinHours: 24, text: `Refer to the IDVA (${id}).` },
    source,
  });
  const rows = [
    step('high-risk', { 'harm.riskLevel': 'high' }),
    step('marac', { 'harm.maracCase': true }),
    step('always', {}),
  ];
  const inputs = [{ fact: 'harm.riskLevel' }, { fact: 'harm.maracCase' }];
  return smallPack({ routing: { title: 'Routing', hitPolicy: 'collect', inputs, rows } }).tables.routing;
}

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);
const traced = (trace: TraceEntry[]) => trace.map(({ row, matched }) => [row, matched]);

describe('hit policy first', () => {
  const table = referralRoutes('first');

  it('answers with the first matching row; later matching rows are not hits and are not read', () => {
    const trace: TraceEntry[] = [];
    const result = evaluateTable(table, { referral: { source: 'police' }, harm: { maracCase: true } }, trace);
    expect(ids(result.hits)).toEqual(['police']);
    expect(result.unknown).toEqual([]);
    expect(result.noMatch).toBe(false);
    expect(traced(trace)).toEqual([['police', true]]);
  });

  it('reads past rows that do not match', () => {
    const trace: TraceEntry[] = [];
    const result = evaluateTable(table, { referral: { source: 'self' }, harm: { maracCase: true } }, trace);
    expect(ids(result.hits)).toEqual(['marac-case']);
    expect(traced(trace)).toEqual([
      ['police', false],
      ['marac-case', true],
    ]);
  });

  it('treats a row whose fact is absent as unknown, not false, and looks no further', () => {
    const trace: TraceEntry[] = [];
    const result = evaluateTable(table, { referral: { source: 'self' } }, trace);
    expect(result.hits).toEqual([]);
    expect(result.unknown.map(({ row, missing }) => [row.id, missing])).toEqual([
      ['marac-case', ['harm.maracCase']],
    ]);
    expect(result.noMatch).toBe(false);
    // The catch-all row would match, but a first table cannot answer past a row it cannot read.
    expect(traced(trace)).toEqual([
      ['police', false],
      ['marac-case', 'unknown'],
    ]);
    expect(singleHit(result)).toBeNull();
  });

  it('says when no row matches and none is unknown', () => {
    const table = referralRoutes('first', routes.slice(0, 2));
    const result = evaluateTable(table, { referral: { source: 'self' }, harm: { maracCase: false } }, []);
    expect(result).toEqual({ hits: [], unknown: [], noMatch: true });
    expect(singleHit(result)).toBeNull();
  });
});

describe('hit policy collect', () => {
  const table = routing();

  it('collects every matching row, in the table order, reading every row', () => {
    const trace: TraceEntry[] = [];
    const result = evaluateTable(table, { harm: { riskLevel: 'high', maracCase: false } }, trace);
    expect(ids(result.hits)).toEqual(['high-risk', 'always']);
    expect(traced(trace)).toEqual([
      ['high-risk', true],
      ['marac', false],
      ['always', true],
    ]);
  });

  it('keeps collecting past a row it cannot read, and names the facts that row needs', () => {
    const result = evaluateTable(table, { harm: { riskLevel: 'high' } }, []);
    expect(ids(result.hits)).toEqual(['high-risk', 'always']);
    expect(result.unknown.map(({ row, missing }) => [row.id, missing])).toEqual([
      ['marac', ['harm.maracCase']],
    ]);
    expect(result.noMatch).toBe(false);
  });
});

describe('hit policy unique', () => {
  const table = referralRoutes('unique', [
    route('police', { 'referral.source': 'police' }),
    route('others', { 'referral.source': { not: 'police' } }),
  ]);

  it('answers with the one matching row, having read every row', () => {
    const trace: TraceEntry[] = [];
    const result = evaluateTable(table, { referral: { source: 'police' } }, trace);
    expect(singleHit(result)?.id).toBe('police');
    expect(traced(trace)).toEqual([
      ['police', true],
      ['others', false],
    ]);
  });

  it('cannot answer while the fact its rows read is absent', () => {
    const result = evaluateTable(table, {}, []);
    expect(result.hits).toEqual([]);
    expect(result.unknown.map(({ row, missing }) => [row.id, missing])).toEqual([
      ['police', ['referral.source']],
      ['others', ['referral.source']],
    ]);
    expect(singleHit(result)).toBeNull();
  });
});

describe('trace entries', () => {
  const table = referralRoutes('first');
  const facts: Facts = { referral: { source: 'police' } };

  it('name the table, the row and its result', () => {
    const trace: TraceEntry[] = [];
    evaluateTable(table, facts, trace);
    expect(trace).toEqual([{ table: 'referralRoutes', row: 'police', matched: true }]);
  });

  it('name the measure a measures-table row was read for', () => {
    const row = {
      id: 'locks',
      when: { 'measure.id': 'lock-change' },
      then: { status: 'provided' as const, approval: null, package: null, text: 'Locks are changed.' },
      source,
    };
    const measures = smallPack({
      measures: { title: 'Measures', hitPolicy: 'first', inputs: [{ fact: 'measure.id' }], rows: [row] },
    }).tables.measures;
    const trace: TraceEntry[] = [];
    evaluateTable(measures, { measure: { id: 'lock-change' } }, trace, 'lock-change');
    expect(trace).toEqual([{ table: 'measures', row: 'locks', measure: 'lock-change', matched: true }]);
  });

  it('are the same frozen entry for every decision that reads the row the same way', () => {
    const first: TraceEntry[] = [];
    const second: TraceEntry[] = [];
    evaluateTable(table, facts, first);
    evaluateTable(table, facts, second);
    expect(second[0]).toBe(first[0]);
    expect(Object.isFrozen(first[0])).toBe(true);
  });
});

// "What a document's silence decides" (CONTRACT.md), held for every bundled pack: the reference case
// comes out as each document says, no operated scheme is never eligible without a cited exclusion, most of no
// pack's case space is left unknown, and every quote is found in the document it cites.
import type { Case, Decision, Outcome } from '../src/contract/apiTypes';
import { outcomeProblems, outcomeSpace } from '../src/analysis/outcomeSpace';
import { decide } from '../src/decide/decide';
import { caseFor } from '../src/reports/standardCase';
import { checkSourceQuotes, normaliseForQuotes, SourceDocuments } from '../src/rules/sourceQuotes';
import { packInForce } from '../src/rules/loadRules';
import { sourcesDir } from '../src/web/sourceDocuments';
import { bundledRules, fixedToday } from './support/appSetup';

const store = bundledRules();

/** A police-referred, high-risk MARAC case with every fact given, in a home of the given tenure. */
function referenceCase(tenure: 'council-tenant' | 'owner-occupier' | 'private-rented'): Case {
  const base = caseFor(tenure, 'high');
  return {
    ...base,
    referral: { source: 'police' },
    harm: { ...base.harm, riskLevel: 'high', dashYesCount: 14, maracCase: true },
    property: { ...base.property, landlordPermission: 'granted' },
  };
}

// council tenancy, owner-occupied, private rented (landlord agreed): as each document says.
const expected: Record<string, [Outcome, Outcome, Outcome]> = {
  anglesey: ['eligible', 'eligible', 'eligible'],
  'blaenau-gwent': ['eligible', 'eligible', 'ineligible'], // "Fit to all tenure apart from PRS"
  boston: ['eligible', 'eligible', 'eligible'],
  bridgend: ['eligible', 'eligible', 'eligible'],
  caerphilly: ['eligible', 'eligible', 'eligible'],
  cardiff: ['eligible', 'eligible', 'eligible'],
  carmarthenshire: ['eligible', 'eligible', 'eligible'],
  ceredigion: ['eligible', 'eligible', 'eligible'],
  conwy: ['eligible', 'eligible', 'eligible'],
  dartford: ['eligible', 'eligible', 'eligible'],
  denbighshire: ['eligible', 'eligible', 'eligible'],
  'east-lindsey': ['eligible', 'eligible', 'eligible'],
  flintshire: ['eligible', 'eligible', 'eligible'],
  gwynedd: ['eligible', 'unknown', 'unknown'], // "Generally fit to council tenancies"
  lichfield: ['eligible', 'eligible', 'eligible'],
  lincoln: ['eligible', 'eligible', 'eligible'],
  'merthyr-tydfil': ['ineligible', 'ineligible', 'ineligible'], // "RSLs provide a service to their own tenants"
  monmouthshire: ['no-scheme', 'no-scheme', 'no-scheme'], // "Currently no service"
  'neath-port-talbot': ['eligible', 'eligible', 'eligible'],
  newport: ['refer-to-landlord', 'eligible', 'eligible'], // "Fitted by social landlords to their own tenancies"
  'north-kesteven': ['eligible', 'eligible', 'eligible'],
  pembrokeshire: ['eligible', 'eligible', 'eligible'],
  powys: ['no-scheme', 'no-scheme', 'no-scheme'],
  'rhondda-cynon-taf': ['eligible', 'eligible', 'eligible'],
  'south-holland': ['eligible', 'eligible', 'eligible'],
  'south-kesteven': ['eligible', 'eligible', 'eligible'],
  swansea: ['refer-to-landlord', 'eligible', 'eligible'], // "Landlords fund and fit to own tenures"
  torfaen: ['ineligible', 'ineligible', 'ineligible'], // "LA don't fit equipment"
  uttlesford: ['eligible', 'eligible', 'eligible'],
  'vale-of-glamorgan': ['eligible', 'eligible', 'eligible'],
  'west-lindsey': ['eligible', 'eligible', 'eligible'],
  wrexham: ['eligible', 'eligible', 'ineligible'], // "Not fitted in PRS or on joint tenancies"
};

const decideIn = (id: string, caseFacts: Case): Decision =>
  decide(caseFacts, packInForce(store, id, fixedToday)!, {
    decisionId: '00000000-0000-4000-8000-000000000000',
    asOf: fixedToday,
    catalogue: store.measureById,
  });

test('every bundled authority has an expectation', () => {
  expect(Object.keys(expected).sort()).toEqual([...store.packs.keys()].sort());
});

describe.each(Object.entries(expected))('%s, police-referred, high risk, at MARAC', (id, outcomes) => {
  test.each([
    ['council-tenant', outcomes[0]],
    ['owner-occupier', outcomes[1]],
    ['private-rented', outcomes[2]],
  ] as const)('in a %s home: %s', (tenure, outcome) => {
    const decision = decideIn(id, referenceCase(tenure));
    expect(decision.outcome).toBe(outcome);
    // Not listing referrers never leaves the case open: that is the document's silence, not a criterion.
    const openRoutes = decision.reasons.filter(
      (r) => r.effect === 'unspecified' && r.rule.includes('/referralRoutes/'),
    );
    expect(openRoutes).toEqual([]);
  });
});

describe('a fact the document sets no condition on', () => {
  test('is said, citing the section that describes the scheme, and does not decide the outcome', () => {
    const decision = decideIn('conwy', referenceCase('council-tenant'));
    expect(decision.outcome).toBe('eligible');
    const notStated = decision.reasons.find((r) => r.effect === 'not-stated')!;
    expect(notStated.rule).toMatch(/^conwy\/referralRoutes\//);
    expect(notStated.source).toMatch(/Findings|Appendix 2/);
  });

  test('differs from a case the document leaves open, and from one it excludes', () => {
    const selfReferred = { ...referenceCase('council-tenant'), referral: { source: 'self' as const } };
    expect(decideIn('conwy', selfReferred).outcome).toBe('unknown');
    expect(decideIn('lichfield', selfReferred).outcome).toBe('ineligible');
  });

  test('a condition attached to a route is tested on the case: at MARAC is met whoever refers it', () => {
    const atMarac = referenceCase('council-tenant');
    expect(decideIn('gwynedd', atMarac).outcome).toBe('eligible');
    const notAtMarac = { ...atMarac, harm: { ...atMarac.harm, maracCase: false } };
    expect(decideIn('gwynedd', notAtMarac).outcome).toBe('ineligible');
  });
});

describe.each([...store.packs.keys()])('%s over its whole case space', (id) => {
  test('can be eligible unless it cites an exclusion of every case, and is mostly not unknown', () => {
    for (const compiled of store.packs.get(id)!) {
      const space = outcomeSpace(compiled, store.measureById);
      expect(outcomeProblems(space, compiled)).toEqual([]);
      if (!compiled.pack.scheme.operated) continue;
      expect(Boolean(space.byOutcome.eligible)).toBe(!compiled.pack.scheme.neverEligible);
    }
  });

  test('quotes every row word for word from the document it cites', () => {
    const documents = new SourceDocuments(sourcesDir);
    for (const compiled of store.packs.get(id)!) {
      expect(checkSourceQuotes(compiled.pack, compiled.file, documents)).toEqual([]);
    }
  });
});

describe('the quote check', () => {
  const documents = new SourceDocuments(sourcesDir);
  const conwy = packInForce(store, 'conwy', fixedToday)!;

  test('ignores line breaks, bullets and markup, and nothing else', () => {
    expect(normaliseForQuotes('<li>• Fit to all</li>\n<li>• tenures</li>')).toBe('Fit to all tenures');
    expect(normaliseForQuotes('- Fit to **all**\n  tenures')).toBe('Fit to all tenures');
    expect(normaliseForQuotes("LA don't fit")).toBe("LA don't fit");
  });

  test('names the row whose quote is not in its document', () => {
    const pack = structuredClone(conwy.pack) as typeof conwy.pack;
    const row = pack.tables.tenureCoverage.rows[0]!;
    row.source = { ...row.source, quote: 'Fit to all tenures and castles' };
    const problems = checkSourceQuotes(pack, 'authorities/conwy.json', documents);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', table: 'tenureCoverage', row: row.id }),
    ]);
    expect(problems[0]!.message).toContain('Fit to all tenures and castles');
  });

  test('says when a cited document is not held', () => {
    const pack = structuredClone(conwy.pack) as typeof conwy.pack;
    pack.sources[0] = { ...pack.sources[0]!, file: 'missing.md' };
    const problems = checkSourceQuotes(pack, 'authorities/conwy.json', documents);
    expect(problems[0]!.message).toContain('"missing.md" is not in');
  });
});

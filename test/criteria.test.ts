// The tables that can make a case ineligible, as a rule author relies on them: a criterion met, unmet or not
// yet known; a referral route accepted, refused, open or not stated; a tenure covered; the landlord's say.
import type { Case, Reason, TraceEntry } from '../src/contract/apiTypes';
import { checkEligibility, checkReferralRoute, checkTenure } from '../src/decide/criteria';
import { Findings } from '../src/decide/findings';
import type { EligibilityTable, ReferralRoutesTable, TenureCoverageTable } from '../src/generated/pack';
import type { Facts } from '../src/rules/conditions';
import { smallPack, source } from './support/smallPack';

const citation = 'Testshire Sanctuary Scheme policy, 4. Eligibility';
const brief = ({ code, effect }: Reason) => [code, effect];

describe('eligibility criteria', () => {
  const rows: EligibilityTable['rows'] = [
    {
      id: 'lives-in-area',
      require: { 'household.livesInArea': true },
      then: { criterion: 'The victim lives in Testshire.', metCode: 'in-area', failCode: 'not-in-area' },
      source,
    },
    {
      id: 'remains-unless-marac',
      when: { 'harm.maracCase': false },
      require: { 'household.intendsToRemain': true },
      then: { criterion: 'Outside MARAC, the victim intends to remain.', failCode: 'not-remaining' },
      source,
    },
  ];
  const inputs = [
    { fact: 'household.livesInArea' },
    { fact: 'harm.maracCase' },
    { fact: 'household.intendsToRemain' },
  ];
  const table = smallPack({
    eligibility: { title: 'Eligibility criteria', hitPolicy: 'collect', inputs, rows },
  }).tables.eligibility;

  function check(facts: Facts) {
    const findings = new Findings();
    const trace: TraceEntry[] = [];
    checkEligibility(table, facts, findings, trace);
    return { findings, trace };
  }

  it('gives a met criterion as a reason that cites its row and document', () => {
    const { findings } = check({
      household: { livesInArea: true, intendsToRemain: true },
      harm: { maracCase: false },
    });
    expect(findings.failed).toBe(false);
    expect(findings.reasons[0]).toEqual({
      code: 'in-area',
      text: 'The victim lives in Testshire.',
      rule: 'testshire/eligibility/lives-in-area',
      source: citation,
      effect: 'met',
    });
    // Without a metCode, the row's id is the reason's code.
    expect(findings.reasons.map(brief)).toEqual([
      ['in-area', 'met'],
      ['remains-unless-marac', 'met'],
    ]);
  });

  it('fails a case whose criterion applies and is not met', () => {
    const { findings } = check({
      household: { livesInArea: false, intendsToRemain: true },
      harm: { maracCase: false },
    });
    expect(findings.failed).toBe(true);
    expect(findings.reasons.map(brief)).toEqual([
      ['not-in-area', 'failed'],
      ['remains-unless-marac', 'met'],
    ]);
  });

  it('treats a criterion whose fact is absent as unknown, not unmet, and asks for the fact', () => {
    const { findings, trace } = check({ household: { intendsToRemain: true }, harm: { maracCase: false } });
    expect(findings.failed).toBe(false);
    expect(findings.missingFacts).toEqual(['household.livesInArea']);
    expect(findings.reasons[0]).toMatchObject({
      code: 'lives-in-area',
      text: 'The victim lives in Testshire. (needs household.livesInArea)',
      effect: 'missing',
    });
    expect(trace[0]).toEqual({ table: 'eligibility', row: 'lives-in-area', matched: 'unknown' });
  });

  it('leaves a criterion out where its `when` does not hold', () => {
    const { findings, trace } = check({
      household: { livesInArea: true, intendsToRemain: false },
      harm: { maracCase: true },
    });
    expect(findings.failed).toBe(false);
    expect(findings.reasons.map(brief)).toEqual([['in-area', 'met']]);
    expect(trace.map((entry) => entry.matched)).toEqual([true, false]);
  });

  it('does not fail an unmet criterion while whether it applies is unknown: it asks for that fact', () => {
    const { findings } = check({ household: { livesInArea: true, intendsToRemain: false } });
    expect(findings.failed).toBe(false);
    expect(findings.missingFacts).toEqual(['harm.maracCase']);
    expect(findings.reasons.map(brief)).toEqual([
      ['in-area', 'met'],
      ['remains-unless-marac', 'missing'],
    ]);
  });
});

describe('referral routes', () => {
  const route = (
    id: string,
    referredBy: string,
    accepted: ReferralRoutesTable['rows'][number]['then']['accepted'],
  ) => ({
    id,
    when: { 'referral.source': referredBy },
    then: { accepted, code: `${id}-route`, text: `Referrals by ${referredBy}.` },
    source,
  });
  const rows = [
    route('police', 'police', true),
    route('self', 'self', false),
    route('idva', 'idva', 'open'),
    route('court', 'court', 'not-stated'),
  ];
  const inputs = [{ fact: 'referral.source' }];
  const table = smallPack({ referralRoutes: { title: 'Who may refer', hitPolicy: 'first', inputs, rows } })
    .tables.referralRoutes;

  function check(facts: Facts) {
    const findings = new Findings();
    checkReferralRoute(table, facts, findings, []);
    return findings;
  }

  it('meets the criterion for an accepted route', () => {
    const findings = check({ referral: { source: 'police' } });
    expect(findings.reasons.map(brief)).toEqual([['police-route', 'met']]);
    expect(findings.failed).toBe(false);
  });

  it('fails a case whose route the document excludes', () => {
    const findings = check({ referral: { source: 'self' } });
    expect(findings.reasons.map(brief)).toEqual([['self-route', 'failed']]);
    expect(findings.failed).toBe(true);
  });

  it('leaves the outcome unknown for a route the document leaves open', () => {
    const findings = check({ referral: { source: 'idva' } });
    expect(findings.reasons.map(brief)).toEqual([['idva-route', 'unspecified']]);
    expect(findings.failed).toBe(false);
    expect(findings.unspecified).toBe(true);
  });

  it('says a route the document is silent on, without letting it decide anything', () => {
    const findings = check({ referral: { source: 'court' } });
    expect(findings.reasons.map(brief)).toEqual([['court-route', 'not-stated']]);
    expect(findings.failed).toBe(false);
    expect(findings.unspecified).toBe(false);
  });

  it('explains a route no row covers, rather than failing or passing it', () => {
    const findings = check({ referral: { source: 'health' } });
    expect(findings.reasons).toEqual([
      {
        code: 'no-matching-rule',
        text: 'No row of "Who may refer" covers this case, so whether this referral route is accepted is not known.',
        rule: 'testshire/referralRoutes',
        source: 'no row of Who may refer',
        effect: 'unspecified',
      },
    ]);
    expect(findings.failed).toBe(false);
    expect(findings.unspecified).toBe(true);
  });

  it('asks for the referral source when the case does not give it', () => {
    const findings = check({});
    expect(findings.missingFacts).toEqual(['referral.source']);
    expect(findings.reasons.map(brief)).toEqual([['referral-route-needed', 'missing']]);
  });
});

describe('tenure coverage', () => {
  type TenureThen = TenureCoverageTable['rows'][number]['then'];
  const tenure = (
    tenure: string,
    covered: TenureThen['covered'],
    landlordPermission: TenureThen['landlordPermission'],
  ) => ({
    id: tenure,
    when: { 'property.tenure': tenure },
    then: {
      covered,
      funder: 'council' as const,
      landlordPermission,
      code: covered === true ? `${tenure}-covered` : `${tenure}-not-covered`,
      text: `Homes of this tenure (${tenure}).`,
    },
    source,
  });
  const rows = [
    tenure('council-tenant', true, 'not-required'),
    tenure('private-rented', true, 'required'),
    tenure('owner-occupier', false, 'not-stated'),
  ];
  const inputs = [{ fact: 'property.tenure' }];
  const table = smallPack({ tenureCoverage: { title: 'Tenures', hitPolicy: 'first', inputs, rows } }).tables
    .tenureCoverage;

  function check(property: Case['property']) {
    const caseFacts: Case = { property };
    const findings = new Findings();
    const answer = checkTenure(table, caseFacts, caseFacts as Facts, findings, []);
    return { findings, answer };
  }

  it('gives the covering row and whether the landlord must agree', () => {
    const { findings, answer } = check({ tenure: 'council-tenant' });
    expect(answer).toEqual({ row: table.rows[0], needsLandlordPermission: false });
    expect(findings.reasons.map(brief)).toEqual([['council-tenant-covered', 'met']]);
  });

  it('fails a tenure the document excludes', () => {
    const { findings } = check({ tenure: 'owner-occupier' });
    expect(findings.failed).toBe(true);
    expect(findings.reasons.map(brief)).toEqual([['owner-occupier-not-covered', 'failed']]);
  });

  it("does not fail a case while the landlord's permission is still to come", () => {
    const { findings, answer } = check({ tenure: 'private-rented', landlordPermission: 'pending' });
    expect(answer.needsLandlordPermission).toBe(true);
    expect(findings.failed).toBe(false);
    expect(findings.reasons.map(brief)).toEqual([['private-rented-covered', 'met']]);
  });

  it('fails a case whose landlord refused, where the landlord must agree', () => {
    const { findings } = check({ tenure: 'private-rented', landlordPermission: 'refused' });
    expect(findings.failed).toBe(true);
    expect(findings.reasons.map(brief)).toEqual([
      ['private-rented-covered', 'met'],
      ['landlord-permission-refused', 'failed'],
    ]);
  });

  it("says the landlord's agreement is met once granted", () => {
    const { findings } = check({ tenure: 'private-rented', landlordPermission: 'granted' });
    expect(findings.reasons.map(brief)).toEqual([
      ['private-rented-covered', 'met'],
      ['landlord-permission-granted', 'met'],
    ]);
  });

  it("ignores the landlord's refusal where the landlord need not agree", () => {
    const { findings } = check({ tenure: 'council-tenant', landlordPermission: 'refused' });
    expect(findings.failed).toBe(false);
  });

  it('asks for the tenure when the case does not give it', () => {
    const { findings, answer } = check({});
    expect(answer).toEqual({ row: null, needsLandlordPermission: false });
    expect(findings.missingFacts).toEqual(['property.tenure']);
    expect(findings.reasons.map(brief)).toEqual([['tenure-needed', 'missing']]);
  });
});

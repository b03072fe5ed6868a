// The decision function: a case, a compiled pack and a date in, a decision out. No I/O.
import type { Approval, Case, Decision, Outcome, RiskLevel, Routing, TraceEntry } from '../contract/apiTypes';
import type { CompiledPack, CompiledRow, CompiledTable } from '../rules/compiledPack';
import type { Facts } from '../rules/conditions';
import type { MeasureInfo } from '../rules/loadRules';
import { checkEligibility, checkReferralRoute, checkTenure } from './criteria';
import { Findings } from './findings';
import { computeFunding, worksCostAboveCap } from './funding';
import { evaluateTable, singleHit } from './hitPolicy';
import { offerMeasures, type MeasuresOffer } from './measures';
import { resolveRiskLevel } from './riskLevel';
import { deepFreeze } from '../rules/deepFreeze';
import { sharedPart } from './sharedParts';
import { inEnglish, message, packText, rowText, withTexts } from './wording';

export interface DecisionContext {
  decisionId: string;
  asOf: string;
  catalogue: ReadonlyMap<string, MeasureInfo>;
}

/** The contract's precedence: the first outcome that applies wins (no-scheme is decided before this). */
function decideOutcome(findings: Findings, referToLandlord: boolean): Outcome {
  if (findings.failed) return 'ineligible';
  if (referToLandlord) return 'refer-to-landlord';
  if (findings.missingFacts.length) return 'more-information-needed';
  if (findings.unspecified) return 'unknown';
  return 'eligible';
}

// Routing entries, approvals and the response come from one row each, so they are shared per row.
function routeTo(row: CompiledRow<'routing'>): Routing {
  return sharedPart(row, 'routing', () => {
    const { to, name, withinHours, text } = row.then;
    return withTexts(
      {
        to,
        name,
        withinHours,
        withinWorkingDays: row.then.withinWorkingDays ?? null,
        text,
        rule: row.ruleId,
      },
      { name: name === null ? undefined : rowText(row, 'name', name), text: rowText(row, 'text', text) },
    );
  });
}

const landlordMustAgree = message('approval.landlord-permission');

function landlordPermissionApproval(tenure: CompiledRow<'tenureCoverage'>): Approval {
  return sharedPart(tenure, 'landlord-permission', () =>
    withTexts(
      { type: 'landlord-permission', measures: [], text: inEnglish(landlordMustAgree), rule: tenure.ruleId },
      { text: landlordMustAgree },
    ),
  );
}

function approvalOf(row: CompiledRow<'approvals'>): Approval {
  return sharedPart(row, 'approval', () =>
    withTexts(
      { type: row.then.type, measures: [], text: row.then.text, rule: row.ruleId },
      { text: rowText(row, 'text', row.then.text) },
    ),
  );
}

/** Where the tenure row sends the case: its fitter, or the landlord. */
function tenureRouting(tenure: CompiledRow<'tenureCoverage'>, to: 'fitter' | 'landlord'): Routing {
  return sharedPart(tenure, `routing-${to}`, () => {
    const fitter = tenure.then.fitter;
    const [target, name] =
      to === 'fitter' && fitter ? [fitter.to, fitter.name] : (['landlord', null] as const);
    return withTexts(
      {
        to: target,
        name,
        withinHours: null,
        withinWorkingDays: null,
        text: tenure.then.text,
        rule: tenure.ruleId,
      },
      {
        name: name === null ? undefined : rowText(tenure, 'fitter.name', name),
        text: rowText(tenure, 'text', tenure.then.text),
      },
    );
  });
}

const noResponse: Decision['response'] = deepFreeze({
  withinHours: null,
  withinWorkingDays: null,
  label: null,
  rule: null,
});

function responseOf(row: CompiledRow<'response'> | null): Decision['response'] {
  if (!row) return noResponse;
  return sharedPart(row, 'response', () => {
    const label = row.then.label ?? null;
    return withTexts(
      {
        withinHours: row.then.withinHours ?? null,
        withinWorkingDays: row.then.withinWorkingDays ?? null,
        label,
        rule: row.ruleId,
      },
      { label: label === null ? undefined : rowText(row, 'label', label) },
    );
  });
}

/**
 * The facts the tables read: the case's sections plus the derived `resolved` facts. Built by copying keys
 * rather than `{ ...caseFacts, resolved }`, because adding a property to a spread copy makes V8 build a new
 * hidden class for every decision, which cost more than the whole rest of the decision.
 */
function tableFacts(caseFacts: Case, resolved: Record<string, unknown>): Facts {
  const facts: Facts = {};
  const sections = caseFacts as Facts;
  for (const key of Object.keys(sections)) facts[key] = sections[key];
  facts.resolved = resolved;
  return facts;
}

/** What settles a decision's outcome, for either kind of pack. */
interface Verdict {
  readonly outcome: Outcome;
  readonly riskLevel: RiskLevel | null;
  readonly findings: Findings;
}

/** The decision, in the contract's property order, for either kind of pack. */
function decisionOf(
  compiled: CompiledPack,
  context: DecisionContext,
  { outcome, riskLevel, findings }: Verdict,
  measures: Decision['measures'],
  funding: Decision['funding'],
  approvals: Approval[],
  routing: Routing[],
  response: Decision['response'],
  trace: TraceEntry[],
): Decision {
  return {
    decisionId: context.decisionId,
    asOf: context.asOf,
    authority: compiled.authority,
    ruleSet: compiled.ruleSet,
    outcome,
    riskLevel,
    reasons: findings.reasons,
    missingFacts: outcome === 'more-information-needed' ? findings.missingFacts : [],
    measures,
    funding,
    approvals,
    routing,
    response,
    alternatives: compiled.alternatives,
    trace,
  };
}

/** "… does not operate a …", from the pack's own names; made once per pack. */
const noSchemeText = (compiled: CompiledPack) =>
  sharedPart(compiled, 'no-scheme-text', () =>
    message('reason.no-scheme', {
      authority: packText(null, 'name', compiled.pack.name),
      scheme: packText(null, 'scheme.name', compiled.pack.scheme.name),
    }),
  );

/** An authority that runs no scheme: nothing to evaluate but the risk level and who else can help. */
function noSchemeDecision(caseFacts: Case, compiled: CompiledPack, context: DecisionContext): Decision {
  const { pack, tables } = compiled;
  const trace: TraceEntry[] = [];
  const findings = new Findings();
  const scheme = sharedPart(compiled, 'scheme', () => ({
    ruleId: `${pack.authorityId}/scheme`,
    citation: compiled.schemeCitation,
  }));
  findings.info(scheme, 'no-scheme', noSchemeText(compiled));
  const riskLevel = resolveRiskLevel(caseFacts.harm, tables.riskThresholds, trace);
  return decisionOf(
    compiled,
    context,
    { outcome: 'no-scheme', riskLevel, findings },
    { package: null, items: [] },
    computeFunding(null, null, undefined),
    [],
    [],
    noResponse,
    trace,
  );
}

/** The first half of a decision, of an operated scheme: the outcome and what settles it. */
function assess(caseFacts: Case, compiled: CompiledPack, trace: TraceEntry[]) {
  const { tables } = compiled;
  const findings = new Findings();
  const riskLevel = resolveRiskLevel(caseFacts.harm, tables.riskThresholds, trace);
  const contribution = singleHit(evaluateTable(tables.contributions, caseFacts as Facts, trace));
  const worksCost = caseFacts.assessment?.worksCostGBP;
  const facts = tableFacts(caseFacts, {
    riskLevel: riskLevel ?? undefined,
    worksCostAboveCap: worksCostAboveCap(contribution, worksCost),
  });
  checkEligibility(tables.eligibility, facts, findings, trace);
  checkReferralRoute(tables.referralRoutes, facts, findings, trace);
  const tenure = checkTenure(tables.tenureCoverage, caseFacts, facts, findings, trace);
  const referToLandlord = tenure.row?.then.referToLandlord === true;
  const outcome = decideOutcome(findings, referToLandlord);
  return { findings, riskLevel, contribution, worksCost, facts, tenure, referToLandlord, outcome };
}

type Assessment = ReturnType<typeof assess>;

/** What must be agreed before the works: the landlord's permission, the measures', the approvals table's. */
function approvalsNeeded(
  caseFacts: Case,
  { tenure, facts }: Assessment,
  offer: MeasuresOffer,
  table: CompiledTable<'approvals'> | null,
  trace: TraceEntry[],
): Approval[] {
  const approvals: Approval[] = [];
  const permission = caseFacts.property?.landlordPermission;
  if (tenure.row && tenure.needsLandlordPermission && permission !== 'granted' && permission !== 'refused') {
    approvals.push(landlordPermissionApproval(tenure.row));
  }
  approvals.push(...offer.approvals);
  if (table) for (const row of evaluateTable(table, facts, trace).hits) approvals.push(approvalOf(row));
  return approvals;
}

/** Who the case goes to: the routing rows for its outcome, then the tenure's fitter and landlord. */
function routingOf(
  table: CompiledTable<'routing'>,
  { outcome, tenure, referToLandlord, facts }: Assessment,
  trace: TraceEntry[],
): Routing[] {
  // An unknown outcome is routed like one awaiting information: the authority has to settle it.
  const routedAs = outcome === 'unknown' ? 'more-information-needed' : outcome;
  const routing = evaluateTable(table, facts, trace)
    .hits.filter((row) => (row.then.forOutcomes ?? ['eligible']).includes(routedAs))
    .map(routeTo);
  const goesAhead = outcome === 'eligible' || outcome === 'refer-to-landlord';
  const fitter = tenure.row?.then.fitter;
  if (tenure.row && fitter && goesAhead && !routing.some((r) => r.to === fitter.to)) {
    routing.push(tenureRouting(tenure.row, 'fitter'));
  }
  if (tenure.row && referToLandlord && !routing.some((r) => r.to === 'landlord')) {
    routing.push(tenureRouting(tenure.row, 'landlord'));
  }
  return routing;
}

/** The outcome alone, as decide() would give it, without working out what follows from it. */
export function decideOutcomeOnly(caseFacts: Case, compiled: CompiledPack): Outcome {
  if (!compiled.pack.scheme.operated) return 'no-scheme';
  return assess(caseFacts, compiled, []).outcome;
}

export function decide(caseFacts: Case, compiled: CompiledPack, context: DecisionContext): Decision {
  if (!compiled.pack.scheme.operated) return noSchemeDecision(caseFacts, compiled, context);
  const { tables } = compiled;
  const trace: TraceEntry[] = [];
  const assessment = assess(caseFacts, compiled, trace);
  const { facts, tenure, contribution, worksCost } = assessment;
  const offer = offerMeasures(tables.measures, caseFacts, facts, context.catalogue, trace);
  const approvals = approvalsNeeded(caseFacts, assessment, offer, tables.approvals, trace);
  const routing = routingOf(tables.routing, assessment, trace);
  const response = responseOf(singleHit(evaluateTable(tables.response, facts, trace)));
  return decisionOf(
    compiled,
    context,
    assessment,
    { package: offer.package, items: offer.items },
    computeFunding(tenure.row, contribution, worksCost),
    approvals,
    routing,
    response,
    trace,
  );
}

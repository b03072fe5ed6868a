// The decision function: a case, a compiled pack and a date in, a decision out. No I/O.
import type { Approval, Case, Decision, Outcome, Routing, TraceEntry } from '../contract/apiTypes';
import type { CompiledPack, CompiledRow } from '../rules/compiledPack';
import type { Facts } from '../rules/conditions';
import type { MeasureInfo } from '../rules/loadRules';
import { checkEligibility, checkReferralRoute, checkTenure } from './criteria';
import { Findings } from './findings';
import { computeFunding, worksCostAboveCap } from './funding';
import { evaluateTable, singleHit } from './hitPolicy';
import { offerMeasures } from './measures';
import { resolveRiskLevel } from './riskLevel';

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

function routeTo(row: CompiledRow<'routing'>): Routing {
  const { to, name, withinHours, text } = row.then;
  return { to, name, withinHours, text, rule: row.ruleId };
}

function landlordPermissionApproval(tenure: CompiledRow<'tenureCoverage'>): Approval {
  return {
    type: 'landlord-permission',
    measures: [],
    text: 'The landlord must agree to the works before they go ahead.',
    rule: tenure.ruleId,
  };
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

/** An authority that runs no scheme: nothing to evaluate but the risk level and who else can help. */
function noSchemeDecision(caseFacts: Case, compiled: CompiledPack, context: DecisionContext): Decision {
  const { pack, tables } = compiled;
  const trace: TraceEntry[] = [];
  const findings = new Findings();
  const scheme = { ruleId: `${pack.authorityId}/scheme`, citation: compiled.schemeCitation };
  findings.info(scheme, 'no-scheme', `${pack.name} does not operate a ${pack.scheme.name}.`);
  return {
    decisionId: context.decisionId,
    asOf: context.asOf,
    authority: { id: pack.authorityId, name: pack.name },
    ruleSet: compiled.ruleSet,
    outcome: 'no-scheme',
    riskLevel: resolveRiskLevel(caseFacts.harm, tables.riskThresholds!, trace),
    reasons: findings.reasons,
    missingFacts: [],
    measures: { package: null, items: [] },
    funding: computeFunding(null, null, undefined),
    approvals: [],
    routing: [],
    response: { withinHours: null, label: null, rule: null },
    alternatives: pack.alternatives?.values ?? [],
    trace,
  };
}

export function decide(caseFacts: Case, compiled: CompiledPack, context: DecisionContext): Decision {
  if (!compiled.pack.scheme.operated) return noSchemeDecision(caseFacts, compiled, context);
  const { pack, tables } = compiled;
  const trace: TraceEntry[] = [];
  const findings = new Findings();
  const riskLevel = resolveRiskLevel(caseFacts.harm, tables.riskThresholds!, trace);
  const contribution = singleHit(evaluateTable(tables.contributions!, caseFacts as Facts, trace));
  const worksCost = caseFacts.assessment?.worksCostGBP;
  const facts = tableFacts(caseFacts, {
    riskLevel: riskLevel ?? undefined,
    worksCostAboveCap: worksCostAboveCap(contribution, worksCost),
  });

  checkEligibility(tables.eligibility!, facts, findings, trace);
  checkReferralRoute(tables.referralRoutes!, facts, findings, trace);
  const tenure = checkTenure(tables, caseFacts, facts, findings, trace);
  const referToLandlord = tenure.row?.then.referToLandlord === true;
  const outcome = decideOutcome(findings, referToLandlord);

  const offer = offerMeasures(tables.measures!, caseFacts, facts, context.catalogue, trace);
  const approvals: Approval[] = [];
  const permission = caseFacts.property?.landlordPermission;
  if (tenure.row && tenure.needsLandlordPermission && permission !== 'granted' && permission !== 'refused') {
    approvals.push(landlordPermissionApproval(tenure.row));
  }
  approvals.push(...offer.approvals);
  for (const row of tables.approvals ? evaluateTable(tables.approvals, facts, trace).hits : []) {
    approvals.push({ type: row.then.type, measures: [], text: row.then.text, rule: row.ruleId });
  }

  // An unknown outcome is routed like one awaiting information: the authority has to settle it.
  const routedAs = outcome === 'unknown' ? 'more-information-needed' : outcome;
  const routing = evaluateTable(tables.routing!, facts, trace)
    .hits.filter((row) => (row.then.forOutcomes ?? ['eligible']).includes(routedAs))
    .map(routeTo);
  const goesAhead = outcome === 'eligible' || outcome === 'refer-to-landlord';
  const fitter = tenure.row?.then.fitter;
  if (tenure.row && fitter && goesAhead && !routing.some((r) => r.to === fitter.to)) {
    const { to, name } = fitter;
    routing.push({ to, name, withinHours: null, text: tenure.row.then.text, rule: tenure.row.ruleId });
  }
  if (tenure.row && referToLandlord && !routing.some((r) => r.to === 'landlord')) {
    routing.push({
      to: 'landlord',
      name: null,
      withinHours: null,
      text: tenure.row.then.text,
      rule: tenure.row.ruleId,
    });
  }

  const response = singleHit(evaluateTable(tables.response!, facts, trace));
  return {
    decisionId: context.decisionId,
    asOf: context.asOf,
    authority: { id: pack.authorityId, name: pack.name },
    ruleSet: compiled.ruleSet,
    outcome,
    riskLevel,
    reasons: findings.reasons,
    missingFacts: outcome === 'more-information-needed' ? findings.missingFacts : [],
    measures: { package: offer.package, items: offer.items },
    funding: computeFunding(tenure.row, contribution, worksCost),
    approvals,
    routing,
    response: {
      withinHours: response?.then.withinHours ?? null,
      label: response?.then.label ?? null,
      rule: response?.ruleId ?? null,
    },
    alternatives: pack.alternatives?.values ?? [],
    trace,
  };
}

// A decision as the result page tells it: the outcome in words, reasons with their citations and the policy's
// own words, and every list labelled for people rather than case systems. Pure: no request, no rendering.
import type { Decision, Outcome, Reason } from '../contract/apiTypes';
import type { CompiledPack } from '../rules/compiledPack';
import { questionText } from './caseQuestions';
import { hoursText, poundsText, valueLabel } from './labels';
import { fileOf, sourceHref, sourceOfRule } from './sourceDocuments';

export interface ReasonView {
  effect: Reason['effect'];
  effectLabel: string;
  tagClass: string;
  text: string;
  /** The questions a reason is waiting for, when it is `missing`. */
  needs: string[];
  source: string;
  rule: string;
  quote: string | null;
  /** The cited document, served by the service, where it holds it. */
  sourceHref: string | null;
}

export interface DecisionView {
  decision: Decision;
  outcomeLabel: string;
  outcomeTagClass: string;
  summary: string;
  riskLevel: string;
  reasons: ReasonView[];
  /** What stands in the way or needs saying (failed, missing, notes), and what is met: told apart on the page. */
  concerns: ReasonView[];
  met: ReasonView[];
  /** The criteria not met, in words. */
  failed: string[];
  missing: string[];
  measures: {
    package: string | null;
    items: {
      label: string;
      status: string;
      tagClass: string;
      approval: string | null;
      rule: string | null;
    }[];
  };
  funding: { key: string; value: string }[];
  approvals: { type: string; text: string; measures: string[]; rule: string }[];
  routing: { to: string; name: string | null; timescale: string; text: string; rule: string }[];
  response: { label: string; timescale: string | null; rule: string | null };
  alternatives: string[];
}

export const outcomeTagClasses: Record<Outcome, string> = {
  eligible: 'govuk-tag--green',
  'refer-to-landlord': '',
  'more-information-needed': 'govuk-tag--yellow',
  unknown: 'govuk-tag--orange',
  ineligible: 'govuk-tag--red',
  'no-scheme': 'govuk-tag--grey',
};

const summaries: Record<Outcome, (name: string) => string> = {
  eligible: (name) => `The case meets ${name}'s criteria for its scheme.`,
  'refer-to-landlord': () =>
    'The landlord delivers the works through its own scheme: refer the case to the landlord.',
  'more-information-needed': () =>
    'The decision needs answers to more questions before it can say yes or no.',
  unknown: (name) =>
    `${name}'s policy does not say whether it covers this case: ask the council. What the policy leaves open is listed.`,
  ineligible: (name) => `The case does not meet ${name}'s criteria. Every criterion not met is listed.`,
  'no-scheme': (name) => `${name} does not run a sanctuary scheme.`,
};

const effects: Record<Reason['effect'], { label: string; tagClass: string; order: number }> = {
  failed: { label: 'Not met', tagClass: 'govuk-tag--red', order: 0 },
  missing: { label: 'Not known', tagClass: 'govuk-tag--yellow', order: 1 },
  unspecified: { label: 'Left open', tagClass: 'govuk-tag--orange', order: 2 },
  'not-stated': { label: 'Not stated: confirm', tagClass: 'govuk-tag--blue', order: 3 },
  info: { label: 'Note', tagClass: '', order: 4 },
  met: { label: 'Met', tagClass: 'govuk-tag--green', order: 5 },
};

const statusTagClasses: Record<string, string> = {
  provided: 'govuk-tag--green',
  'needs-approval': 'govuk-tag--yellow',
  'not-available': 'govuk-tag--red',
  unknown: 'govuk-tag--grey',
};

function reasonView(reason: Reason, compiled: CompiledPack): ReasonView {
  const effect = effects[reason.effect];
  // The row's citation: the policy's own words, and the document they come from.
  const source = sourceOfRule(compiled, reason.rule);
  // A missing reason ends "(needs a.b, c.d)": the questions read better than the paths.
  const needsMatch = reason.effect === 'missing' ? /^(.*) \(needs ([^)]*)\)$/.exec(reason.text) : null;
  return {
    effect: reason.effect,
    effectLabel: effect.label,
    tagClass: effect.tagClass,
    text: needsMatch ? needsMatch[1]! : reason.text,
    needs: needsMatch ? needsMatch[2]!.split(', ').map(questionText) : [],
    source: reason.source,
    rule: reason.rule,
    quote: source?.quote ?? null,
    // A link to the document the row cites, where the service holds it.
    sourceHref: source ? sourceHref(fileOf(compiled.pack, source)) : null,
  };
}

const orNotSaid = (text: string | null) => text ?? 'Not specified by the policy';

export function decisionView(
  decision: Decision,
  compiled: CompiledPack,
  measureLabel: (id: string) => string,
): DecisionView {
  const { funding } = decision;
  const funder = funding.funder === 'unknown' ? 'Not specified by the policy' : valueLabel(funding.funder);
  const contribution =
    funding.victimContribution === 'unknown'
      ? 'Not specified by the policy'
      : valueLabel(funding.victimContribution);
  const fundingRows = [
    { key: 'Who pays', value: funder },
    { key: "Victim's contribution", value: contribution },
    {
      key: "Cap on the council's contribution",
      value: poundsText(funding.councilContributionCapGBP) ?? 'No cap given',
    },
  ];
  if (funding.councilContributionGBP !== null)
    fundingRows.push({ key: "Council's contribution", value: poundsText(funding.councilContributionGBP)! });
  if (funding.shortfallGBP !== null)
    fundingRows.push({ key: 'Shortfall above the cap', value: poundsText(funding.shortfallGBP)! });

  const reasons = decision.reasons
    .map((reason) => reasonView(reason, compiled))
    .sort((a, b) => effects[a.effect].order - effects[b.effect].order);
  return {
    decision,
    outcomeLabel: valueLabel(decision.outcome),
    outcomeTagClass: outcomeTagClasses[decision.outcome],
    summary: summaries[decision.outcome](decision.authority.name),
    riskLevel: decision.riskLevel ? valueLabel(decision.riskLevel) : 'Not known',
    reasons,
    concerns: reasons.filter((r) => r.effect !== 'met'),
    met: reasons.filter((r) => r.effect === 'met'),
    failed: reasons.filter((r) => r.effect === 'failed').map((r) => r.text),
    missing: decision.missingFacts.map(questionText),
    measures: {
      package: decision.measures.package,
      items: decision.measures.items.map((item) => ({
        label: item.label,
        status: valueLabel(item.status),
        tagClass: statusTagClasses[item.status] ?? 'govuk-tag--grey',
        approval: item.approval ? valueLabel(item.approval) : null,
        rule: item.rule,
      })),
    },
    funding: fundingRows,
    approvals: decision.approvals.map((approval) => ({
      type: valueLabel(approval.type),
      text: approval.text,
      measures: approval.measures.map(measureLabel),
      rule: approval.rule,
    })),
    routing: decision.routing.map((step) => ({
      to: valueLabel(step.to),
      // "MARAC: MARAC" says nothing twice.
      name: step.name === valueLabel(step.to) ? null : step.name,
      timescale: orNotSaid(hoursText(step.withinHours, step.withinWorkingDays)),
      text: step.text,
      rule: step.rule,
    })),
    response: {
      label: orNotSaid(decision.response.label),
      timescale: hoursText(decision.response.withinHours, decision.response.withinWorkingDays),
      rule: decision.response.rule,
    },
    alternatives: decision.alternatives.map(valueLabel),
  };
}

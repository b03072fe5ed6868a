// A decision as the result page tells it: the outcome in words, reasons with their citations and the policy's
// own words, and every list labelled for people rather than case systems. Pure: no request, no rendering.
import type { Decision, Outcome, Reason } from '../contract/apiTypes';
import { textsOf, type Text } from '../decide/wording';
import { decisionInLanguage, textInLanguage } from '../services/decisionInLanguage';
import type { Language } from '../messages/messages';
import type { CompiledPack } from '../rules/compiledPack';
import { questionWords } from './caseQuestions';
import { hoursText, poundsText, valueLabel } from './labels';
import { pageWords } from './pageLanguage';
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
  /** On a Welsh page: "en" where the text is still the pack's English. */
  lang: 'en' | null;
  /** On a Welsh page: the English source of a Welsh text not yet reviewed. */
  unreviewedEnglish: string | null;
  /** Whose review it waits for: the council's, or for a national rule (the service's own words) the service's. */
  unreviewedBy: 'council' | 'service';
}

export interface DecisionView {
  decision: Decision;
  /** On a Welsh page: "en" where the council's name is still the pack's English. */
  authorityLang: 'en' | null;
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
  /** `lang`: "en" on a Welsh page where the text is still the pack's English. */
  approvals: { type: string; text: string; lang: 'en' | null; measures: string[]; rule: string }[];
  routing: {
    to: string;
    name: string | null;
    timescale: string;
    text: string;
    lang: 'en' | null;
    rule: string;
  }[];
  /** `lang`: "en" on a Welsh page where the label is still the pack's English. */
  response: { label: string; lang: 'en' | null; timescale: string | null; rule: string | null };
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

const effects: Record<Reason['effect'], { tagClass: string; order: number }> = {
  failed: { tagClass: 'govuk-tag--red', order: 0 },
  missing: { tagClass: 'govuk-tag--yellow', order: 1 },
  unspecified: { tagClass: 'govuk-tag--orange', order: 2 },
  'not-stated': { tagClass: 'govuk-tag--blue', order: 3 },
  info: { tagClass: '', order: 4 },
  met: { tagClass: 'govuk-tag--green', order: 5 },
};

/**
 * A missing reason's own words and the facts it waits for, as decide gave them (`reason.needs-facts`): the page
 * shows the words, and the facts as questions, which read better than the paths.
 */
function waitingFor(reason: Reason): { text: Text; facts: string[] } | null {
  const text = textsOf(reason)?.text;
  if (typeof text !== 'object' || text.kind !== 'message' || text.key !== 'reason.needs-facts') return null;
  const { text: own, facts } = text.values;
  // Decide lists the fact paths joined with ", " (a path never holds one).
  return own !== undefined && typeof facts === 'string' ? { text: own, facts: facts.split(', ') } : null;
}

/** Which of a Welsh decision's texts are still English, or Welsh not yet reviewed (JSON pointers). */
interface Untranslated {
  english: ReadonlySet<string>;
  unreviewed: ReadonlySet<string>;
}

const statusTagClasses: Record<string, string> = {
  provided: 'govuk-tag--green',
  'needs-approval': 'govuk-tag--yellow',
  'not-available': 'govuk-tag--red',
  unknown: 'govuk-tag--grey',
};

function reasonView(
  reason: Reason,
  english: Reason,
  at: number,
  compiled: CompiledPack,
  language: Language,
  untranslated: Untranslated,
): ReasonView {
  const effect = effects[reason.effect];
  // The row's citation: the policy's own words, and the document they come from.
  const source = sourceOfRule(compiled, reason.rule);
  const waiting = reason.effect === 'missing' ? waitingFor(english) : null;
  const pointer = `/reasons/${at}/text`;
  return {
    effect: reason.effect,
    effectLabel: pageWords(language)(`effect.${reason.effect}`),
    tagClass: effect.tagClass,
    text: waiting ? textInLanguage(waiting.text, compiled, language) : reason.text,
    needs: waiting ? waiting.facts.map((path) => questionWords(path, language).text ?? path) : [],
    lang: untranslated.english.has(pointer) ? 'en' : null,
    unreviewedEnglish: untranslated.unreviewed.has(pointer) ? english.text : null,
    unreviewedBy: reason.rule.startsWith('national/') ? 'service' : 'council',
    source: reason.source,
    rule: reason.rule,
    quote: source?.quote ?? null,
    // A link to the document the row cites, where the service holds it.
    sourceHref: source ? sourceHref(fileOf(compiled.pack, source)) : null,
  };
}

export function decisionView(
  englishDecision: Decision,
  compiled: CompiledPack,
  measureLabel: (id: string) => string,
  language: Language = 'en',
): DecisionView {
  const t = pageWords(language);
  // In Welsh: the decision's texts in Welsh where the pack has them, each English or unreviewed one listed.
  const decision = decisionInLanguage(englishDecision, compiled, language);
  const untranslated: Untranslated = {
    english: new Set(decision.language?.englishFallback ?? []),
    unreviewed: new Set(decision.language?.unreviewedWelsh ?? []),
  };
  const label = (value: string) => valueLabel(value, language);
  const pounds = (amount: number | null) => poundsText(amount, language);
  const orNotSaid = (text: string | null) => text ?? t('fundingRow.notByPolicy');
  const { funding } = decision;
  const funder = funding.funder === 'unknown' ? t('fundingRow.notByPolicy') : label(funding.funder);
  const contribution =
    funding.victimContribution === 'unknown'
      ? t('fundingRow.notByPolicy')
      : label(funding.victimContribution);
  const fundingRows = [
    { key: t('fundingRow.whoPays'), value: funder },
    { key: t('fundingRow.contribution'), value: contribution },
    {
      key: t('fundingRow.cap'),
      value: pounds(funding.councilContributionCapGBP) ?? t('fundingRow.noCap'),
    },
  ];
  if (funding.councilContributionGBP !== null)
    fundingRows.push({ key: t('fundingRow.council'), value: pounds(funding.councilContributionGBP)! });
  if (funding.shortfallGBP !== null)
    fundingRows.push({ key: t('fundingRow.shortfall'), value: pounds(funding.shortfallGBP)! });

  const reasons = decision.reasons
    .map((reason, at) =>
      reasonView(reason, englishDecision.reasons[at]!, at, compiled, language, untranslated),
    )
    .sort((a, b) => effects[a.effect].order - effects[b.effect].order);
  return {
    decision,
    authorityLang: untranslated.english.has('/authority/name') ? 'en' : null,
    outcomeLabel: label(decision.outcome),
    outcomeTagClass: outcomeTagClasses[decision.outcome],
    summary: t(`summary.${decision.outcome}`, { name: decision.authority.name }),
    riskLevel: decision.riskLevel ? label(decision.riskLevel) : t('common.notKnown'),
    reasons,
    concerns: reasons.filter((r) => r.effect !== 'met'),
    met: reasons.filter((r) => r.effect === 'met'),
    failed: reasons.filter((r) => r.effect === 'failed').map((r) => r.text),
    missing: decision.missingFacts.map((path) => questionWords(path, language).text ?? path),
    measures: {
      package: decision.measures.package,
      items: decision.measures.items.map((item) => ({
        label: item.label,
        status: label(item.status),
        tagClass: statusTagClasses[item.status] ?? 'govuk-tag--grey',
        approval: item.approval ? label(item.approval) : null,
        rule: item.rule,
      })),
    },
    funding: fundingRows,
    approvals: decision.approvals.map((approval, at) => ({
      type: label(approval.type),
      text: approval.text,
      lang: untranslated.english.has(`/approvals/${at}/text`) ? 'en' : null,
      measures: approval.measures.map(measureLabel),
      rule: approval.rule,
    })),
    routing: decision.routing.map((step, at) => ({
      lang: untranslated.english.has(`/routing/${at}/text`) ? ('en' as const) : null,
      to: label(step.to),
      // "MARAC: MARAC" says nothing twice.
      name: step.name === valueLabel(step.to) || step.name === label(step.to) ? null : step.name,
      timescale: orNotSaid(hoursText(step.withinHours, step.withinWorkingDays, language)),
      text: step.text,
      rule: step.rule,
    })),
    response: {
      label: orNotSaid(decision.response.label),
      lang: decision.response.label !== null && untranslated.english.has('/response/label') ? 'en' : null,
      timescale: hoursText(decision.response.withinHours, decision.response.withinWorkingDays, language),
      rule: decision.response.rule,
    },
    alternatives: decision.alternatives.map((value) => valueLabel(value, language)),
  };
}

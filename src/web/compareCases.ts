// The same case decided by two or three authorities, for the side-by-side page.
import type { Decision } from '../contract/apiTypes';
import type { RuleStore } from '../rules/loadRules';
import { decideForAuthority, type Clock } from '../services/decisionService';
import type { Language } from '../messages/messages';
import { caseFromForm, type FieldError, type FormBody } from './caseForm';
import { pageWords } from './pageLanguage';

export const compareLimits = { min: 2, max: 3 };

export type CompareResult =
  { ok: false; errors: Map<string, FieldError> } | { ok: true; decisions: Decision[] };

export function compareCases(
  store: RuleStore,
  clock: Clock,
  authorityIds: string[],
  body: FormBody,
  language: Language = 'en',
): CompareResult {
  const t = pageWords(language);
  const parsed = caseFromForm(body, language);
  const { caseFacts } = parsed;
  const chosen = [...new Set(authorityIds)].filter((id) => store.packs.has(id));
  // The councils are the form's first question, so their error leads the summary.
  const errors = new Map<string, FieldError>();
  if (chosen.length < compareLimits.min || chosen.length > compareLimits.max) {
    errors.set('authorities', { href: '#authorities', text: t('compare.chooseCouncils') });
  }
  parsed.errors.forEach((error, name) => errors.set(name, error));
  if (errors.size) return { ok: false, errors };
  const decisions: Decision[] = [];
  for (const id of chosen) {
    const result = decideForAuthority(store, id, caseFacts, clock);
    if (result.kind !== 'decided') {
      const text = t('compare.noRulesOnDate');
      return { ok: false, errors: new Map([['asOf', { href: '#asOf-day', text }]]) };
    }
    decisions.push(result.decision);
  }
  return { ok: true, decisions };
}

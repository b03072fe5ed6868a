// One submission of the check-a-case form: the answers become a Case, checked by the API's Case schema, decided
// by the API's own decision function, and (when it is not eligible) searched for what would change that.
import type { Decision } from '../contract/apiTypes';
import { decideOutcomeOnly } from '../decide/decide';
import type { CompiledPack } from '../rules/compiledPack';
import type { RuleStore } from '../rules/loadRules';
import { decideForAuthority, type Clock } from '../services/decisionService';
import type { Language } from '../messages/messages';
import { caseFromForm, type FieldError, type FormBody } from './caseForm';
import { pageWords } from './pageLanguage';
import { describeWays } from './changeText';
import { variationsFor, whatWouldChangeInSlices, type SearchLimits } from './whatWouldChange';

export interface ChangesView {
  ways: string[];
  tried: number;
  complete: boolean;
}

export type CheckResult =
  | { ok: false; errors: Map<string, FieldError> }
  | { ok: true; decision: Decision; pack: CompiledPack; changes: ChangesView | null };

const needsChanges = (decision: Decision) =>
  decision.outcome === 'ineligible' || decision.outcome === 'more-information-needed';

/** The search pauses between slices so the API's decisions are answered meanwhile; `limits` bound it. */
export async function checkCase(
  store: RuleStore,
  clock: Clock,
  authorityId: string,
  body: FormBody,
  limits: SearchLimits = {},
  language: Language = 'en',
  measureLabel: (id: string) => string = (id) => id,
): Promise<CheckResult> {
  const t = pageWords(language);
  const parsed = caseFromForm(body, language);
  const { caseFacts } = parsed;
  // The authority is the form's first question, so its error leads the summary.
  const errors = new Map<string, FieldError>();
  if (!store.packs.has(authorityId))
    errors.set('authority', { href: '#authority', text: t('form.chooseCouncil') });
  parsed.errors.forEach((error, name) => errors.set(name, error));
  if (errors.size) return { ok: false, errors };
  const result = decideForAuthority(store, authorityId, caseFacts, clock);
  if (result.kind !== 'decided') {
    const text = t('form.noRulesOnDate');
    return { ok: false, errors: new Map([['asOf', { href: '#asOf-day', text }]]) };
  }
  const { decision, pack } = result;
  if (!needsChanges(decision)) return { ok: true, decision, pack, changes: null };
  const variations = variationsFor(pack);
  // The variations change facts, never the date, so the pack that decided the case decides each of them; and
  // the search needs only their outcomes, not decisions: nobody acts on them.
  const search = await whatWouldChangeInSlices(
    caseFacts,
    variations,
    (changed) => decideOutcomeOnly(changed, pack),
    limits,
  );
  return {
    ok: true,
    decision,
    pack,
    changes: {
      ways: describeWays(search.ways, variations, caseFacts, language, measureLabel),
      tried: search.tried,
      complete: search.complete,
    },
  };
}

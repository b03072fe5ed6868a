// Turns a validated case for an authority into a decision with the pack that made it, or says what stops it.
import { randomUUID } from 'node:crypto';
import type { Case, Decision } from '../contract/apiTypes';
import { decide } from '../decide/decide';
import { decisionInLanguage } from './decisionInLanguage';
import type { Language } from '../messages/messages';
import type { CompiledPack } from '../rules/compiledPack';
import { packInForce, type RuleStore } from '../rules/loadRules';

export interface Clock {
  /** Today's date in the UK, as YYYY-MM-DD: the default `asOf`. */
  today(): string;
}

// Made once: building a formatter costs many times a whole decision, and using one costs little.
const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

export const ukClock: Clock = {
  today: () => ukDate.format(new Date()),
};

/** What deciding a case for an authority came to; each caller words the two refusals its own way. */
export type AuthorityDecision =
  | { kind: 'unknown-authority' }
  | { kind: 'no-pack-in-force'; asOf: string }
  | { kind: 'decided'; decision: Decision; pack: CompiledPack };

/** `language`: the words of the decision (Welsh: see decisionInLanguage); its codes and values are the same. */
export function decideForAuthority(
  store: RuleStore,
  authorityId: string,
  caseFacts: Case,
  clock: Clock,
  newId: () => string = randomUUID,
  language: Language = 'en',
): AuthorityDecision {
  if (!store.packs.has(authorityId)) return { kind: 'unknown-authority' };
  const asOf = caseFacts.asOf ?? clock.today();
  const pack = packInForce(store, authorityId, asOf);
  if (!pack) return { kind: 'no-pack-in-force', asOf };
  const decided = decide(caseFacts, pack, { decisionId: newId(), asOf, catalogue: store.measureById });
  const decision = decisionInLanguage(decided, pack, language);
  return { kind: 'decided', decision, pack };
}

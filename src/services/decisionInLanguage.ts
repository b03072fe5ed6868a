// A decision in the language asked. English is the decision as decided, untouched. Welsh is a copy whose
// worded parts are Welsh copies of the shared parts, each made once per part (and frozen, so its JSON is cached
// as the English part's is), with every field still in the pack's English, or in its unreviewed Welsh, listed.
import type { Decision, LanguageServed } from '../contract/apiTypes';
import { pointerOf } from '../contract/jsonPointer';
import type { Language } from '../messages/messages';
import type { CompiledPack } from '../rules/compiledPack';
import { deepFreeze } from '../rules/deepFreeze';
import { inEnglish, packText, textsOf, type Text } from '../decide/wording';
import { inWelsh, welshOfRules, type WelshOfPack } from './welshWording';

/** A part's Welsh copy, with the fields of it that are still English or not yet reviewed. */
interface WelshPart<T> {
  readonly part: T;
  readonly englishFallback: readonly string[];
  readonly unreviewedWelsh: readonly string[];
}

const welshParts = new WeakMap<object, WelshPart<object>>();

/** A part with its text fields in Welsh, per the sources decide recorded for it; made once per part. */
function welshPart<T extends object>(part: T, welshOf: WelshOfPack, texts = textsOf(part)): WelshPart<T> {
  const made = welshParts.get(part);
  if (made) return made as WelshPart<T>;
  const copy = { ...part } as Record<string, unknown>;
  const englishFallback: string[] = [];
  const unreviewedWelsh: string[] = [];
  for (const [field, text] of Object.entries(texts ?? {}) as [string, Text | undefined][]) {
    if (text === undefined) continue;
    const rendered = inWelsh(text, welshOf);
    copy[field] = rendered.text;
    if (rendered.englishFallback) englishFallback.push(field);
    if (rendered.unreviewedWelsh) unreviewedWelsh.push(field);
  }
  const welsh = deepFreeze({ part: copy as T, englishFallback, unreviewedWelsh });
  welshParts.set(part, welsh);
  return welsh;
}

/**
 * An answer being put into Welsh: gives the Welsh of its texts and parts, and gathers the pointers to the fields
 * still in the pack's English, or in its unreviewed Welsh. `forPack` shares the lists with another pack's words.
 */
export class WelshAnswer {
  constructor(
    private readonly welshOf: WelshOfPack,
    readonly englishFallback: string[] = [],
    readonly unreviewedWelsh: string[] = [],
  ) {}

  forPack(compiled: CompiledPack): WelshAnswer {
    return new WelshAnswer(welshOfRules(compiled), this.englishFallback, this.unreviewedWelsh);
  }

  /** One text at `at` in the answer, in Welsh where it can be. */
  text(text: Text, at: readonly (string | number)[]): string {
    const rendered = inWelsh(text, this.welshOf);
    if (rendered.englishFallback) this.englishFallback.push(pointerOf(...at));
    if (rendered.unreviewedWelsh) this.unreviewedWelsh.push(pointerOf(...at));
    return rendered.text;
  }

  /** A shared part at `at`, its text fields in Welsh: the copy is made once per part. */
  part<T extends object>(
    part: T,
    at: readonly (string | number)[],
    texts?: Readonly<Record<string, Text>>,
  ): T {
    const welsh = welshPart(part, this.welshOf, texts);
    for (const field of welsh.englishFallback) this.englishFallback.push(pointerOf(...at, field));
    for (const field of welsh.unreviewedWelsh) this.unreviewedWelsh.push(pointerOf(...at, field));
    return welsh.part;
  }

  list<T extends object>(parts: readonly T[], ...at: string[]): T[] {
    return parts.map((part, i) => this.part(part, [...at, i]));
  }

  get language(): LanguageServed {
    return { served: 'cy', englishFallback: this.englishFallback, unreviewedWelsh: this.unreviewedWelsh };
  }
}

/** The sources of a pack's `authority` part: its name is the pack's. */
const authorityTexts = (compiled: CompiledPack) => ({ name: packText(null, 'name', compiled.pack.name) });

export function decisionInLanguage(decision: Decision, compiled: CompiledPack, language: Language): Decision {
  if (language === 'en') return decision;
  const welsh = new WelshAnswer(welshOfRules(compiled));
  const authority = welsh.part(decision.authority, ['authority'], authorityTexts(compiled));
  const reasons = welsh.list(decision.reasons, 'reasons');
  const items = welsh.list(decision.measures.items, 'measures', 'items');
  const approvals = welsh.list(decision.approvals, 'approvals');
  const routing = welsh.list(decision.routing, 'routing');
  const response = welsh.part(decision.response, ['response']);
  // In the contract's property order, so a Welsh answer reads as an English one does.
  return {
    ...decision,
    authority,
    reasons,
    measures: { package: decision.measures.package, items },
    approvals,
    routing,
    response,
    language: welsh.language,
  };
}

/** One text of a pack's decision in a language, as decisionInLanguage words it in the answer. */
export const textInLanguage = (text: Text, compiled: CompiledPack, language: Language): string =>
  language === 'en' ? inEnglish(text) : inWelsh(text, welshOfRules(compiled)).text;

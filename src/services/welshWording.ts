// A decision's texts in Welsh: the service's own words from the Welsh catalogue, a pack's texts from its `cy`
// blocks where it has them, and the English (said so) where it has not. src/decide/ records where each text
// comes from (decide/wording.ts); the wording in either language is rendered here and in its English form there.
import { wordsFor } from '../messages/messages';
import type { Text } from '../decide/wording';
import type { CompiledPack } from '../rules/compiledPack';
import { welshBlocks, welshTextOf, type WelshText } from '../rules/welshTexts';

const english = wordsFor('en', 'service');
const welsh = wordsFor('cy', 'service');

/** Finds a pack's Welsh for a field of a row (by rule id) or of the pack (null). */
export type WelshOfPack = (ruleId: string | null, field: string) => WelshText | undefined;

export interface Rendered {
  readonly text: string;
  /** Some of it is English, because the pack (or catalogue) has no Welsh for it. */
  readonly englishFallback: boolean;
  /** Some of it is the pack's Welsh not yet reviewed by the council. */
  readonly unreviewedWelsh: boolean;
}

/** A text in Welsh: the service's own words always, a pack's where it has them, English (said so) where not. */
export function inWelsh(text: Text, welshOf: WelshOfPack): Rendered {
  if (typeof text === 'string') return { text, englishFallback: false, unreviewedWelsh: false };
  if (text.kind === 'pack') {
    const found = welshOf(text.ruleId, text.field);
    return found
      ? { text: found.text, englishFallback: false, unreviewedWelsh: !found.reviewed }
      : { text: text.english, englishFallback: true, unreviewedWelsh: false };
  }
  if (text.kind === 'catalogue') {
    // The Welsh translates the English the catalogue was written from: a label changed since has none yet.
    const current = english(text.key) === text.english;
    return current
      ? { text: welsh(text.key), englishFallback: false, unreviewedWelsh: false }
      : { text: text.english, englishFallback: true, unreviewedWelsh: false };
  }
  const values: Record<string, string> = {};
  let englishFallback = false;
  let unreviewedWelsh = false;
  for (const name of Object.keys(text.values)) {
    const value = inWelsh(text.values[name]!, welshOf);
    values[name] = value.text;
    englishFallback ||= value.englishFallback;
    unreviewedWelsh ||= value.unreviewedWelsh;
  }
  return { text: welsh(text.key, values), englishFallback, unreviewedWelsh };
}

/** The Welsh of a compiled pack's texts: the pack's own, and the national rows' it was compiled with. */
export function welshOfRules(compiled: CompiledPack): WelshOfPack {
  const blocks = welshBlocks(compiled);
  return (ruleId, field) => welshTextOf(blocks.get(ruleId), field);
}

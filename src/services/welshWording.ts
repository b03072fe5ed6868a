// A decision's texts in Welsh: the service's own words from the Welsh catalogue, a pack's texts from its `cy`
// blocks where it has them, and the English (said so) where it has not. src/decide/ records where each text
// comes from (decide/wording.ts); the wording in either language is rendered here and in its English form there.
import type { RulePack } from '../generated/pack';
import { wordsFor } from '../messages/messages';
import type { Text } from '../decide/wording';

const english = wordsFor('en', 'service');
const welsh = wordsFor('cy', 'service');

/** A pack's Welsh for one of its texts (a `cy` entry), and whether the council has reviewed it. */
export interface WelshText {
  readonly text: string;
  readonly reviewed: boolean;
}

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

// ---------------------------------------------------------------------------------------------------------------
// A pack's Welsh texts, found by rule id and field.

type WelshBlock = Readonly<Record<string, unknown>> & { readonly reviewed?: boolean };

const welshByPack = new WeakMap<RulePack, Map<string | null, WelshBlock>>();

/** Each row's `cy` block by rule id (`authority/table/row`), and the pack's own under null: made once per pack. */
function welshBlocks(pack: RulePack): Map<string | null, WelshBlock> {
  let blocks = welshByPack.get(pack);
  if (blocks) return blocks;
  blocks = new Map();
  if (pack.cy) blocks.set(null, pack.cy as WelshBlock);
  for (const [tableId, table] of Object.entries(pack.tables)) {
    for (const row of (table?.rows ?? []) as { id: string; cy?: WelshBlock }[]) {
      if (row.cy) blocks.set(`${pack.authorityId}/${tableId}/${row.id}`, row.cy);
    }
  }
  welshByPack.set(pack, blocks);
  return blocks;
}

/** The Welsh of a pack's texts. A field with no Welsh, or an empty one, has none: never a blank. */
export function welshOfPack(pack: RulePack): WelshOfPack {
  const blocks = welshBlocks(pack);
  return (ruleId, field) => {
    const block = blocks.get(ruleId);
    const text = block?.[field];
    if (typeof text !== 'string' || field === 'reviewed' || text.trim() === '') return undefined;
    return { text, reviewed: block!.reviewed === true };
  };
}

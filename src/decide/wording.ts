// Where each text in a decision comes from, so it can be put into either language: the service's own words
// (a catalogue key and its values), a pack's text (a field of a row's `then`, or of the pack), or a catalogue
// label. Decide keeps the source beside each shared part it makes; the part itself holds the English rendering,
// so the English answer is what it always was, and the Welsh one is rendered from the same sources.
import type { RulePack } from '../generated/pack';
import { wordsFor } from '../messages/messages';

/** A service sentence: its key in the `service` catalogue and the values it is filled with. */
export interface Message {
  readonly kind: 'message';
  readonly key: string;
  readonly values: Readonly<Record<string, Text>>;
}

/** A pack's own text: `field` of the row `ruleId`'s `then` (dotted when nested), or of the pack (`ruleId` null). */
export interface PackText {
  readonly kind: 'pack';
  readonly ruleId: string | null;
  readonly field: string;
  readonly english: string;
}

/** A label of a catalogue the rules directory holds in English (measures.json), translated in `service`. */
export interface CatalogueLabel {
  readonly kind: 'catalogue';
  readonly key: string;
  readonly english: string;
}

/** A plain string is a value never translated, such as fact paths. */
export type Text = Message | PackText | CatalogueLabel | string;

export const message = (key: string, values: Record<string, Text> = {}): Message => ({
  kind: 'message',
  key,
  values,
});

export const packText = (ruleId: string | null, field: string, english: string): PackText => ({
  kind: 'pack',
  ruleId,
  field,
  english,
});

/** A row's text field, as the pack gives it. */
export const rowText = (row: { readonly ruleId: string }, field: string, english: string): PackText =>
  packText(row.ruleId, field, english);

export const catalogueLabel = (key: string, english: string): CatalogueLabel => ({
  kind: 'catalogue',
  key,
  english,
});

export function sameText(a: Text | undefined, b: Text): boolean {
  if (a === b) return true;
  if (a === undefined || typeof a === 'string' || typeof b === 'string' || a.kind !== b.kind) return false;
  if (a.kind === 'message') {
    const other = b as Message;
    if (a.key !== other.key) return false;
    const names = Object.keys(a.values);
    if (names.length !== Object.keys(other.values).length) return false;
    return names.every(
      (name) => other.values[name] !== undefined && sameText(a.values[name], other.values[name]!),
    );
  }
  if (a.kind === 'pack') {
    const other = b as PackText;
    return a.english === other.english && a.field === other.field && a.ruleId === other.ruleId;
  }
  return a.key === (b as CatalogueLabel).key && a.english === (b as CatalogueLabel).english;
}

// ---------------------------------------------------------------------------------------------------------------
// The sources of each shared part's text fields, kept beside the part: the part's JSON stays as it was.

const sources = new WeakMap<object, Readonly<Record<string, Text>>>();

/** Records where `part`'s text fields come from, and gives the part back (for use inside `make`). */
export function withTexts<T extends object>(part: T, texts: { readonly [K in keyof T]?: Text }): T {
  sources.set(part, texts as Record<string, Text>);
  return part;
}

/** Where a part's text fields come from; undefined for a part with no words of its own. */
export const textsOf = (part: object): Readonly<Record<string, Text>> | undefined => sources.get(part);

// ---------------------------------------------------------------------------------------------------------------
// Rendering.

const english = wordsFor('en', 'service');
const welsh = wordsFor('cy', 'service');

/** A text in English: the pack's and the catalogue's as they give it, the service's from its catalogue. */
export function inEnglish(text: Text): string {
  if (typeof text === 'string') return text;
  if (text.kind !== 'message') return text.english;
  const values: Record<string, string> = {};
  for (const name of Object.keys(text.values)) values[name] = inEnglish(text.values[name]!);
  return english(text.key, values);
}

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

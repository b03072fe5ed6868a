// Where each text in a decision comes from, so it can be put into either language: the service's own words
// (a catalogue key and its values), a pack's text (a field of a row's `then`, or of the pack), or a catalogue
// label. Decide keeps the source beside each shared part it makes; the part itself holds the English rendering,
// so the English answer is what it always was, and the Welsh one is rendered from the same sources.
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

/** A text in English: the pack's and the catalogue's as they give it, the service's from its catalogue. */
export function inEnglish(text: Text): string {
  if (typeof text === 'string') return text;
  if (text.kind !== 'message') return text.english;
  const values: Record<string, string> = {};
  for (const name of Object.keys(text.values)) values[name] = inEnglish(text.values[name]!);
  return english(text.key, values);
}

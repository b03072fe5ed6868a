// What a decision table's row decides, in Welsh. English says it in sentences ("covered; funded by the council"),
// built from clause grammar that does not carry over: Welsh mutates nouns after most of its joining words. So a
// Welsh row says it as heading and value, the way the workbook lays it out, and a name the row has no Welsh for
// (a team, a fitter) is kept apart and marked English. Its conditions are told in decisionTables.ts, by the form's
// own question and its answers in an identification sentence (mai ‘…’ yw’r ateb i “…”) that takes any answer
// unchanged; "Os mai …" (if) rather than "pan" (when): the usual way to put a condition on such a sentence.
import type { TableId } from '../rules/compiledPack';
import { isVocabulary, poundsText, valueLabel } from './labels';
import { countText, pageWords } from './pageLanguage';
import type { PackWords } from './packWords';

const t = pageWords('cy');

/** A piece of a row's words: the page's Welsh, or (`lang` "en") a name still in the pack's English. */
export interface DecidesPart {
  text: string;
  lang: 'en' | null;
}

/** A name the pack gives (a team, a fitter) as the page shows it: `field` is its key in the row's `cy`. */
export type NameWords = (field: string, english: string) => PackWords;

/** The pack's English for a name, marked as English: where the row carries no Welsh for it. */
const englishName: NameWords = (_field, english) => ({ text: english, lang: 'en', unreviewed: false });

const ours = (text: string): DecidesPart[] => [{ text, lang: null }];

/** An output's value: "Ie", "Rhentu preifat", "£1,500", "o fewn 24 awr"; a team's name in the row's Welsh, if any. */
function outputValue(
  key: string,
  value: unknown,
  then: Record<string, unknown>,
  label: (id: string) => string,
  name: NameWords,
): DecidesPart[] {
  if (value === null || value === undefined) return ours(t('common.none'));
  if (value === true) return ours(t('common.yes'));
  if (value === false) return ours(t('common.no'));
  if (key === 'councilContributionCapGBP' && typeof value === 'number') return ours(poundsText(value, 'cy')!);
  if (Array.isArray(value))
    return joinParts(
      value.map((v) => outputValue(key, v, then, label, name)),
      ', ',
    );
  if (typeof value === 'object') {
    const { to, name: named } = value as { to?: string; name?: string | null };
    return joinParts(
      [to ? ours(valueLabel(to, 'cy')) : null, named ? [namePart(name(`${key}.name`, named))] : null].filter(
        (parts): parts is DecidesPart[] => parts !== null,
      ),
      ': ',
    );
  }
  if (typeof value === 'number') return ours(countText(value, 'cy'));
  if (key === 'name') return [namePart(name('name', String(value)))];
  return ours(isVocabulary(String(value)) ? label(String(value)) : String(value));
}

const namePart = (words: PackWords): DecidesPart => ({ text: words.text, lang: words.lang });

/** Pieces joined with a separator in the page's words, neighbours in the same language run together. */
function joinParts(groups: DecidesPart[][], separator: string): DecidesPart[] {
  const parts: DecidesPart[] = [];
  const push = (part: DecidesPart) => {
    const last = parts[parts.length - 1];
    if (last && last.lang === part.lang) last.text += part.text;
    else parts.push({ ...part });
  };
  groups.forEach((group, i) => {
    if (i > 0) push({ text: separator, lang: null });
    group.forEach(push);
  });
  return parts;
}

/** What a row decides, as heading and value, in pieces: a name the row has no Welsh for is marked English. */
export function welshDecidesParts(
  id: TableId,
  then: Record<string, unknown>,
  label: (id: string) => string,
  skip: (key: string) => boolean,
  name: NameWords = englishName,
): DecidesPart[] {
  const said = Object.entries(then)
    // An output left empty says nothing, as in English; an empty cap is said: there is no cap.
    .filter(([key, value]) => !skip(key) && (value !== null || key === 'councilContributionCapGBP'))
    .map(([key, value]) =>
      joinParts(
        [ours(`${t(`heading.${key}`, { defaultValue: key })}: `), outputValue(key, value, then, label, name)],
        '',
      ),
    );
  if (said.length === 0 && id === 'response') return ours(t('rowWords.noTarget'));
  return joinParts(said, '; ');
}

// What several pages need from the live rules: the authorities (by name) and the measure catalogue's labels.
import type { AuthoritySummary } from '../../contract/apiTypes';
import { currentPack, type RuleStore } from '../../rules/loadRules';
import { hasWords, wordsFor, type Language } from '../../messages/messages';
import { authoritySummary } from '../../services/authoritySummary';
import { councilName, type PackWords } from '../packWords';

/** An authority as the pages list it: its summary, and its name as the page's language shows it. */
export type ListedAuthority = AuthoritySummary & { shownName: PackWords };

/** The authorities, in the order of their English names (so both languages list them alike). */
export function authoritiesByName(
  store: RuleStore,
  today: string,
  language: Language = 'en',
): ListedAuthority[] {
  return [...store.packs.keys()]
    .map((id) => {
      const compiled = currentPack(store, id, today)!;
      return { ...authoritySummary(compiled), shownName: councilName(compiled.pack, language) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A measure's label from the catalogue; in Welsh, the service catalogue's `measure.<id>` where it has one, else
 * the English label (the measure catalogue's Welsh comes with the service words).
 */
export const measureLabeller =
  (store: RuleStore, language: Language = 'en') =>
  (id: string): string => {
    const key = `measure.${id}`;
    if (language === 'cy' && hasWords('cy', 'service', key)) return wordsFor('cy', 'service')(key);
    return store.measureById.get(id)?.label ?? id;
  };

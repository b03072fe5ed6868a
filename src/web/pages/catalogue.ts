// What several pages need from the live rules: the authorities (by name) and the measure catalogue's labels.
import type { AuthoritySummary } from '../../contract/apiTypes';
import { currentPack, type RuleStore } from '../../rules/loadRules';
import { authoritySummary } from '../../services/authoritySummary';

export function authoritiesByName(store: RuleStore, today: string): AuthoritySummary[] {
  return [...store.packs.keys()]
    .map((id) => authoritySummary(currentPack(store, id, today)!))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const measureLabeller = (store: RuleStore) => (id: string) => store.measureById.get(id)?.label ?? id;

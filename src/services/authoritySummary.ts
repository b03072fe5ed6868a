// Who an authority is and which rule set it runs, in the API's words: for the API's list and the staff pages.
import type { AuthoritySummary } from '../contract/apiTypes';
import type { CompiledPack } from '../rules/compiledPack';

export function authoritySummary({ pack, ruleSet }: CompiledPack): AuthoritySummary {
  return {
    id: pack.authorityId,
    name: pack.name,
    nation: pack.nation,
    scheme: { name: pack.scheme.name, operated: pack.scheme.operated, runBy: pack.scheme.runBy },
    ruleSet,
  };
}

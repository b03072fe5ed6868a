// Who an authority is and which rule set it runs, in the API's words: for the API's list and the staff pages.
import type { AuthoritySummary } from '../contract/apiTypes';
import type { WelshAnswer } from './decisionInLanguage';
import { packText } from '../decide/wording';
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

/** The same in Welsh where the pack has it: `at` is where the summary sits in the answer. */
export function welshAuthoritySummary(
  compiled: CompiledPack,
  words: WelshAnswer,
  at: readonly (string | number)[] = [],
): AuthoritySummary {
  const summary = authoritySummary(compiled);
  const { name, scheme } = compiled.pack;
  return {
    ...summary,
    name: words.text(packText(null, 'name', name), [...at, 'name']),
    scheme: {
      ...summary.scheme,
      name: words.text(packText(null, 'scheme.name', scheme.name), [...at, 'scheme', 'name']),
      runBy: words.text(packText(null, 'scheme.runBy', scheme.runBy), [...at, 'scheme', 'runBy']),
    },
  };
}

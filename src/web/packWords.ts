// A pack's own words on a page: on a Welsh page, the council's Welsh where the pack has it (and it says
// something other than the English), marked unreviewed until the council has reviewed it; else the English,
// marked as English (`lang="en"`). English pages get the English, unmarked.
import type { RulePack } from '../generated/pack';
import type { Language } from '../messages/messages';
import { packWelsh as packWelshBlock, welshTextOf, type WelshTextsOf } from '../rules/welshTexts';

export interface PackWords {
  text: string;
  /** "en" where a Welsh page shows the pack's English. */
  lang: 'en' | null;
  /** True where a Welsh page shows Welsh the council has not yet reviewed. */
  unreviewed: boolean;
}

export function packWords(english: string, welsh: unknown, reviewed: unknown, language: Language): PackWords {
  if (language === 'en') return { text: english, lang: null, unreviewed: false };
  if (typeof welsh === 'string' && welsh !== '' && welsh !== english)
    return { text: welsh, lang: null, unreviewed: reviewed !== true };
  return { text: english, lang: 'en', unreviewed: false };
}

/** A pack's `cy` (its name, scheme and description in Welsh), or an empty one. */
export const packWelsh = (pack: RulePack): Partial<WelshTextsOf> => packWelshBlock(pack) ?? {};

/** The council's name in a language: its Welsh name on a Welsh page where the pack has one. */
export function councilName(pack: RulePack, language: Language): PackWords {
  const welsh = welshTextOf(packWelshBlock(pack), 'name');
  // A council's name is its own: the pages show it without an unreviewed tag, as the council's page heading does.
  return { ...packWords(pack.name, welsh?.text, true, language), unreviewed: false };
}

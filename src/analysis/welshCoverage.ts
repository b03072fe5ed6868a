// How much of a pack's English text has Welsh beside it, and how much of that the council has reviewed: what
// `sanctuary-rules check --language cy` reports. Welsh councils must offer their service in Welsh; a text still
// without Welsh is a note, never a warning, so that the check stays clean while translation goes on.
import type { RulePack } from '../generated/pack';
import type { RowOf, TableId } from '../rules/compiledPack';
import { tableIds } from '../rules/compilePack';
import {
  packTextFields,
  packWelsh,
  rowTextFields,
  rowWelsh,
  welshTextOf,
  type WelshTextsOf,
} from '../rules/welshTexts';

export interface WelshCoverage {
  authorityId: string;
  version: string;
  nation: RulePack['nation'];
  /** English texts that may have Welsh: the pack's name, scheme and description, and each row's texts. */
  texts: number;
  /** Of those, how many have Welsh. */
  inWelsh: number;
  /** Of those with Welsh, how many the council has reviewed. */
  reviewed: number;
}

/** Counts one `cy` against the texts it may translate. */
function count(cy: WelshTextsOf | undefined, texts: readonly string[]) {
  const inWelsh = texts.filter((field) => welshTextOf(cy, field) !== undefined).length;
  return { texts: texts.length, inWelsh, reviewed: cy?.reviewed === true ? inWelsh : 0 };
}

export function welshCoverage(pack: RulePack): WelshCoverage {
  const total = count(packWelsh(pack), packTextFields(pack));
  for (const table of tableIds) {
    for (const row of (pack.tables[table]?.rows ?? []) as RowOf<TableId>[]) {
      const one = count(rowWelsh(row), rowTextFields(table, row.then));
      total.texts += one.texts;
      total.inWelsh += one.inWelsh;
      total.reviewed += one.reviewed;
    }
  }
  return { authorityId: pack.authorityId, version: pack.version, nation: pack.nation, ...total };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One line per pack (`conwy  14 of 14 texts in Welsh, 0 reviewed`), the version named only where an authority
 * has more than one, a note on a Welsh council's texts still without Welsh, and a total line.
 */
export function formatWelshCoverage(coverages: readonly WelshCoverage[]): string {
  const versions = new Map<string, number>();
  for (const c of coverages) versions.set(c.authorityId, (versions.get(c.authorityId) ?? 0) + 1);
  const name = (c: WelshCoverage) =>
    (versions.get(c.authorityId) ?? 0) > 1 ? `${c.authorityId} ${c.version}` : c.authorityId;
  const width = Math.max(0, ...coverages.map((c) => name(c).length));
  const lines = coverages.map((c) => {
    const lacking =
      c.nation === 'wales' && c.inWelsh < c.texts ? `; ${c.texts - c.inWelsh} still without Welsh` : '';
    return `${name(c).padEnd(width)}  ${c.inWelsh} of ${plural(c.texts, 'text')} in Welsh, ${c.reviewed} reviewed${lacking}`;
  });
  const sum = (pick: (c: WelshCoverage) => number, of = coverages) => of.reduce((n, c) => n + pick(c), 0);
  const welsh = coverages.filter((c) => c.nation === 'wales');
  const lacking = sum((c) => c.texts - c.inWelsh, welsh);
  lines.push(
    `Total: ${sum((c) => c.inWelsh)} of ${plural(
      sum((c) => c.texts),
      'text',
    )} in Welsh, ` +
      `${sum((c) => c.reviewed)} reviewed; Welsh councils' packs (${welsh.length}): ` +
      `${plural(lacking, 'text')} still without Welsh`,
  );
  return lines.join('\n');
}

// The schemes page's rows, drawn from the coverage matrix: for each authority, the tenures its tenure table
// covers, the risk levels at which its scheme helps the same standard household, what the victim pays and how
// fast it responds.
import type { RiskLevel } from '../contract/apiTypes';
import { responseText, type CoverageMatrix, type CoverageMatrixRow } from '../reports/coverageMatrix';
import { riskLevels, tenures, type Tenure } from '../reports/standardCase';
import type { Language } from '../messages/messages';
import { valueLabel } from './labels';
import { pageWords } from './pageLanguage';
import { packWords, type PackWords } from './packWords';
import type { ListedAuthority } from './pages/catalogue';

/** A response label's Welsh in an authority's pack, and whether it is reviewed, where the pack has it. */
export type ResponseWelsh = (
  authorityId: string,
  label: string,
) => { text: string; reviewed: boolean } | undefined;

export interface SchemeRow {
  authority: ListedAuthority;
  /** Tenures the tenure table covers, or does not limit (never decided by the referral route). */
  tenuresCovered: Tenure[];
  /** Tenures whose cases go to the landlord's own scheme instead. */
  tenuresReferred: Tenure[];
  /** Tenures the document's list leaves out without excluding them. */
  tenuresOpen: Tenure[];
  /** Tenures the document excludes. */
  tenuresNotCovered: Tenure[];
  riskLevelsAccepted: RiskLevel[];
  victimContribution: string;
  response: string;
  /** The same, each target on its own: a pack's own label in its Welsh where it has it, else marked English. */
  responses: PackWords[];
}

export interface SchemeFilter {
  nation?: string;
  tenure?: string;
}

const helps = (row: CoverageMatrixRow) => row.outcome === 'eligible' || row.outcome === 'refer-to-landlord';

const distinct = (values: string[]) => [...new Set(values)];

/**
 * The response target: hours in the page's language; a pack's own label is the policy's words, in the council's
 * Welsh on a Welsh page where the pack has it, else as written (and marked English).
 */
const responseWords = (row: CoverageMatrixRow, language: Language, welshOf?: ResponseWelsh): PackWords => {
  const t = pageWords(language);
  const ours = (text: string): PackWords => ({ text, lang: null, unreviewed: false });
  if (row.responseWithinHours !== null) return ours(t('time.hours', { count: row.responseWithinHours }));
  const text = responseText(row);
  if (text === 'unspecified') return ours(t('common.notSpecified'));
  const welsh = language === 'cy' ? welshOf?.(row.authorityId, text) : undefined;
  return packWords(text, welsh?.text, welsh?.reviewed, language);
};

/** The distinct targets, by what they say. */
const distinctWords = (words: PackWords[]) =>
  words.filter((w, i) => words.findIndex((v) => v.text === w.text) === i);

export function schemeRows(
  authorities: readonly ListedAuthority[],
  matrix: CoverageMatrix,
  language: Language = 'en',
  welshOf?: ResponseWelsh,
): SchemeRow[] {
  const t = pageWords(language);
  return authorities.map((authority) => {
    const rows = matrix.rows.filter((row) => row.authorityId === authority.id);
    const operated = authority.scheme.operated;
    const standing = (tenure: Tenure) => rows.find((r) => r.tenure === tenure)?.tenureCoverage;
    const where = (...standings: string[]) =>
      operated ? tenures.filter((t) => standings.includes(standing(t) ?? '')) : [];
    const responses = operated
      ? distinctWords(rows.map((row) => responseWords(row, language, welshOf)))
      : [{ text: t('common.noScheme'), lang: null, unreviewed: false }];
    return {
      authority,
      tenuresCovered: where('covered', 'not-stated'),
      tenuresReferred: where('through-landlord'),
      tenuresOpen: where('open'),
      tenuresNotCovered: where('not-covered'),
      riskLevelsAccepted: riskLevels.filter((level) => rows.some((r) => r.riskLevel === level && helps(r))),
      victimContribution: operated
        ? distinct(
            rows.map((r) =>
              r.victimContribution === 'none'
                ? t('schemes.nothingToPay')
                : valueLabel(
                    r.victimContribution === 'unknown' ? 'unspecified' : r.victimContribution,
                    language,
                  ),
            ),
          ).join('; ')
        : t('common.noScheme'),
      response: responses.map((r) => r.text).join('; '),
      responses,
    };
  });
}

/** The rows for a nation and a tenure the scheme helps with (covered or through the landlord); blank filters pass all. */
export function filterSchemes<R extends SchemeRow>(rows: readonly R[], filter: SchemeFilter): R[] {
  return rows.filter(
    (row) =>
      (!filter.nation || row.authority.nation === filter.nation) &&
      (!filter.tenure || [...row.tenuresCovered, ...row.tenuresReferred].includes(filter.tenure as Tenure)),
  );
}

// The schemes page's rows, drawn from the coverage matrix: for each authority, the tenures its tenure table
// covers, the risk levels at which its scheme helps the same standard household, what the victim pays and how
// fast it responds.
import type { AuthoritySummary, RiskLevel } from '../contract/apiTypes';
import { responseText, type CoverageMatrix, type CoverageMatrixRow } from '../reports/coverageMatrix';
import { riskLevels, tenures, type Tenure } from '../reports/standardCase';
import type { Language } from '../messages/messages';
import { valueLabel } from './labels';
import { pageWords } from './pageLanguage';

export interface SchemeRow {
  authority: AuthoritySummary;
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
}

export interface SchemeFilter {
  nation?: string;
  tenure?: string;
}

const helps = (row: CoverageMatrixRow) => row.outcome === 'eligible' || row.outcome === 'refer-to-landlord';

const distinct = (values: string[]) => [...new Set(values)];

/** The response target: hours in the page's language; a pack's own label is the policy's words, as written. */
const responseWords = (row: CoverageMatrixRow, language: Language) => {
  const t = pageWords(language);
  if (row.responseWithinHours !== null) return t('time.hours', { count: row.responseWithinHours });
  const text = responseText(row);
  return text === 'unspecified' ? t('common.notSpecified') : text;
};

export function schemeRows(
  authorities: readonly AuthoritySummary[],
  matrix: CoverageMatrix,
  language: Language = 'en',
): SchemeRow[] {
  const t = pageWords(language);
  return authorities.map((authority) => {
    const rows = matrix.rows.filter((row) => row.authorityId === authority.id);
    const operated = authority.scheme.operated;
    const standing = (tenure: Tenure) => rows.find((r) => r.tenure === tenure)?.tenureCoverage;
    const where = (...standings: string[]) =>
      operated ? tenures.filter((t) => standings.includes(standing(t) ?? '')) : [];
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
      response: operated
        ? distinct(rows.map((row) => responseWords(row, language))).join('; ')
        : t('common.noScheme'),
    };
  });
}

/** The rows for a nation and a tenure the scheme helps with (covered or through the landlord); blank filters pass all. */
export function filterSchemes(rows: readonly SchemeRow[], filter: SchemeFilter): SchemeRow[] {
  return rows.filter(
    (row) =>
      (!filter.nation || row.authority.nation === filter.nation) &&
      (!filter.tenure || [...row.tenuresCovered, ...row.tenuresReferred].includes(filter.tenure as Tenure)),
  );
}

// The schemes page's rows, drawn from the coverage matrix: for each authority, which tenures and risk levels its
// scheme helps for the same standard household, what the victim pays and how fast it responds.
import type { AuthoritySummary, RiskLevel } from '../contract/apiTypes';
import { responseText, type CoverageMatrix, type CoverageMatrixRow } from '../reports/coverageMatrix';
import { riskLevels, tenures, type Tenure } from '../reports/standardCase';
import { valueLabel } from './labels';

export interface SchemeRow {
  authority: AuthoritySummary;
  /** Tenures the standard case is eligible for (at some risk level). */
  tenuresCovered: Tenure[];
  /** Tenures whose cases go to the landlord's own scheme instead. */
  tenuresReferred: Tenure[];
  /** Tenures where the policy leaves the standard case open (outcome unknown at every risk level). */
  tenuresUnstated: Tenure[];
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

const responseWords = (row: CoverageMatrixRow) => {
  const text = responseText(row);
  return text === 'unspecified' ? 'Not specified' : text;
};

export function schemeRows(authorities: readonly AuthoritySummary[], matrix: CoverageMatrix): SchemeRow[] {
  return authorities.map((authority) => {
    const rows = matrix.rows.filter((row) => row.authorityId === authority.id);
    const where = (outcome: string) =>
      tenures.filter((t) => rows.some((r) => r.tenure === t && r.outcome === outcome));
    const operated = authority.scheme.operated;
    return {
      authority,
      tenuresCovered: where('eligible'),
      tenuresReferred: where('refer-to-landlord').filter((t) => !where('eligible').includes(t)),
      tenuresUnstated: where('unknown').filter(
        (t) => !where('eligible').includes(t) && !where('refer-to-landlord').includes(t),
      ),
      riskLevelsAccepted: riskLevels.filter((level) => rows.some((r) => r.riskLevel === level && helps(r))),
      victimContribution: operated
        ? distinct(
            rows.map((r) =>
              valueLabel(r.victimContribution === 'unknown' ? 'unspecified' : r.victimContribution),
            ),
          ).join('; ')
        : 'No scheme',
      response: operated ? distinct(rows.map(responseWords)).join('; ') : 'No scheme',
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

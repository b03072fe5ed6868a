// The one household every cell of the coverage matrix is decided for. It meets every criterion any pack
// asks of a household, so that two cells differ only because of the authority, the tenure or the risk level.
import type { Case, RiskLevel } from '../contract/apiTypes';
import { componentSchema } from '../contract/openapi';
import type { components } from '../generated/openapi';

export type Tenure = components['schemas']['Tenure'];
export type BaseCase = components['schemas']['CoverageMatrixBaseCase'];

export const tenures = componentSchema('Tenure').enum as readonly Tenure[];
export const riskLevels = componentSchema('RiskLevel').enum as readonly RiskLevel[];

/** What a risk level means in practice: a DASH score in its national band, and MARAC only when high. */
const atRiskLevel = (riskLevel: RiskLevel, dashYesCount: number): Case => {
  const marac = riskLevel === 'high';
  return {
    // Some schemes take only MARAC referrals; that is a real difference between high and lower risk.
    referral: { source: marac ? 'marac' : 'police' },
    harm: { riskLevel, dashYesCount, maracCase: marac },
  };
};

export const baseCase: BaseCase = {
  description:
    'A victim of domestic abuse who lives in the area, wishes and intends to stay, agrees to the works and would ' +
    'otherwise be threatened with homelessness, is receiving support and will work with housing options; the ' +
    'perpetrator does not live at or have a right to occupy the house; the victim has the right to occupy, on a ' +
    'sole tenancy or ownership, the landlord (if any) has agreed and runs no scheme of its own, and the assessment ' +
    'says it is safe to stay with the measures. Referred by the police at standard and medium risk, and by MARAC ' +
    'at high risk; the DASH score is the lowest of the national band for the risk level. No works cost is given, ' +
    "so the funding columns show the scheme's terms, not a sum.",
  common: {
    harm: { type: 'domestic-abuse', arsonThreat: false, immediateRisk: false },
    household: {
      livesInArea: true,
      wishesToRemain: true,
      intendsToRemain: true,
      agreesToWorks: true,
      threatenedWithHomelessness: true,
      receivingSupport: true,
      agreesToWorkWithHousingOptions: true,
    },
    perpetrator: { livesAtProperty: false, hasRightToOccupy: false },
    property: {
      jointTenancy: false,
      rightToOccupy: true,
      landlordPermission: 'granted',
      landlordHasOwnScheme: false,
      type: 'house',
    },
    assessment: { safeToRemainWithMeasures: true },
  },
  byRiskLevel: {
    standard: atRiskLevel('standard', 0),
    medium: atRiskLevel('medium', 10),
    high: atRiskLevel('high', 14),
  },
};

type Section = Record<string, unknown>;

/** Merges cases section by section (a Case is two levels deep), later facts winning. */
function mergeCases(...cases: Case[]): Case {
  const merged: Record<string, Section> = {};
  for (const part of cases) {
    for (const [section, facts] of Object.entries(part)) {
      merged[section] = { ...merged[section], ...(facts as Section) };
    }
  }
  return merged as Case;
}

/** The case for one cell of the matrix. */
export function caseFor(tenure: Tenure, riskLevel: RiskLevel, base: BaseCase = baseCase): Case {
  return mergeCases(base.common, base.byRiskLevel[riskLevel], { property: { tenure } });
}

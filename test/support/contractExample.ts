// The example Case from the v1 contract, word for word.
import type { Case } from '../../src/contract/apiTypes';

export const contractExampleCase: Case = {
  asOf: '2026-11-22',
  referral: { source: 'police' },
  harm: {
    type: 'domestic-abuse',
    riskLevel: 'high',
    dashYesCount: 15,
    maracCase: true,
    arsonThreat: false,
    immediateRisk: false,
  },
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
    tenure: 'private-rented',
    jointTenancy: false,
    rightToOccupy: true,
    landlordPermission: 'pending',
    landlordHasOwnScheme: false,
    type: 'house',
  },
  assessment: {
    safeToRemainWithMeasures: true,
    recommendedMeasures: ['door-chain', 'security-lighting'],
    worksCostGBP: 450,
  },
};

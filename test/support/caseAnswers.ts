/// <reference lib="dom" />
// Answers to the check-a-case form, and how a person gives them: by choosing options and typing, as on screen.
import type { Page } from 'playwright-core';

/** By field name. Form-only reveal questions come first, so the questions they reveal are on show. */
export type Answers = Record<string, string | string[]>;

export const eligibleAtDartford: Answers = {
  measuresRecommended: 'yes',
  'referral.source': 'police',
  'harm.type': 'domestic-abuse',
  'harm.riskLevel': 'high',
  'household.livesInArea': 'true',
  'household.wishesToRemain': 'true',
  'household.intendsToRemain': 'true',
  'household.agreesToWorks': 'true',
  'household.threatenedWithHomelessness': 'true',
  'perpetrator.livesAtProperty': 'false',
  'property.tenure': 'owner-occupier',
  'property.rightToOccupy': 'true',
  'property.jointTenancy': 'false',
  'assessment.safeToRemainWithMeasures': 'true',
  'assessment.recommendedMeasures': ['door-chain', 'cctv'],
};

/** A private tenant whose landlord has said no: the scheme needs the landlord to agree. */
export const ineligibleAtDartford: Answers = {
  ...eligibleAtDartford,
  'property.tenure': 'private-rented',
  'property.landlordPermission': 'refused',
};

export async function answer(page: Page, authorityId: string | null, answers: Answers): Promise<void> {
  if (authorityId) await page.selectOption('#authority', authorityId);
  for (const [name, value] of Object.entries(answers)) {
    const field = page.locator(`[name="${name}"]`).first();
    const kind = await field.evaluate((el) =>
      el.tagName === 'SELECT' ? 'select' : (el as HTMLInputElement).type,
    );
    if (kind === 'select') await page.selectOption(`select[name="${name}"]`, value as string);
    else if (kind === 'radio' || kind === 'checkbox') {
      for (const v of Array.isArray(value) ? value : [value])
        await page.check(`input[name="${name}"][value="${v}"]`);
    } else await field.fill(value as string);
  }
}

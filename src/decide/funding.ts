// Who pays: the funder from tenure coverage, the victim's contribution, and the council's share of works
// where the authority caps it.
import type { Decision } from '../contract/apiTypes';
import type { CompiledRow } from '../rules/compiledPack';

export type Funding = Decision['funding'];

const pence = (gbp: number) => Math.round(gbp * 100) / 100;

export function computeFunding(
  tenure: CompiledRow<'tenureCoverage'> | null,
  contribution: CompiledRow<'contributions'> | null,
  worksCostGBP: number | undefined,
): Funding {
  const cap = contribution?.then.councilContributionCapGBP ?? null;
  const withCost = cap !== null && worksCostGBP !== undefined;
  return {
    funder: tenure?.then.funder ?? 'unknown',
    victimContribution: contribution?.then.victimContribution ?? 'unknown',
    councilContributionCapGBP: cap,
    councilContributionGBP: withCost ? pence(Math.min(worksCostGBP, cap)) : null,
    shortfallGBP: withCost ? pence(Math.max(0, worksCostGBP - cap)) : null,
  };
}

/** Whether the works cost more than the cap: unknown (undefined) without both. */
export function worksCostAboveCap(
  contribution: CompiledRow<'contributions'> | null,
  worksCostGBP: number | undefined,
): boolean | undefined {
  const cap = contribution?.then.councilContributionCapGBP;
  return cap === null || cap === undefined || worksCostGBP === undefined ? undefined : worksCostGBP > cap;
}

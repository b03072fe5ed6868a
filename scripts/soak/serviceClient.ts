// Plain fetch calls beside the load (never through autocannon): the live rules, and one decision to see which
// version of a pack answers it.
import type { Decision, RulesStatus } from '../../src/contract/apiTypes';
import { contractExampleCase } from '../../test/support/contractExample';

export type LivePack = RulesStatus['packs'][number];
export type RejectedPack = RulesStatus['rejected'][number];

export async function rulesStatus(url: string): Promise<RulesStatus> {
  const response = await fetch(`${url}/v1/rules/status`);
  if (response.status !== 200) throw new Error(`GET /v1/rules/status answered ${response.status}`);
  return (await response.json()) as RulesStatus;
}

export const livePack = (status: RulesStatus, authorityId: string): LivePack | undefined =>
  status.packs.find((p) => p.authorityId === authorityId);

export const rejection = (status: RulesStatus, file: string): RejectedPack | undefined =>
  status.rejected.find((r) => r.file === file);

export interface DecisionSeen {
  readonly status: number;
  /** The rule-set version that decided it, when the answer was a decision. */
  readonly version: string | null;
}

/** The contract's example case, decided by one authority. */
export async function decisionFrom(url: string, authorityId: string): Promise<DecisionSeen> {
  const response = await fetch(`${url}/v1/authorities/${encodeURIComponent(authorityId)}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(contractExampleCase),
  });
  const body = (await response.json()) as Partial<Decision>;
  return { status: response.status, version: body.ruleSet?.version ?? null };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls the rules status until `done` holds, or gives up after `timeoutMs`. Returns the last status seen and how
 * long it took, so that a check can say both what it saw and when.
 */
export async function waitForStatus(
  url: string,
  done: (status: RulesStatus) => boolean,
  since: number,
  timeoutMs = 10_000,
): Promise<{ status: RulesStatus; met: boolean; afterMs: number }> {
  for (;;) {
    const status = await rulesStatus(url);
    const afterMs = performance.now() - since;
    if (done(status)) return { status, met: true, afterMs };
    if (afterMs > timeoutMs) return { status, met: false, afterMs };
    await sleep(50);
  }
}

// What the soak sends: single decisions for every authority (the contract's example case for each, and every
// case from the scenario suites), with a 50-case batch every so often. Each connection cycles through the
// same list, so every authority is asked again and again during the run, including the ones being edited.
import type { Case } from '../../src/contract/apiTypes';
import { readSuite, suiteFilesIn } from '../../src/scenarios/suiteFile';
import { contractExampleCase } from '../../test/support/contractExample';
import { scenariosDir } from './paths';

export interface CaseFor {
  readonly authorityId: string;
  readonly case: Case;
}

export interface MixRequest {
  readonly kind: 'single' | 'batch';
  readonly path: string;
  readonly body: string;
}

export const mixSettings = { batchEvery: 40, batchSize: 50 };

/** Every case the scenario suites hold, with the authority each is for. */
export function scenarioCases(): CaseFor[] {
  return suiteFilesIn(scenariosDir).flatMap((file) => {
    const suite = readSuite(file);
    return suite.scenarios.map((scenario) => ({ authorityId: suite.authority, case: scenario.case }));
  });
}

/** The contract's example case, asked of each authority. */
export const exampleCases = (authorityIds: readonly string[]): CaseFor[] =>
  authorityIds.map((authorityId) => ({ authorityId, case: contractExampleCase }));

const single = ({ authorityId, case: facts }: CaseFor): MixRequest => ({
  kind: 'single',
  path: `/v1/authorities/${encodeURIComponent(authorityId)}/decisions`,
  body: JSON.stringify(facts),
});

const batch = (cases: readonly CaseFor[]): MixRequest => ({
  kind: 'batch',
  path: '/v1/decisions/batch',
  body: JSON.stringify({ cases }),
});

/**
 * The cases as single requests, in an order that spreads each authority through the list (a fixed stride,
 * so runs are comparable), with a batch of the next `batchSize` cases after every `batchEvery` singles.
 */
export function loadMix(cases: readonly CaseFor[], settings = mixSettings): MixRequest[] {
  if (cases.length === 0) throw new Error('no cases to send');
  const stride = strideFor(cases.length);
  const ordered = cases.map((_, i) => cases[(i * stride) % cases.length]!);
  const mix: MixRequest[] = [];
  let next = 0;
  ordered.forEach((item, i) => {
    mix.push(single(item));
    if ((i + 1) % settings.batchEvery === 0) {
      const items = Array.from(
        { length: settings.batchSize },
        (_, k) => ordered[(next + k) % ordered.length]!,
      );
      next = (next + settings.batchSize) % ordered.length;
      mix.push(batch(items));
    }
  });
  return mix;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** A step coprime with `length`, near a third of it, so that stepping by it visits every case once. */
function strideFor(length: number): number {
  let stride = Math.max(1, Math.floor(length / 3) + 1);
  while (gcd(stride, length) !== 1) stride++;
  return stride;
}

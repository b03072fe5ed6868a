// Request bodies the HTTP figures send: the contract's example case, and batches of random cases.
import type { Case } from '../../src/contract/apiTypes';
import { contractExampleCase } from '../../test/support/contractExample';

export const contractExampleBody = JSON.stringify(contractExampleCase);

export function batchBody(items: readonly { authorityId: string; case: Case }[]): string {
  return JSON.stringify({ cases: items });
}

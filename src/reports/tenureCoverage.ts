// What a council's tenure table says of one tenure, read from that table alone: whether a home is covered
// must not depend on the referral route or any other criterion of the standard case.
import type { Case } from '../contract/apiTypes';
import { evaluateTable } from '../decide/hitPolicy';
import type { components } from '../generated/openapi';
import type { CompiledPack } from '../rules/compiledPack';
import type { Facts } from '../rules/conditions';

export type TenureCoverage = components['schemas']['CoverageMatrixRow']['tenureCoverage'];

/** The tenure row that answers this case, as a standing; a table with no answer leaves the tenure open. */
export function tenureCoverage(compiled: CompiledPack, caseFacts: Case): TenureCoverage {
  if (!compiled.pack.scheme.operated) return 'no-scheme';
  const result = evaluateTable(compiled.tables.tenureCoverage, { ...(caseFacts as Facts), resolved: {} }, []);
  const row = result.unknown.length ? null : result.hits[0];
  if (!row) return 'open';
  const { covered, referToLandlord } = row.then;
  if (covered === false) return 'not-covered';
  if (covered === 'open') return 'open';
  if (referToLandlord) return 'through-landlord';
  return covered === true ? 'covered' : 'not-stated';
}

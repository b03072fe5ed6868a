// The tables that can make a case ineligible: eligibility criteria, referral routes and tenure coverage.
import type { Case, TraceEntry } from '../contract/apiTypes';
import type { CompiledRow, CompiledTable } from '../rules/compiledPack';
import type { Facts } from '../rules/conditions';
import type { Findings } from './findings';
import { evaluateTable } from './hitPolicy';
import { sharedPart } from './sharedParts';
import { tableTrace, traceEntry } from './traceEntries';
import { message, packText, rowText, type Message, type Text } from './wording';

export function checkEligibility(
  table: CompiledTable<'eligibility'>,
  facts: Facts,
  findings: Findings,
  trace: TraceEntry[],
) {
  const entries = tableTrace(table);
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const applies = row.when.evaluate(facts);
    const require = row.require!;
    const holds = applies === false ? false : require.evaluate(facts);
    trace.push(traceEntry(entries, i, holds));
    if (applies === false) continue;
    const { criterion, failCode, metCode } = row.then;
    const text = rowText(row, 'criterion', criterion);
    if (holds === true) findings.met(row, metCode ?? row.id, text);
    else if (applies === true && holds === false) findings.fail(row, failCode, text);
    else {
      // Unknown either way: the facts that say whether it applies, and those that say whether it holds.
      const missing = [...(applies === 'unknown' ? row.when.missing(facts) : []), ...require.missing(facts)];
      findings.need(row, row.id, text, missing);
    }
  }
}

// What a lookup decides, in the service's words; made once, as they never change.
const referralRouteQuestion = message('question.referral-route');
const tenureQuestion = message('question.tenure');
const landlordRefused = message('reason.landlord-permission-refused');
const landlordAgreed = message('reason.landlord-permission-granted');

/** A `first`/`unique` table's single row, or what it is waiting for; a gap is explained, never silent. */
function lookup<K extends 'referralRoutes' | 'tenureCoverage'>(
  table: CompiledTable<K>,
  facts: Facts,
  findings: Findings,
  trace: TraceEntry[],
  question: Message,
): CompiledRow<K> | null {
  const result = evaluateTable(table, facts, trace);
  if (result.unknown.length) {
    const missing = [...new Set(result.unknown.flatMap((u) => u.missing))];
    findings.need(
      result.unknown[0]!.row,
      `${table.id === 'referralRoutes' ? 'referral-route' : 'tenure'}-needed`,
      message('reason.needed-to-decide', { question }),
      missing,
    );
    return null;
  }
  if (result.noMatch) {
    // The table's title is the pack's words (it has no Welsh of its own yet).
    const title = packText(table.ruleId, 'title', table.title);
    findings.notSpecified(
      sharedPart(table, 'no-row', () => ({
        ruleId: table.ruleId,
        citation: message('citation.no-row', { table: title }),
      })),
      'no-matching-rule',
      message('reason.no-matching-row', { table: title, question }),
    );
  }
  return result.hits[0] ?? null;
}

export function checkReferralRoute(
  table: CompiledTable<'referralRoutes'>,
  facts: Facts,
  findings: Findings,
  trace: TraceEntry[],
) {
  const row = lookup(table, facts, findings, trace, referralRouteQuestion);
  if (!row) return;
  const { accepted, code, text } = row.then;
  settle(findings, row, accepted, code, rowText(row, 'text', text));
}

/** A row's answer under "What a document's silence decides": stated, excluded, open, or not stated. */
function settle(
  findings: Findings,
  row: CompiledRow<'referralRoutes' | 'tenureCoverage'>,
  answer: boolean | 'open' | 'not-stated',
  code: string,
  text: Text,
) {
  if (answer === true) findings.met(row, code, text);
  else if (answer === false) findings.fail(row, code, text);
  else if (answer === 'not-stated') findings.notStated(row, code, text);
  else findings.notSpecified(row, code, text);
}

export interface TenureAnswer {
  row: CompiledRow<'tenureCoverage'> | null;
  needsLandlordPermission: boolean;
}

export function checkTenure(
  table: CompiledTable<'tenureCoverage'>,
  caseFacts: Case,
  facts: Facts,
  findings: Findings,
  trace: TraceEntry[],
): TenureAnswer {
  const row = lookup(table, facts, findings, trace, tenureQuestion);
  if (!row) return { row: null, needsLandlordPermission: false };
  const { covered, code, text, landlordPermission } = row.then;
  settle(findings, row, covered, code, rowText(row, 'text', text));

  const needsLandlordPermission = landlordPermission === 'required';
  const permission = caseFacts.property?.landlordPermission;
  if (needsLandlordPermission && permission === 'refused') {
    findings.fail(row, 'landlord-permission-refused', landlordRefused);
  } else if (needsLandlordPermission && permission === 'granted') {
    findings.met(row, 'landlord-permission-granted', landlordAgreed);
  }
  return { row, needsLandlordPermission };
}

// The impact of a rule change on a real caseload: every case of a changed authority decided with both versions
// (the ones in force on the case's date), and the cases decided differently grouped by what changed, from what
// to what, with their line numbers in the file. The committee's question: "how many of last year's referrals
// would this change have turned away?" Pure: no logging, no files; the cases are never kept.
import type { Case } from '../contract/apiTypes';
import { decide } from '../decide/decide';
import type { CompiledPack } from '../rules/compiledPack';
import { packInForce, type MeasureInfo, type RuleStore } from '../rules/loadRules';
import type { CaseloadCase } from './caseload';
import { counted } from './checkReport';
import type { Side } from './decisionDiff';
import { allFields, describeChange, fieldChanges, fieldOrder, type FieldChange } from './decisionFields';

/** One side of a change: the pack that decides an authority's case on a date, and the measures catalogue. */
export interface CaseloadSide {
  packFor(authority: string, asOf: string): CompiledPack | undefined;
  readonly catalogue: ReadonlyMap<string, MeasureInfo>;
}

/** A rules store as one side: each case decided with the version in force on its date. */
export const storeSide = (store: RuleStore): CaseloadSide => ({
  packFor: (authority, asOf) => packInForce(store, authority, asOf),
  catalogue: store.measureById,
});

/** One pack as one side: it decides every case of its authority, whatever the case's date. */
export const packSide = ({ pack, catalogue }: Side): CaseloadSide => ({
  packFor: (authority) => (authority === pack.pack.authorityId ? pack : undefined),
  catalogue,
});

export interface CaseloadOptions {
  /** The authorities that changed, each with the date for a case that gives none (a PackChange fits). */
  readonly changes: readonly { readonly authority: string; readonly asOf: string }[];
}

/** Cases by their line numbers in the file (so their count is `lines.length`). */
export interface ChangedCases {
  readonly change: FieldChange;
  readonly lines: number[];
}

export interface CasesNotCompared {
  readonly reason: string;
  readonly lines: number[];
}

export interface AuthorityCaseload {
  readonly authority: string;
  /** Cases decided with both versions, and how many of them were decided differently in any field. */
  decided: number;
  changed: number;
  /** By field and change, in report order; one case may change in several fields. */
  groups: ChangedCases[];
  /** Cases that one side has no pack in force for on their date. */
  readonly notDecided: CasesNotCompared[];
}

export interface CaseloadImpact {
  readonly cases: number;
  /** One per changed authority, in the order of the changes. */
  readonly authorities: AuthorityCaseload[];
  /** Cases for an authority that did not change, or with none given when it is not clear which changed. */
  readonly skipped: CasesNotCompared[];
}

const number = (n: number) => n.toLocaleString('en-GB');
const keyOf = (change: FieldChange) => [change.field, change.from, change.to].join('\u0000');

function addLine<T extends { lines: number[] }>(
  groups: Map<string, T>,
  key: string,
  make: () => T,
  line: number,
) {
  const group = groups.get(key) ?? make();
  group.lines.push(line);
  groups.set(key, group);
}

/** The changes in one case's decision, or why one side could not decide it. */
function compareCase(
  caseFacts: Case,
  authority: string,
  asOf: string,
  before: CaseloadSide,
  after: CaseloadSide,
) {
  const old = before.packFor(authority, asOf);
  const now = after.packFor(authority, asOf);
  if (!old || !now) {
    return `no ${authority} pack in force on the case's date ${old ? 'after' : 'before'} the change`;
  }
  const recommended = caseFacts.assessment?.recommendedMeasures;
  const fieldsWith = (side: CaseloadSide, pack: CompiledPack) =>
    allFields(
      decide(caseFacts, pack, { decisionId: 'caseload', asOf, catalogue: side.catalogue }),
      recommended,
    );
  return fieldChanges(fieldsWith(before, old), fieldsWith(after, now));
}

function authorityImpact(
  cases: readonly CaseloadCase[],
  change: CaseloadOptions['changes'][number],
  before: CaseloadSide,
  after: CaseloadSide,
): AuthorityCaseload {
  const groups = new Map<string, ChangedCases>();
  const notDecided = new Map<string, CasesNotCompared>();
  let decided = 0;
  let changed = 0;
  for (const item of cases) {
    const asOf = item.asOf ?? item.case.asOf ?? change.asOf;
    const result = compareCase(item.case, change.authority, asOf, before, after);
    if (typeof result === 'string') {
      addLine(notDecided, result, () => ({ reason: result, lines: [] }), item.line);
      continue;
    }
    decided++;
    if (result.length) changed++;
    for (const fieldChange of result) {
      addLine(groups, keyOf(fieldChange), () => ({ change: fieldChange, lines: [] }), item.line);
    }
  }
  const order = (g: ChangedCases) => fieldOrder.indexOf(g.change.field);
  return {
    authority: change.authority,
    decided,
    changed,
    groups: [...groups.values()].sort((a, b) => order(a) - order(b) || b.lines.length - a.lines.length),
    notDecided: [...notDecided.values()],
  };
}

/** The authority each case is for: its own, or the one changed authority when it names none. */
function authorityOf(item: CaseloadCase, changes: CaseloadOptions['changes']): string | null {
  return item.authorityId ?? (changes.length === 1 ? changes[0]!.authority : null);
}

export function caseloadImpact(
  cases: readonly CaseloadCase[],
  before: CaseloadSide,
  after: CaseloadSide,
  options: CaseloadOptions,
): CaseloadImpact {
  const byAuthority = new Map(options.changes.map((change) => [change.authority, [] as CaseloadCase[]]));
  const skipped = new Map<string, CasesNotCompared>();
  const skip = (reason: string, line: number) =>
    addLine(skipped, reason, () => ({ reason, lines: [] }), line);
  for (const item of cases) {
    const authority = authorityOf(item, options.changes);
    if (authority === null) {
      const changed = options.changes.length;
      skip(
        `with no authority, when ${changed ? `${number(changed)} authorities` : 'no authority'} changed`,
        item.line,
      );
    } else {
      const list = byAuthority.get(authority);
      if (list) list.push(item);
      else skip('for an authority whose rules did not change', item.line);
    }
  }
  return {
    cases: cases.length,
    authorities: options.changes.map((change) =>
      authorityImpact(byAuthority.get(change.authority)!, change, before, after),
    ),
    skipped: [...skipped.values()],
  };
}

/** `line 3`, `lines 3 and 17`, `lines 3, 17, 40 and 28 more`. */
export function linesText(lines: readonly number[], shown = 3): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  // Line numbers without thousands separators, which would read as a list.
  const listed = lines.slice(0, lines.length === shown + 1 ? shown + 1 : shown).map(String);
  const rest = lines.length - listed.length;
  if (rest > 0) return `lines ${listed.join(', ')} and ${number(rest)} more`;
  return `lines ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
}

/** A list field (such as missing facts) changes in many ways, most in a case or two: each field shows its commonest. */
const maxGroupsPerField = 5;

/** One field's changes, the commonest first (as the groups are sorted), then how many others in how many cases. */
function fieldLines(groups: readonly ChangedCases[], field: string): string[] {
  const ofField = groups.filter((g) => g.change.field === field);
  const lines = ofField
    .slice(0, maxGroupsPerField)
    .map(
      ({ change, lines: where }) =>
        `${describeChange(change)}: ${counted(where.length, 'case')} (${linesText(where)})`,
    );
  const rest = ofField.slice(maxGroupsPerField);
  // A case changes at most once in a field, so the cases of the others add up.
  const cases = rest.reduce((n, g) => n + g.lines.length, 0);
  if (rest.length)
    lines.push(`${field}: ${counted(rest.length, 'other change')}, in ${counted(cases, 'case')}`);
  return lines;
}

function authorityLines(result: AuthorityCaseload): string[] {
  const { authority, decided, changed, groups, notDecided } = result;
  const lines = [
    changed
      ? `Of ${counted(decided, 'case')} for ${authority}, ${number(changed)} would be decided differently:`
      : `Of ${counted(decided, 'case')} for ${authority}, none would be decided differently.`,
  ];
  const fields = [...new Set(groups.map((g) => g.change.field))];
  lines.push(...fields.flatMap((field) => fieldLines(groups, field)).map((line) => `  ${line}`));
  if (changed) lines.push(`  ${number(decided - changed)} decided the same.`);
  for (const { reason, lines: where } of notDecided) {
    lines.push(`  Not decided: ${counted(where.length, 'case')}, ${reason} (${linesText(where)}).`);
  }
  return lines;
}

/** The impact for a terminal, in the plain style of the diff report. */
export function formatCaseloadImpact(impact: CaseloadImpact): string {
  // An authority with no cases in the file says nothing (a shared file's change touches every authority).
  const withCases = impact.authorities.filter((a) => a.decided || a.notDecided.length);
  const out = withCases.length
    ? withCases.flatMap(authorityLines)
    : ['No case in the file is for an authority whose rules changed.'];
  for (const { reason, lines } of impact.skipped) {
    out.push(`Not compared: ${counted(lines.length, 'case')} ${reason} (${linesText(lines)}).`);
  }
  return out.join('\n');
}

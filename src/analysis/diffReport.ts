// The diff report, written for a policy officer: per authority, what changed, from what to what, in how
// many cases (with one example case showing only the facts that matter), then the scenarios that changed.
import type { RejectedFile } from '../rules/loadRules';
import { stableJson } from './canonical';
import { counted } from './checkReport';
import { formatValue, type Dimension, type Representative } from './caseSpace';
import type { ChangeGroup, Impact } from './decisionDiff';
import { describeChange, fieldOrder } from './decisionFields';
import { recommendedMeasures } from './decisionSpace';
import type { PackChange } from './packChanges';
import type { SuiteDiff } from './scenarioDiff';

export interface AuthorityDiff {
  readonly change: PackChange;
  readonly impact: Impact | null;
  readonly suites: readonly SuiteDiff[];
}

const number = (n: number) => Math.round(n).toLocaleString('en-GB');
const maxListed = 12;

function percent(part: number, whole: number): string {
  const p = (100 * part) / whole;
  if (p >= 10 || p === 0) return `${Math.round(p)}%`;
  return p >= 0.1 ? `${p.toFixed(1).replace(/\.0$/, '')}%` : '<0.1%';
}

const versionOf = (pack: PackChange['before']) =>
  pack ? `${pack.ruleSet.version} (${pack.file}, sha256 ${pack.ruleSet.sha256.slice(0, 8)})` : 'none';

function heading({ change }: AuthorityDiff): string {
  const { authority, kind, before, after, asOf } = change;
  if (kind === 'removed') return `${authority}: removed; it had ${versionOf(before)}`;
  if (kind === 'added') return `${authority}: added, ${versionOf(after)}, decided as of ${asOf}`;
  return `${authority}: ${versionOf(before)} → ${versionOf(after)}, decided as of ${asOf}`;
}

/** The version after this one: its last number counted up ("2026.2" → "2026.3"), or ".1" added. */
export function nextVersion(version: string): string {
  const match = /^(.*?)(\d+)([^\d]*)$/.exec(version);
  return match ? `${match[1]}${Number(match[2]) + 1}${match[3]}` : `${version}.1`;
}

/**
 * Tables changed under the same version and dates: every decision would name the old version for the new
 * rules, and the audit log could not tell them apart.
 */
export function unversionedChange({ change }: AuthorityDiff): string | null {
  const { before, after } = change;
  if (!before || !after) return null;
  const same =
    before.ruleSet.version === after.ruleSet.version &&
    before.ruleSet.effectiveFrom === after.ruleSet.effectiveFrom;
  if (!same || stableJson(before.pack.tables) === stableJson(after.pack.tables)) return null;
  return (
    `warning: the tables changed but neither "version" (${after.ruleSet.version}) nor "effectiveFrom" did, ` +
    `so decisions would name the old version for the new rules: set "version": "${nextVersion(after.ruleSet.version)}"`
  );
}

function valueText(rep: Representative): string {
  const alike = rep.alike.map(formatValue);
  if (!alike.length) return formatValue(rep.value);
  const others = alike.length <= 2 ? alike.join(', ') : `${alike.length} others alike`;
  return `${formatValue(rep.value)} (or ${others})`;
}

/** Every measure id the changed cases asked about, for a change in a measure's status. */
function measuresOf(group: ChangeGroup, index: number): string[] {
  const values = [...group.spans[index]!].map((c) => group.dimensions[index]!.values[c]!);
  return values.flatMap((rep) => [rep.value, ...rep.alike]).flatMap((v) => (Array.isArray(v) ? v : []));
}

/** Facts joined with commas, wrapped to a readable width. */
function wrap(prefix: string, parts: readonly string[], width = 110): string[] {
  const lines = [prefix];
  parts.forEach((part, i) => {
    const piece = i < parts.length - 1 ? `${part},` : part;
    const last = lines.length - 1;
    if (lines[last]!.length + piece.length + 1 > width && lines[last] !== prefix)
      lines.push(' '.repeat(prefix.length) + piece);
    else lines[last] += (lines[last] === prefix ? '' : ' ') + piece;
  });
  return lines;
}

export interface ExampleCase {
  /** Every case in the space changed this way. */
  readonly everyCase: boolean;
  /** The facts every changed case shares (and that vary elsewhere): the ones that matter for this change. */
  readonly facts: readonly { path: string; value: Representative }[];
  /** For a change in a measure's status: the measures it changed. */
  readonly measures: readonly string[];
}

export function exampleCase(group: ChangeGroup): ExampleCase {
  const facts: { path: string; value: Representative }[] = [];
  let measures: string[] = [];
  group.dimensions.forEach((dimension: Dimension, i) => {
    if (dimension.values.length < 2) return;
    if (dimension.path === recommendedMeasures && group.change.field === 'measure status') {
      measures = measuresOf(group, i);
    } else if (group.spans[i]!.size === 1) {
      facts.push({ path: dimension.path, value: dimension.values[group.example[i]!]! });
    }
  });
  return { everyCase: group.weight === group.of, facts, measures };
}

function exampleLines(group: ChangeGroup): string[] {
  const { everyCase, facts, measures } = exampleCase(group);
  const more = measures.length > maxListed ? ` and ${measures.length - maxListed} more` : '';
  const lines = measures.length ? [`measures: ${measures.slice(0, maxListed).join(', ')}${more}`] : [];
  if (everyCase) return ['in every case', ...lines];
  const factTexts = facts.map(({ path, value }) => `${path} = ${valueText(value)}`);
  return [...(factTexts.length ? wrap('e.g. ', factTexts) : []), ...lines];
}

function impactLines(impact: Impact): string[] {
  const space =
    `case space: ${counted(impact.dimensions.length, 'fact')}, ${number(impact.cases)} cases ` +
    `(${number(impact.classes)} classes decided with each version${impact.sampled ? ', sampled: the space is larger than the cap' : ''})`;
  if (!impact.groups.length) return [space, 'no decision changes'];
  const order = (g: ChangeGroup) => fieldOrder.indexOf(g.change.field);
  const groups = [...impact.groups].sort((a, b) => order(a) - order(b) || b.weight - a.weight);
  const width = Math.min(64, Math.max(...groups.map((g) => describeChange(g.change).length)));
  const lines = [space, ''];
  for (const group of groups) {
    const { weight, of, fromWeight, change } = group;
    const share =
      fromWeight && fromWeight !== of
        ? `; ${percent(weight, fromWeight)} of the ${number(fromWeight)} with ${change.field} ${change.from}`
        : '';
    const count = `${number(weight)} of ${number(of)} cases (${percent(weight, of)}${share})`;
    lines.push(`${describeChange(group.change).padEnd(width)}  ${count}`);
    lines.push(...exampleLines(group).map((line) => `    ${line}`));
  }
  return lines;
}

function suiteLines(suite: SuiteDiff): string[] {
  const lines = [
    `scenarios (${suite.file}): ${suite.changed.length} of ${counted(suite.scenarios, 'decision')} changed`,
  ];
  for (const scenario of suite.changed) {
    lines.push(`  "${scenario.name}"`);
    lines.push(...scenario.changes.map((change) => `      ${describeChange(change)}`));
    if (scenario.nowFails.length)
      lines.push(`      no longer meets its expectations on: ${scenario.nowFails.join(', ')}`);
  }
  return lines;
}

function rejectedLines(label: string, rejected: readonly RejectedFile[]): string[] {
  return rejected.map(({ file, problems }) => {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    return `note: ${label} ${file} was refused: ${problems[0]?.pointer || '/'} ${problems[0]?.message ?? ''}${more}`;
  });
}

export function formatDiffReport(
  dirs: { before: string; after: string },
  diffs: readonly AuthorityDiff[],
  rejected: { before: readonly RejectedFile[]; after: readonly RejectedFile[] },
): string {
  const out = [`Rules diff: ${dirs.before} → ${dirs.after}`];
  out.push(...rejectedLines('old', rejected.before), ...rejectedLines('new', rejected.after));
  for (const diff of diffs) {
    out.push('', heading(diff));
    const unversioned = unversionedChange(diff);
    const body = [
      ...(unversioned ? [unversioned] : []),
      ...(diff.impact ? impactLines(diff.impact) : []),
      ...diff.suites.flatMap((s) => ['', ...suiteLines(s)]),
    ];
    out.push(...body.map((line) => (line ? `  ${line}` : '')));
  }
  const of = (kind: PackChange['kind']) =>
    diffs.filter((d) => d.change.kind === kind).map((d) => d.change.authority);
  const summary = (['changed', 'added', 'removed'] as const).map((kind) => {
    const ids = of(kind);
    return `${ids.length} ${kind}${ids.length ? ` (${ids.join(', ')})` : ''}`;
  });
  out.push('', diffs.length ? `Authorities: ${summary.join(', ')}.` : 'No pack changed.');
  return out.join('\n');
}

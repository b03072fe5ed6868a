// A previewed change in words, for the preview page and for the summary a policy officer attaches to a review:
// the problems, the rows changed, what the change does to every kind of case, and to the scenarios.
import type { ChangePreview } from '../analysis/changePreview';
import { counted } from '../analysis/checkReport';
import { problemPlace } from '../rules/problemWords';
import { exampleCase } from '../analysis/diffReport';
import { describeChange, fieldOrder } from '../analysis/decisionFields';
import type { CellChange, PackDiff, RowChange } from '../analysis/tableRowDiff';
import type { Cell, RulePack } from '../generated/pack';
import type { PackProblem } from '../rules/problems';
import { questionText } from './caseQuestions';
import { cellText, outputHeadings, outputText } from './decisionTables';
import { valueLabel } from './labels';

export interface ProblemView {
  severity: 'error' | 'warning';
  where: string;
  message: string;
}

export interface ChangeView {
  field: string;
  before: string;
  after: string;
}

export interface RowChangeView {
  table: string;
  row: string;
  what: string;
  cells: ChangeView[];
}

export interface ImpactView {
  change: string;
  cases: string;
  example: string;
}

export interface ScenarioView {
  name: string;
  changes: string[];
  nowFails: string;
}

export interface PreviewView {
  accepted: boolean;
  file: string;
  versionBefore: string | null;
  versionAfter: string | null;
  unversioned: boolean;
  problems: ProblemView[];
  settings: ChangeView[];
  rows: RowChangeView[];
  impact: ImpactView[];
  caseSpace: string | null;
  scenarios: ScenarioView[];
}

const number = (n: number) => Math.round(n).toLocaleString('en-GB');

const problemView = (problem: PackProblem): ProblemView => ({
  severity: problem.severity,
  where: problemPlace(problem),
  message: problem.message,
});

/** Any value in a pack in words: "Yes", "Police or MARAC", "None"; sentences stay as written. */
function valueWords(key: string, value: unknown): string {
  if (value === undefined) return 'Not given';
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !('to' in value))
    return cellText(value as Cell);
  return outputText(key, value);
}

const tableTitle = (pack: RulePack | null, table: string) =>
  (pack?.tables as Record<string, { title?: string }> | undefined)?.[table]?.title ?? valueLabel(table);

function inputLabel(pack: RulePack | null, table: string, fact: string): string {
  const inputs = (
    pack?.tables as Record<string, { inputs?: { fact: string; label?: string }[] }> | undefined
  )?.[table]?.inputs;
  return inputs?.find((input) => input.fact === fact)?.label ?? questionText(fact);
}

/** `when › property.tenure` → "Condition: Tenure"; `then › covered` → "Covered"; `source › quote` → "Quote". */
function rowFieldName(pack: RulePack | null, table: string, field: string): string {
  const [part, key = ''] = field.split(' › ');
  if (part === 'when') return `Applies when: ${inputLabel(pack, table, key)}`;
  if (part === 'require') return `Requires: ${inputLabel(pack, table, key)}`;
  if (part === 'then') return outputHeadings[key] ?? key;
  if (part === 'source') return `Source ${key}`;
  return valueLabel(part ?? field);
}

const lastKey = (field: string) => field.split(' › ').pop() ?? field;

function rowView(change: RowChange, before: RulePack | null, after: RulePack | null): RowChangeView {
  const where = (n: number | null) => (n ? `row ${n}` : '');
  const what = {
    added: `Added as ${where(change.positionAfter)}`,
    removed: `Removed (was ${where(change.positionBefore)})`,
    changed: `Changed (${where(change.positionAfter)})`,
    moved: `Moved from ${where(change.positionBefore)} to ${where(change.positionAfter)}`,
  }[change.kind];
  const pack = after ?? before;
  return {
    table: tableTitle(pack, change.table),
    row: change.row,
    what,
    cells: change.cells.map((cell: CellChange) => ({
      field: rowFieldName(pack, change.table, cell.field),
      before: valueWords(lastKey(cell.field), cell.before),
      after: valueWords(lastKey(cell.field), cell.after),
    })),
  };
}

function settingView(change: CellChange): ChangeView {
  const field = change.field
    .split(' › ')
    .map((part) => valueLabel(part.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()))
    .join(' › ');
  const key = lastKey(change.field);
  const words = (value: unknown) =>
    value !== null && typeof value === 'object' ? JSON.stringify(value) : valueWords(key, value);
  return { field, before: words(change.before), after: words(change.after) };
}

function impactViews(preview: ChangePreview | null): { caseSpace: string | null; impact: ImpactView[] } {
  const impact = preview?.diffs[0]?.impact;
  if (!impact) return { caseSpace: null, impact: [] };
  // The outcome first, then the other fields as the diff report orders them.
  const order = (group: (typeof impact.groups)[number]) => fieldOrder.indexOf(group.change.field);
  const caseSpace = `${number(impact.cases)} kinds of case, told apart by ${counted(impact.dimensions.length, 'fact')}`;
  return {
    caseSpace,
    impact: [...impact.groups]
      .sort((a, b) => order(a) - order(b) || b.weight - a.weight)
      .map((group) => {
        const example = exampleCase(group);
        const facts = example.facts.map(
          ({ path, value }) => `${questionText(path)} ${valueWords(path, value.value)}`,
        );
        return {
          change: describeChange(group.change),
          cases: `${number(group.weight)} of ${number(group.of)} kinds of case`,
          example: example.everyCase ? 'Every case' : facts.length ? `For example: ${facts.join('; ')}` : '',
        };
      }),
  };
}

/** `preview` is null when the upload could not be read as a pack at all. */
export function previewView(
  preview: ChangePreview | null,
  diff: PackDiff,
  readProblems: PackProblem[],
  file: string,
): PreviewView {
  const change = preview?.diffs[0]?.change;
  const before = change?.before?.pack ?? null;
  const after = change?.after?.pack ?? null;
  const sameVersion =
    !!before && !!after && before.version === after.version && before.effectiveFrom === after.effectiveFrom;
  return {
    accepted: !!preview?.accepted && !readProblems.some((p) => p.severity === 'error'),
    file,
    versionBefore: change?.before?.ruleSet.version ?? null,
    versionAfter: change?.after?.ruleSet.version ?? null,
    unversioned: sameVersion && diff.rows.length > 0,
    problems: [...readProblems, ...(preview?.problems ?? [])].map(problemView),
    settings: diff.settings.map(settingView),
    rows: diff.rows.map((row) => rowView(row, before, after)),
    ...impactViews(preview),
    scenarios: (preview?.diffs[0]?.suites ?? []).flatMap((suite) =>
      suite.changed.map((scenario) => ({
        name: scenario.name,
        changes: scenario.changes.map(describeChange),
        nowFails: scenario.nowFails.join(', '),
      })),
    ),
  };
}

/** The change in plain words, as a text file to attach to a review. */
export function changeSummaryText(
  view: PreviewView,
  authorityName: string,
  today: string,
  caseload: readonly string[] = [],
): string {
  const lines = [
    `Proposed change to ${authorityName}'s sanctuary scheme rules`,
    `Previewed on ${today}.`,
    '',
  ];
  lines.push(
    view.accepted
      ? `The service would accept this pack (${view.file}).`
      : `The service would refuse this pack (${view.file}) until the errors below are fixed.`,
  );
  if (view.versionBefore && view.versionAfter)
    lines.push(`Version: ${view.versionBefore} → ${view.versionAfter}.`);
  if (view.problems.length) {
    lines.push('', 'Problems:');
    lines.push(...view.problems.map((p) => `- ${p.severity}: ${p.where}: ${p.message}`));
  }
  if (view.settings.length) {
    lines.push('', 'Scheme details changed:');
    lines.push(...view.settings.map((s) => `- ${s.field}: ${s.before} → ${s.after}`));
  }
  if (view.rows.length) {
    lines.push('', 'Rows changed:');
    for (const row of view.rows) {
      lines.push(`- ${row.table}, ${row.row}: ${row.what}`);
      lines.push(...row.cells.map((c) => `    ${c.field}: ${c.before} → ${c.after}`));
    }
  }
  if (view.caseSpace) {
    lines.push('', `What it changes, over ${view.caseSpace}:`);
    if (!view.impact.length) lines.push('- No decision changes.');
    for (const group of view.impact) {
      lines.push(`- ${group.change}: ${group.cases}`);
      if (group.example) lines.push(`    ${group.example}`);
    }
  }
  if (view.scenarios.length) {
    lines.push('', 'Scenarios whose result changes:');
    for (const scenario of view.scenarios) {
      lines.push(`- ${scenario.name}`, ...scenario.changes.map((c) => `    ${c}`));
      if (scenario.nowFails) lines.push(`    no longer meets its expectations on: ${scenario.nowFails}`);
    }
  }
  if (caseload.length) lines.push('', 'The caseload uploaded with the preview:', ...caseload);
  return lines.join('\n') + '\n';
}

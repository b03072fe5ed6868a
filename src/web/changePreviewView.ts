// A previewed change in words, for the preview page and for the summary a policy officer attaches to a review:
// the problems, the rows changed, what the change does to every kind of case, and to the scenarios. Its words are
// the page's language (pages catalogue: `changeWords`, `changeSummary`); the rule checker's messages and the
// comparison's field changes come from src/rules and src/analysis, shared with the CLI, and stay English. A
// cell or an output reads as the printed tables read it (decisionTables.ts).
import type { ChangePreview } from '../analysis/changePreview';
import { problemPlace } from '../rules/problemWords';
import { exampleCase } from '../analysis/diffReport';
import { describeChange, fieldOrder } from '../analysis/decisionFields';
import type { CellChange, PackDiff, RowChange } from '../analysis/tableRowDiff';
import type { Cell, RulePack } from '../generated/pack';
import type { PackProblem } from '../rules/problems';
import { hasWords, type Language } from '../messages/messages';
import { questionWords } from './caseQuestions';
import { cellText, codeKeys, outputText } from './decisionTables';
import { isVocabulary, valueLabel } from './labels';
import { countText, dateText, pageWords } from './pageLanguage';

/** "en" where a Welsh page shows English: the checker's messages, a pack's own texts. */
export type TextLang = 'en' | null;

export interface ProblemView {
  severity: 'error' | 'warning';
  where: string;
  message: string;
  lang: TextLang;
}

export interface ChangeView {
  field: string;
  fieldLang: TextLang;
  before: string;
  after: string;
  /** Of the values before and after. */
  lang: TextLang;
}

export interface RowChangeView {
  table: string;
  tableLang: TextLang;
  row: string;
  what: string;
  cells: ChangeView[];
}

export interface ImpactView {
  /** The comparison's own words (English): "outcome: eligible → ineligible". */
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

const number = (n: number, language: Language) => countText(Math.round(n), language);

/** English on a Welsh page is marked as English. */
const english = (isEnglish: boolean, language: Language): TextLang =>
  isEnglish && language !== 'en' ? 'en' : null;

/** A problem the rule checker found: its message is the checker's English. */
const problemView = (problem: PackProblem, language: Language): ProblemView => ({
  severity: problem.severity,
  where: problemPlace(problem),
  message: problem.message,
  lang: english(true, language),
});

/** Whether a value is the pack's own text (a sentence, a team's name), which is English, rather than a vocabulary's. */
function isPackText(key: string, value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => isPackText(key, v));
  if (typeof value === 'string') return !codeKeys.has(key) && !isVocabulary(value);
  if (value !== null && typeof value === 'object')
    return 'to' in value && Boolean((value as { name?: unknown }).name);
  return false;
}

/** Whether the pages catalogue has a label for a value in the language (else it reads as the value's English). */
const hasLabel = (value: string, language: Language) => hasWords(language, 'pages', `value.${value}`);

/** Any value in a pack in words: "Yes", "Police or MARAC", "None"; sentences stay as written. */
function valueWords(key: string, value: unknown, language: Language): string {
  if (value === undefined) return pageWords(language)('changeWords.notGiven');
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !('to' in value))
    return cellText(value as Cell, language);
  return outputText(key, value, language);
}

const packTables = (pack: RulePack | null) =>
  pack?.tables as Record<string, { title?: string; inputs?: { fact: string; label?: string }[] }> | undefined;

/** A table's title: the pack's own (English), else its id in words. */
function tableTitle(pack: RulePack | null, table: string, language: Language) {
  const title = packTables(pack)?.[table]?.title;
  if (title) return { text: title, lang: english(true, language) };
  return { text: valueLabel(table, language), lang: english(!hasLabel(table, language), language) };
}

/** What a column asks: the form's question in the page's language, else the pack's label for it (English). */
function inputLabel(pack: RulePack | null, table: string, fact: string, language: Language) {
  const asked = hasWords(language, 'pages', `question.${fact.replace(/\./g, '_')}.text`);
  const label = packTables(pack)?.[table]?.inputs?.find((input) => input.fact === fact)?.label;
  // English pages keep the pack's label first, as they always have.
  if (label && (language === 'en' || !asked)) return { text: label, lang: english(true, language) };
  return { text: questionWords(fact, language).text, lang: null };
}

/** `when › property.tenure` → "Applies when: Tenure"; `then › covered` → "Covered"; `source › quote` → "Source quote". */
function rowFieldName(pack: RulePack | null, table: string, field: string, language: Language) {
  const t = pageWords(language);
  const [part = field, key = ''] = field.split(' › ');
  if (part === 'when' || part === 'require') {
    const input = inputLabel(pack, table, key, language);
    const text = t(part === 'when' ? 'changeWords.appliesWhen' : 'changeWords.requires', {
      input: input.text,
    });
    return { text, lang: input.lang };
  }
  if (part === 'then') {
    const heading = hasWords(language, 'pages', `heading.${key}`);
    return { text: heading ? t(`heading.${key}`) : key, lang: null };
  }
  if (part === 'source')
    return {
      text: t('changeWords.source', { part: t(`changeWords.sourcePart.${key}`, { defaultValue: key }) }),
      lang: null,
    };
  return { text: valueLabel(part, language), lang: english(!hasLabel(part, language), language) };
}

const lastKey = (field: string) => field.split(' › ').pop() ?? field;

function rowView(
  change: RowChange,
  before: RulePack | null,
  after: RulePack | null,
  language: Language,
): RowChangeView {
  const t = pageWords(language);
  const where = (n: number | null) => (n ? t('changeWords.row', { number: n }) : '');
  const what = {
    added: () => t('changeWords.added', { row: where(change.positionAfter) }),
    removed: () => t('changeWords.removed', { row: where(change.positionBefore) }),
    changed: () => t('changeWords.changed', { row: where(change.positionAfter) }),
    moved: () =>
      t('changeWords.moved', { from: where(change.positionBefore), to: where(change.positionAfter) }),
  }[change.kind]();
  const pack = after ?? before;
  const table = tableTitle(pack, change.table, language);
  return {
    table: table.text,
    tableLang: table.lang,
    row: change.row,
    what,
    cells: change.cells.map((cell: CellChange) => {
      const field = rowFieldName(pack, change.table, cell.field, language);
      const key = lastKey(cell.field);
      return {
        field: field.text,
        fieldLang: field.lang,
        before: valueWords(key, cell.before, language),
        after: valueWords(key, cell.after, language),
        lang: english(isPackText(key, cell.before) || isPackText(key, cell.after), language),
      };
    }),
  };
}

function settingView(change: CellChange, language: Language): ChangeView {
  const parts = change.field
    .split(' › ')
    .map((part) => part.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
  const key = lastKey(change.field);
  const isJson = (value: unknown) => value !== null && typeof value === 'object';
  const words = (value: unknown) =>
    isJson(value) ? JSON.stringify(value) : valueWords(key, value, language);
  const packText = (value: unknown) => isJson(value) || isPackText(key, value);
  return {
    field: parts.map((part) => valueLabel(part, language)).join(' › '),
    fieldLang: english(
      parts.some((part) => !hasLabel(part, language)),
      language,
    ),
    before: words(change.before),
    after: words(change.after),
    lang: english(packText(change.before) || packText(change.after), language),
  };
}

function impactViews(
  preview: ChangePreview | null,
  language: Language,
): { caseSpace: string | null; impact: ImpactView[] } {
  const impact = preview?.diffs[0]?.impact;
  if (!impact) return { caseSpace: null, impact: [] };
  const t = pageWords(language);
  // The outcome first, then the other fields as the diff report orders them.
  const order = (group: (typeof impact.groups)[number]) => fieldOrder.indexOf(group.change.field);
  const facts = impact.dimensions.length;
  const caseSpace = t('changeWords.caseSpace', {
    cases: number(impact.cases, language),
    facts: t('changeWords.facts', { count: facts, number: number(facts, language) }),
  });
  return {
    caseSpace,
    impact: [...impact.groups]
      .sort((a, b) => order(a) - order(b) || b.weight - a.weight)
      .map((group) => {
        const example = exampleCase(group);
        const answers = example.facts.map(
          ({ path, value }) =>
            `${questionWords(path, language).text} ${valueWords(path, value.value, language)}`,
        );
        return {
          change: describeChange(group.change),
          cases: t('changeWords.cases', {
            weight: number(group.weight, language),
            of: number(group.of, language),
          }),
          example: example.everyCase
            ? t('changeWords.everyCase')
            : answers.length
              ? t('changeWords.forExample', { facts: answers.join('; ') })
              : '',
        };
      }),
  };
}

/**
 * `preview` is null when the upload could not be read as a pack at all. `ownProblems`: problems the service
 * itself found with the upload, already in the page's language, listed first.
 */
export function previewView(
  preview: ChangePreview | null,
  diff: PackDiff,
  readProblems: PackProblem[],
  file: string,
  language: Language = 'en',
  ownProblems: ProblemView[] = [],
): PreviewView {
  const change = preview?.diffs[0]?.change;
  const before = change?.before?.pack ?? null;
  const after = change?.after?.pack ?? null;
  const sameVersion =
    !!before && !!after && before.version === after.version && before.effectiveFrom === after.effectiveFrom;
  return {
    accepted: !!preview?.accepted && ![...readProblems, ...ownProblems].some((p) => p.severity === 'error'),
    file,
    versionBefore: change?.before?.ruleSet.version ?? null,
    versionAfter: change?.after?.ruleSet.version ?? null,
    unversioned: sameVersion && diff.rows.length > 0,
    problems: [
      ...ownProblems,
      ...[...readProblems, ...(preview?.problems ?? [])].map((p) => problemView(p, language)),
    ],
    settings: diff.settings.map((s) => settingView(s, language)),
    rows: diff.rows.map((row) => rowView(row, before, after, language)),
    ...impactViews(preview, language),
    scenarios: (preview?.diffs[0]?.suites ?? []).flatMap((suite) =>
      suite.changed.map((scenario) => ({
        name: scenario.name,
        changes: scenario.changes.map(describeChange),
        nowFails: scenario.nowFails.join(', '),
      })),
    ),
  };
}

/**
 * The change in plain words, as a text file to attach to a review, in the page's language. In Welsh it says
 * that the checker's messages and the comparison's changes, which it quotes, are in English.
 */
export function changeSummaryText(
  view: PreviewView,
  authorityName: string,
  today: string,
  caseload: readonly string[] = [],
  language: Language = 'en',
): string {
  const t = pageWords(language);
  const englishNote = (key: string) => (language === 'en' ? [] : [t(key)]);
  const lines = [
    t('changeSummary.heading', { name: authorityName }),
    t('changeSummary.previewedOn', { date: dateText(today, language) }),
    '',
  ];
  lines.push(
    t(view.accepted ? 'changeSummary.wouldAccept' : 'changeSummary.wouldRefuse', { file: view.file }),
  );
  if (view.versionBefore && view.versionAfter)
    lines.push(t('changeSummary.version', { before: view.versionBefore, after: view.versionAfter }));
  if (view.problems.length) {
    lines.push('', t('changeSummary.problems'), ...englishNote('preview.checkerInEnglish'));
    const severity = (p: ProblemView) =>
      t(p.severity === 'error' ? 'changeSummary.error' : 'changeSummary.warning');
    lines.push(...view.problems.map((p) => `- ${severity(p)}: ${p.where}: ${p.message}`));
  }
  if (view.settings.length) {
    lines.push('', t('changeSummary.settings'));
    lines.push(...view.settings.map((s) => `- ${s.field}: ${s.before} → ${s.after}`));
  }
  if (view.rows.length) {
    lines.push('', t('changeSummary.rows'));
    for (const row of view.rows) {
      lines.push(`- ${row.table}, ${row.row}: ${row.what}`);
      lines.push(...row.cells.map((c) => `    ${c.field}: ${c.before} → ${c.after}`));
    }
  }
  if (view.caseSpace) {
    lines.push('', t('changeSummary.impact', { caseSpace: view.caseSpace }));
    lines.push(...englishNote('preview.comparisonInEnglish'));
    if (!view.impact.length) lines.push(`- ${t('changeSummary.noDecision')}`);
    for (const group of view.impact) {
      lines.push(`- ${group.change}: ${group.cases}`);
      if (group.example) lines.push(`    ${group.example}`);
    }
  }
  if (view.scenarios.length) {
    lines.push('', t('changeSummary.scenarios'));
    for (const scenario of view.scenarios) {
      lines.push(`- ${scenario.name}`, ...scenario.changes.map((c) => `    ${c}`));
      if (scenario.nowFails) lines.push(`    ${t('changeSummary.noLonger', { fields: scenario.nowFails })}`);
    }
  }
  if (caseload.length) lines.push('', t('changeSummary.caseload'), ...caseload);
  return lines.join('\n') + '\n';
}

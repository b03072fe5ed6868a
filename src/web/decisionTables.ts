// A pack's decision tables as a policy document would print them: each row in words (the conditions it
// actually has, then what it decides), with its citation and the sentence it encodes. Read from the compiled
// pack, so the page shows exactly the rules in force (a table the pack leaves out, such as the DASH bands,
// shows the national default). Its words for a condition, a range and a value are also those of "what would
// change" on the result page (changeText.ts) and of the change preview (changePreviewView.ts).
import type { Cell, Conditions, Input, Scalar, Source } from '../generated/pack';
import { tableIds } from '../rules/compilePack';
import { citation, type CompiledPack, type TableId } from '../rules/compiledPack';
import { rowWelsh, welshTextOf } from '../rules/welshTexts';
import { clauseText, questionWords, type ClauseForm } from './caseQuestions';
import { hasWords, wordsFor, type Language } from '../messages/messages';
import { hoursText, isVocabulary, poundsText, valueLabel } from './labels';
import { welshDecidesParts, type DecidesPart } from './decisionTablesWelsh';
import { packWords } from './packWords';
import { countText, eitherText, pageWords } from './pageLanguage';
import { fileOf, sourceHref } from './sourceDocuments';

export interface PrintedRow {
  id: string;
  /** True for a national safety rule of the service, which decides every council's cases: not the council's policy. */
  nationalRule: boolean;
  /** When the row applies, in words: "When the tenure is private rented", or "In every case". */
  when: string;
  /** What the row decides, in words: "covered; funded by the council; the landlord must agree". */
  decides: string;
  /** On a Welsh page, the same in pieces: a name the row has no Welsh for is marked English (`lang` "en"). */
  decidesParts?: DecidesPart[];
  /** On a Welsh page: true where what the row decides names a team or fitter in Welsh not yet reviewed. */
  decidesUnreviewed?: boolean;
  /** The row's own sentence (its criterion, text or label), where it has one. */
  statement: string | null;
  /** The council's Welsh for that sentence, where the pack carries it, and whether the council has reviewed it. */
  /** `byService`: a national rule's Welsh, the service's own words rather than the council's. */
  statementWelsh: { text: string; reviewed: boolean; byService: boolean } | null;
  /** The codes a decision carries from this row, e.g. "Code when met" `lives-in-area`. */
  codes: { label: string; code: string }[];
  citation: string;
  /** The cited document, where the service holds it. */
  sourceHref: string | null;
  quote: string | null;
  note: string | null;
}

export interface PrintedTable {
  id: TableId;
  title: string;
  description: string | null;
  hitPolicy: string;
  /** True where the pack has no table of its own and the national default applies. */
  nationalDefault: boolean;
  rows: PrintedRow[];
}

interface RawRow {
  id: string;
  when?: Conditions;
  require?: Conditions;
  then: Record<string, unknown>;
  source: Source;
  note?: string;
}

/** A table as written: in the pack, or in the national defaults. */
export interface RawTable {
  title: string;
  description?: string;
  inputs: Input[];
  rows: RawRow[];
}

const hitPolicyText = (hitPolicy: string, language: Language) => {
  const key = `hitPolicy.${hitPolicy}`;
  return hasWords(language, 'pages', key) ? pageWords(language)(key) : hitPolicy;
};

/** Outputs that carry a reason's code, shown as written. */
export const codeKeys = new Set(['metCode', 'failCode', 'code']);

/** "The victim" → "the victim", but "MARAC" stays as it is. */
const midSentence = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

const yesOrNo = (value: boolean, language: Language) =>
  pageWords(language)(value ? 'common.yes' : 'common.no');

/** A value as it stands on its own: "Yes", "Private rented"; a pack's own text as written. */
function scalarText(value: unknown, label: (id: string) => string, language: Language): string {
  if (typeof value === 'boolean') return yesOrNo(value, language);
  if (typeof value === 'string' && isVocabulary(value)) return label(value);
  return String(value);
}

/** An output as its value: "Yes", "Police", "Kent Police: Installer", "None"; codes stay as written. */
export function outputText(
  key: string,
  value: unknown,
  language: Language,
  label: (id: string) => string = (id) => valueLabel(id, language),
): string {
  if (value === null || value === undefined) return pageWords(language)('common.none');
  if (codeKeys.has(key)) return String(value);
  if (Array.isArray(value)) return value.map((v) => scalarText(v, label, language)).join(', ');
  if (typeof value === 'object') {
    const { to, name } = value as { to?: string; name?: string | null };
    return [to ? valueLabel(to, language) : null, name].filter(Boolean).join(': ');
  }
  return scalarText(value, label, language);
}

/** A condition's cell as a value, for a changed cell: "Private rented", "Police or MARAC", "Not self", "10 to 13". */
export function cellText(cell: Cell, language: Language): string {
  const tables = wordsFor(language, 'tables');
  const scalar = (value: unknown) => scalarText(value, (id) => valueLabel(id, language), language);
  if (Array.isArray(cell)) return cell.map(scalar).join(tables('cell.or'));
  if (typeof cell !== 'object') return scalar(cell);
  if ('not' in cell) return tables('cell.not', { value: midSentence(cellText(cell.not, language)) });
  if ('includes' in cell) return tables('cell.includes', { value: scalar(cell.includes) });
  if (cell.min !== undefined && cell.max !== undefined)
    return tables('cell.between', { min: cell.min, max: cell.max });
  if (cell.min !== undefined) return tables('cell.orMore', { min: cell.min });
  return tables('cell.orFewer', { max: cell.max ?? '' });
}

/**
 * An answer inside a condition. English runs it into its sentence ("the tenure is private rented"); Welsh quotes
 * it as the form words it (‘Rhentu preifat’), so an identification sentence takes it with no mutation to make.
 */
function answerText(value: Scalar, label: (id: string) => string, language: Language): string {
  if (typeof value === 'number') return language === 'cy' ? countText(value, 'cy') : String(value);
  const words = typeof value === 'boolean' ? yesOrNo(value, language) : label(value);
  return language === 'cy' ? `‘${words}’` : midSentence(words);
}

/** Facts no question asks, told by what they are: the measure a measures row is about, the risk level used. */
const subjects: Record<string, string> = {
  'measure.id': 'rowWords.measure',
  'resolved.riskLevel': 'rowWords.resolvedRisk',
};

/** The question a condition is about: the form's, or for the cap (which no question asks) the pages' own. */
const questionOf = (fact: string, language: Language) =>
  fact === 'resolved.worksCostAboveCap'
    ? pageWords(language)('rowWords.aboveCap')
    : questionWords(fact, language).text;

/** A range of numbers: "from 10 to 13", "at least 14", "at most 9"; in Welsh "14 neu fwy". */
export function rangeText(range: { min?: number; max?: number }, language: Language): string {
  const tables = wordsFor(language, 'tables');
  const number = (n: number) => answerText(n, valueLabel, language);
  const { min, max } = range;
  if (min !== undefined && max !== undefined)
    return tables('range.between', { min: number(min), max: number(max) });
  if (min !== undefined) return tables('range.atLeast', { min: number(min) });
  return tables('range.atMost', { max: number(max ?? 0) });
}

/**
 * A fact and its answers, already in words: "the tenure is private rented" (or with `isNot`, "… is not …").
 * English says a fact by its own clause (tables catalogue) where it has one; Welsh always by the form's question
 * and its answers, "mai ‘Rhentu preifat’ yw’r ateb i “Beth yw deiliadaeth y dioddefwr?”" (see
 * decisionTablesWelsh.ts for why), and so does English for a fact with no clause.
 */
export function answeredText(
  fact: string,
  answers: string,
  language: Language,
  form: 'is' | 'isNot' = 'is',
): string {
  const clause = language === 'en' ? clauseText(fact, form, { answers }) : null;
  if (clause) return clause;
  const t = pageWords(language);
  const subject = subjects[fact] ? t(subjects[fact]) : null;
  if (subject) return t(form === 'is' ? 'rowWords.subjectIs' : 'rowWords.subjectIsNot', { subject, answers });
  const question = questionOf(fact, language);
  return t(form === 'is' ? 'rowWords.answerIn' : 'rowWords.answerNotIn', { question, answers });
}

/**
 * One condition in words: "the tenure is private rented", "the victim lives in the area", "… is at least 14";
 * in Welsh "mai ‘Rhentu preifat’ yw’r ateb i “Beth yw deiliadaeth y dioddefwr?”".
 */
export function conditionText(
  fact: string,
  cell: Cell,
  label: (id: string) => string = valueLabel,
  language: Language = 'en',
): string {
  const t = pageWords(language);
  const clause = (form: ClauseForm, values: Record<string, string> = {}) =>
    language === 'en' ? clauseText(fact, form, values) : null;
  const question = questionOf(fact, language);
  const answers = (values: Scalar[]) =>
    eitherText(
      values.map((v) => answerText(v, label, language)),
      language,
    );
  const is = (answers: string) => answeredText(fact, answers, language);
  const isNot = (answers: string) => answeredText(fact, answers, language, 'isNot');
  const yesNo = (value: Scalar) => (typeof value === 'boolean' ? clause(value ? 'yes' : 'no') : null);
  if (Array.isArray(cell) || typeof cell !== 'object') {
    const values = Array.isArray(cell) ? cell : [cell];
    if (values.length > 1 && values.every((v) => typeof v === 'boolean'))
      return t('change.answered', { question });
    return (values.length === 1 ? yesNo(values[0]!) : null) ?? is(answers(values));
  }
  if ('not' in cell) {
    const values = Array.isArray(cell.not) ? cell.not : [cell.not];
    const only = values.length === 1 ? values[0] : undefined;
    return (typeof only === 'boolean' ? yesNo(!only) : null) ?? isNot(answers(values));
  }
  if ('includes' in cell) {
    const answer = answerText(cell.includes, label, language);
    return clause('includes', { answer }) ?? t('rowWords.answerIncludes', { question, answer });
  }
  return is(rangeText(cell, language));
}

/** Conditions in words, joined with "and"; empty when there are none. */
const conditionsText = (
  conditions: Conditions | undefined,
  label: (id: string) => string,
  language: Language,
) =>
  Object.entries(conditions ?? {})
    .map(([fact, cell]) => conditionText(fact, cell, label, language))
    .join(pageWords(language)('change.and'));

// What a row decides, in English sentences: "covered; funded by the council; the landlord must agree". Welsh
// says it as heading and value instead (decisionTablesWelsh.ts).
const tables = wordsFor('en', 'tables');
const english = pageWords('en');

/** What a value of an output says, where the catalogue words it: `decides.covered.yes`, `decides.status.provided`. */
function said(output: string, value: unknown): string | null {
  const key = `decides.${output}.${value === true ? 'yes' : value === false ? 'no' : String(value)}`;
  return hasWords('en', 'tables', key) ? tables(key) : null;
}

const valueWords = (value: unknown) => midSentence(valueLabel(String(value)));

type Words = (
  value: unknown,
  then: Record<string, unknown>,
  label: (id: string) => string,
  table: TableId,
) => string | null;

/** A target time: "within 24 hours", or for the response table "a response within 24 hours". */
const timeWords = (hours: unknown, days: unknown, table: TableId) => {
  const time = hoursText((hours as number | null) ?? null, (days as number | null) ?? null);
  return time && table === 'response' ? tables('decides.response', { time }) : time;
};

/** "accepted", "not accepted", or left open: an output a document may decide, leave out or not state. */
const decided = (output: string) => ((value) => said(output, value) ?? said('undecided', value)) as Words;

/** What each output says in a sentence; null leaves it unsaid (said by another output, or nothing to say). */
const outputWords: Record<string, Words> = {
  accepted: decided('accepted'),
  covered: decided('covered'),
  funder: (value) =>
    said('funder', value) ??
    tables('decides.fundedBy', { funder: said('funderName', value) ?? valueWords(value) }),
  landlordPermission: (value) => said('landlordPermission', value),
  referToLandlord: (value) => said('referToLandlord', value),
  fitter: (value) => {
    const { to, name } = (value ?? {}) as { to?: string; name?: string | null };
    const fitter = to ? valueWords(to) : null;
    if (name && fitter) return tables('decides.fittedByNamed', { name, fitter });
    return name || fitter ? tables('decides.fittedBy', { fitter: name || fitter }) : null;
  },
  band: (value) => tables('decides.band', { band: valueWords(value) }),
  victimContribution: (value) =>
    said('victimContribution', value) ??
    tables('decides.victimContributionIs', { contribution: valueWords(value) }),
  councilContributionCapGBP: (value) =>
    typeof value === 'number'
      ? tables('decides.capAt', { amount: poundsText(value) })
      : tables('decides.noCap'),
  status: (value) => said('status', value) ?? valueWords(value),
  approval: (value) => (value ? tables('decides.needs', { approval: valueWords(value) }) : null),
  package: (value, _then, label) =>
    value ? tables('decides.package', { package: midSentence(label(String(value))) }) : null,
  standardOffer: (value) => said('standardOffer', value),
  // "goes to Kent Police (police security survey)"; "goes to MARAC".
  to: (value, then) => {
    const to = valueWords(value);
    const named = typeof then.name === 'string' ? then.name : null;
    const name = named && named.toLowerCase() !== to.toLowerCase() ? named : null;
    if (!name) return tables('decides.goesTo', { to });
    // A name that already ends in brackets takes the team after a comma.
    return tables(name.endsWith(')') ? 'decides.goesToNamedAlready' : 'decides.goesToNamed', { name, to });
  },
  name: (value, then) => (then.to === undefined && typeof value === 'string' ? value : null),
  withinHours: (value, then, _label, table) => timeWords(value, then.withinWorkingDays, table),
  withinWorkingDays: (value, then, _label, table) =>
    then.withinHours === undefined ? timeWords(null, value, table) : null,
  forOutcomes: (value) =>
    Array.isArray(value)
      ? tables('decides.forOutcomes', {
          outcomes: eitherText(
            value.map((outcome) => said('outcome', outcome) ?? valueWords(outcome)),
            'en',
          ),
        })
      : null,
  type: (value) => tables('decides.needs', { approval: valueWords(value) }),
};

/** The row's own sentence, in the output that holds it. */
const statementKeys = ['criterion', 'text', 'label'];

function decidesText(id: TableId, then: Record<string, unknown>, label: (id: string) => string): string {
  const sentences = Object.entries(then)
    .filter(([key]) => !codeKeys.has(key) && !statementKeys.includes(key))
    .map(([key, value]) => {
      const words = outputWords[key];
      if (words) return words(value, then, label, id);
      const heading = english(`heading.${key}`, { defaultValue: key });
      return `${midSentence(heading)}: ${outputText(key, value, 'en', label)}`;
    })
    .filter((text): text is string => Boolean(text));
  if (sentences.length === 0 && id === 'response') return english('rowWords.noTarget');
  return sentences.join('; ');
}

/** How rows cite their sources: in words, and the cited document's address where the service holds it. */
interface Citing {
  cite: (source: Source) => string;
  href: (source: Source) => string | null;
}

function printRow(
  id: TableId,
  row: RawRow,
  citing: Citing,
  nationalRule: boolean,
  label: (id: string) => string,
  language: Language,
): PrintedRow {
  const isEligibility = id === 'eligibility';
  const t = pageWords(language);
  const when = conditionsText(row.when, label, language);
  const required = isEligibility ? conditionsText(row.require, label, language) : '';
  const statementKey = statementKeys.find((key) => typeof row.then[key] === 'string');
  const statement = statementKey ? row.then[statementKey] : undefined;
  const cy = rowWelsh(row);
  const welshStatement = statementKey ? (welshTextOf(cy, statementKey) ?? null) : null;
  // The names a row gives (a team, a fitter) in the row's Welsh where it has it, as the result page does.
  let namesUnreviewed = false;
  const nameWords = (field: string, english: string) => {
    const welsh = welshTextOf(cy, field);
    const words = packWords(english, welsh?.text, welsh?.reviewed, language);
    namesUnreviewed ||= words.unreviewed;
    return words;
  };
  const decidesParts =
    language === 'cy' && !isEligibility
      ? welshDecidesParts(
          id,
          row.then,
          label,
          (key) => codeKeys.has(key) || statementKeys.includes(key),
          nameWords,
        )
      : null;
  return {
    id: row.id,
    nationalRule,
    when: when ? t('rowWords.when', { conditions: when }) : t('rowWords.everyCase'),
    decides: isEligibility
      ? required
        ? t('rowWords.metWhen', { conditions: required })
        : t('rowWords.alwaysMet')
      : decidesParts
        ? decidesParts.map((part) => part.text).join('')
        : decidesText(id, row.then, label),
    // Only on a Welsh page: the English rows print as they always have.
    ...(decidesParts ? { decidesParts, decidesUnreviewed: namesUnreviewed } : {}),
    statement: (statement as string | undefined) ?? null,
    statementWelsh: welshStatement && { ...welshStatement, byService: nationalRule },
    codes: Object.entries(row.then)
      .filter(([key, value]) => codeKeys.has(key) && typeof value === 'string')
      .map(([key, value]) => ({
        label: t(`heading.${key}`, { defaultValue: key }),
        code: value as string,
      })),
    citation: citing.cite(row.source),
    sourceHref: citing.href(row.source),
    quote: row.source.quote ?? null,
    note: row.note ?? null,
  };
}

/** How a table's values read: the measures table's as measures. */
const labelFor =
  (id: TableId, measureLabel: (id: string) => string, language: Language) => (value: string) =>
    id === 'measures' ? measureLabelOr(value, measureLabel, language) : valueLabel(value, language);

/** Measure ids read as the catalogue's labels; anything else as a vocabulary word. */
function measureLabelOr(value: string, measureLabel: (id: string) => string, language: Language): string {
  const labelled = measureLabel(value);
  return labelled === value ? valueLabel(value, language) : labelled;
}

/** The national safety rules the pack was compiled with: those its own eligibility table does not already state. */
function safetyRulesOf(compiled: CompiledPack, defaults: NationalTables): RawRow[] {
  const carried = new Set(compiled.tables.eligibility.rows.map((row) => row.ruleId));
  return (defaults.eligibility?.rows ?? []).filter((row) => carried.has(`national/eligibility/${row.id}`));
}

/** The national defaults' tables, as written (rules/national-defaults.json). */
export interface NationalTables {
  sources: { id: string; title: string }[];
  riskThresholds: RawTable;
  eligibility?: RawTable;
}

/**
 * Every table the pack decides with, in the order the API lists them. The eligibility table ends with the
 * service's national safety rules the pack was compiled with, marked as such, since they decide its cases too.
 */
export function printedTables(
  compiled: CompiledPack,
  defaults: NationalTables,
  measureLabel: (id: string) => string,
  language: Language = 'en',
): PrintedTable[] {
  const { pack } = compiled;
  const citeIn = (sources: { id: string; title: string }[]) => (source: Source) =>
    citation({ sources }, source);
  const packCiting: Citing = {
    cite: citeIn(pack.sources),
    href: (source) => sourceHref(fileOf(pack, source)),
  };
  // The national defaults cite the service's own contract and rules, which are not a policy document.
  const nationalCiting: Citing = { cite: citeIn(defaults.sources), href: () => null };
  return tableIds.flatMap((id) => {
    const compiledTable = compiled.tables[id];
    if (!compiledTable) return [];
    const own = pack.tables[id] as RawTable | undefined;
    const raw = own ?? (id === 'riskThresholds' ? defaults.riskThresholds : undefined);
    if (!raw) return [];
    const label = labelFor(id, measureLabel, language);
    const print = (citing: Citing, nationalRule: boolean) => (row: RawRow) =>
      printRow(id, row, citing, nationalRule, label, language);
    const safetyRules = id === 'eligibility' ? safetyRulesOf(compiled, defaults) : [];
    return [
      {
        id,
        title: raw.title,
        description: raw.description ?? null,
        hitPolicy: hitPolicyText(compiledTable.hitPolicy, language),
        nationalDefault: !own,
        rows: [
          ...raw.rows.map(print(own ? packCiting : nationalCiting, false)),
          ...safetyRules.map(print(nationalCiting, true)),
        ],
      },
    ];
  });
}

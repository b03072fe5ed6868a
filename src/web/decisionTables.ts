// A pack's decision tables as a policy document would print them: each row in words (the conditions it
// actually has, then what it decides), with its citation and the sentence it encodes. Read from the compiled
// pack, so the page shows exactly the rules in force (a table the pack leaves out, such as the DASH bands,
// shows the national default).
import type { Cell, Conditions, Input, Scalar, Source } from '../generated/pack';
import { tableIds } from '../rules/compilePack';
import { citation, type CompiledPack, type TableId } from '../rules/compiledPack';
import { rowWelsh, welshTextOf } from '../rules/welshTexts';
import { questionByPath } from './caseQuestions';
import { hasWords, type Language } from '../messages/messages';
import { hoursText, poundsText, valueLabel } from './labels';
import { welshConditions, welshDecidesParts, type DecidesPart } from './decisionTablesWelsh';
import { packWords } from './packWords';
import { pageWords } from './pageLanguage';
import { fileOf, sourceHref } from './sourceDocuments';

export interface PrintedRow {
  id: string;
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
  statementWelsh: { text: string; reviewed: boolean } | null;
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

/** Each output's heading, as the workbook's columns name it (pages catalogue, `heading.<output>`). */
export const outputHeadings: Record<string, string> = pageWords('en')('heading', {
  returnObjects: true,
}) as Record<string, string>;

const codeKeys = new Set(['metCode', 'failCode', 'code']);
const isVocabulary = (text: string) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);

function scalarText(value: unknown, label: (id: string) => string): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (typeof value === 'string' && isVocabulary(value)) return label(value);
  return String(value);
}

/** "The victim" → "the victim", but "MARAC" stays as it is. */
const midSentence = (text: string) =>
  /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

/** A cell in words: "Private rented", "Police or MARAC", "Not Self", "10 to 13", "Includes CCTV". */
export function cellText(cell: Cell, label: (id: string) => string = valueLabel): string {
  if (Array.isArray(cell)) return cell.map((v) => scalarText(v, label)).join(' or ');
  if (typeof cell !== 'object') return scalarText(cell, label);
  if ('not' in cell) return `Not ${midSentence(cellText(cell.not, label))}`;
  if ('includes' in cell) return `Includes ${scalarText(cell.includes, label)}`;
  if (cell.min !== undefined && cell.max !== undefined) return `${cell.min} to ${cell.max}`;
  if (cell.min !== undefined) return `${cell.min} or more`;
  return `${cell.max ?? ''} or fewer`;
}

export function outputText(key: string, value: unknown, label: (id: string) => string = valueLabel): string {
  if (value === null || value === undefined) return 'None';
  if (codeKeys.has(key)) return String(value);
  if (Array.isArray(value)) return value.map((v) => scalarText(v, label)).join(', ');
  if (typeof value === 'object') {
    const { to, name } = value as { to?: string; name?: string | null };
    return [to ? valueLabel(to) : null, name].filter(Boolean).join(': ');
  }
  return scalarText(value, label);
}

const factLabel = (fact: string) => questionByPath.get(fact)?.text ?? fact;

/** "a", "a or b", "a, b or c". */
const either = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : (items[0] ?? '');

/** Facts no question asks (worked out by the service, or the measure a measures row is about), as clauses. */
const derivedClauses: Record<string, string> = {
  'measure.id': 'the measure is',
  'resolved.riskLevel': 'the risk level used (the higher of the one given and the DASH band) is',
};
const derivedYesNo: Record<string, [string, string]> = {
  'resolved.worksCostAboveCap': [
    "the cost of the works is above the cap on the council's contribution",
    "the cost of the works is within the cap on the council's contribution",
  ],
};

/** One condition in words: "the tenure is private rented", "the victim lives in the area", "… is at least 14". */
export function conditionText(fact: string, cell: Cell, label: (id: string) => string = valueLabel): string {
  const question = questionByPath.get(fact);
  const yesNo = (value: boolean) =>
    derivedYesNo[fact]?.[value ? 0 : 1] ??
    question?.says(value) ??
    `${factLabel(fact)}: ${value ? 'yes' : 'no'}`;
  const clause = question?.clause ?? derivedClauses[fact] ?? `${midSentence(factLabel(fact))} is`;
  const phrase = (value: Scalar) => (typeof value === 'string' ? midSentence(label(value)) : String(value));
  const values = (cell: Scalar | Scalar[]) => (Array.isArray(cell) ? cell : [cell]);
  if (typeof cell === 'boolean') return yesNo(cell);
  if (Array.isArray(cell) || typeof cell !== 'object') {
    const all = values(cell);
    if (all.length === 1 && typeof all[0] === 'boolean') return yesNo(all[0]);
    if (all.every((v) => typeof v === 'boolean')) return `the question "${factLabel(fact)}" is answered`;
    return `${clause} ${either(all.map(phrase))}`;
  }
  if ('not' in cell) {
    const all = values(cell.not);
    if (all.length === 1 && typeof all[0] === 'boolean') return yesNo(!all[0]);
    // "the tenure is not …", "the referral is not made by …".
    return `${clause.replace(/\bis\b/, 'is not')} ${either(all.map(phrase))}`;
  }
  if ('includes' in cell) {
    if (question) return question.says(cell.includes);
    return `${midSentence(factLabel(fact))} includes ${phrase(cell.includes)}`;
  }
  if (cell.min !== undefined && cell.max !== undefined) return `${clause} from ${cell.min} to ${cell.max}`;
  if (cell.min !== undefined) return `${clause} at least ${cell.min}`;
  return `${clause} at most ${cell.max ?? ''}`;
}

/** Conditions in words, joined with "and"; empty when there are none. */
const conditionsText = (conditions: Conditions | undefined, label: (id: string) => string) =>
  Object.entries(conditions ?? {})
    .map(([fact, cell]) => conditionText(fact, cell, label))
    .join(' and ');

const decidedOpen: Record<string, string> = {
  open: "left open (the document's list leaves it out)",
  'not-stated': 'not stated (the document sets no condition on it)',
};

const funders: Record<string, string> = {
  council: 'the council',
  landlord: 'the landlord',
  'homelessness-prevention-grant': 'the homelessness prevention grant',
  'supporting-people': 'Supporting People',
  'community-safety-partnership': 'the community safety partnership',
  'police-and-crime-commissioner': 'the police and crime commissioner',
  'welsh-government': 'the Welsh Government',
  mixed: 'a mix of sources',
};

/** An outcome after "when the case is". */
const outcomeWords: Record<string, string> = {
  'more-information-needed': 'needing more information',
  'refer-to-landlord': "referred to the landlord's own scheme",
  unknown: 'left open by the policy',
  'no-scheme': 'in an area with no scheme',
};

type Words = (
  value: unknown,
  then: Record<string, unknown>,
  label: (id: string) => string,
  table: TableId,
) => string | null;

/** A target time: "within 24 hours", or for the response table "a response within 24 hours". */
const timeWords = (hours: unknown, days: unknown, table: TableId) => {
  const time = hoursText((hours as number | null) ?? null, (days as number | null) ?? null);
  return time && table === 'response' ? `a response ${time}` : time;
};

const yesOrNo = (yes: string, no: string, other: Record<string, string> = {}) =>
  ((value) => (value === true ? yes : value === false ? no : (other[String(value)] ?? null))) as Words;

/** What each output says in a sentence; null leaves it unsaid (said by another output, or nothing to say). */
const outputWords: Record<string, Words> = {
  accepted: yesOrNo('accepted', 'not accepted', decidedOpen),
  covered: yesOrNo('covered', 'not covered', decidedOpen),
  funder: (value) =>
    value === 'unknown'
      ? 'the document does not say who pays'
      : `funded by ${funders[String(value)] ?? midSentence(valueLabel(String(value)))}`,
  landlordPermission: (value) =>
    ({
      required: 'the landlord must agree',
      'not-required': "the landlord's agreement is not needed",
      'not-stated': 'the document does not say whether the landlord must agree',
    })[String(value)] ?? null,
  referToLandlord: yesOrNo(
    "referred to the landlord's own scheme",
    "not referred to the landlord's own scheme",
  ),
  fitter: (value) => {
    const { to, name } = (value ?? {}) as { to?: string; name?: string | null };
    const who = to ? midSentence(valueLabel(to)) : null;
    return name ? `fitted by ${name}${who ? ` (${who})` : ''}` : who ? `fitted by ${who}` : null;
  },
  band: (value) => `the risk band is ${midSentence(valueLabel(String(value)))}`,
  victimContribution: (value) =>
    ({
      none: 'no cost to the victim',
      unknown: 'the document does not say what the victim pays',
      'may-be-requested': 'the victim may be asked to contribute',
    })[String(value)] ?? `the victim's contribution is ${midSentence(valueLabel(String(value)))}`,
  councilContributionCapGBP: (value) =>
    typeof value === 'number'
      ? `the council's contribution is capped at ${poundsText(value)}`
      : "no cap on the council's contribution",
  status: (value) =>
    ({
      provided: 'provided',
      'needs-approval': 'provided with approval',
      'not-available': 'not available',
      unknown: 'the document does not say whether it is provided',
    })[String(value)] ?? midSentence(valueLabel(String(value))),
  approval: (value) => (value ? `needs ${midSentence(valueLabel(String(value)))}` : null),
  package: (value, _then, label) => (value ? `in the ${midSentence(label(String(value)))} package` : null),
  standardOffer: yesOrNo('in the standard offer', 'not in the standard offer'),
  // "goes to Kent Police (police security survey)"; "goes to MARAC".
  to: (value, then) => {
    const to = midSentence(valueLabel(String(value)));
    const named = typeof then.name === 'string' ? then.name : null;
    const name = named && named.toLowerCase() !== to.toLowerCase() ? named : null;
    if (!name) return `goes to ${to}`;
    return name.endsWith(')') ? `goes to ${name}, ${to}` : `goes to ${name} (${to})`;
  },
  name: (value, then) => (then.to === undefined && typeof value === 'string' ? value : null),
  withinHours: (value, then, _label, table) => timeWords(value, then.withinWorkingDays, table),
  withinWorkingDays: (value, then, _label, table) =>
    then.withinHours === undefined ? timeWords(null, value, table) : null,
  forOutcomes: (value) =>
    Array.isArray(value)
      ? `when the case is ${either(value.map((outcome) => outcomeWords[String(outcome)] ?? midSentence(valueLabel(String(outcome)))))}`
      : null,
  type: (value) => `needs ${midSentence(valueLabel(String(value)))}`,
};

/** The row's own sentence, in the output that holds it. */
const statementKeys = ['criterion', 'text', 'label'];

function decidesText(id: TableId, then: Record<string, unknown>, label: (id: string) => string): string {
  const said = Object.entries(then)
    .filter(([key]) => !codeKeys.has(key) && !statementKeys.includes(key))
    .map(([key, value]) => {
      const words = outputWords[key];
      if (words) return words(value, then, label, id);
      const heading = outputHeadings[key] ?? key;
      return `${midSentence(heading)}: ${outputText(key, value, label)}`;
    })
    .filter((text): text is string => Boolean(text));
  if (said.length === 0 && id === 'response') return 'no target time';
  return said.join('; ');
}

function printTable(
  id: TableId,
  raw: RawTable,
  hitPolicy: string,
  citation: (source: Source) => string,
  documentHref: (source: Source) => string | null,
  nationalDefault: boolean,
  measureLabel: (id: string) => string,
  language: Language,
): PrintedTable {
  const isEligibility = id === 'eligibility';
  const label = (value: string) =>
    id === 'measures' ? measureLabelOr(value, measureLabel, language) : valueLabel(value, language);
  return {
    id,
    title: raw.title,
    description: raw.description ?? null,
    hitPolicy: hitPolicyText(hitPolicy, language),
    nationalDefault,
    rows: raw.rows.map((row) => {
      const inWelsh = language === 'cy';
      const conditions = inWelsh ? welshConditions : conditionsText;
      const t = pageWords(language);
      const when = conditions(row.when, label);
      const required = isEligibility ? conditions(row.require, label) : '';
      const statementKey = statementKeys.find((key) => typeof row.then[key] === 'string');
      const statement = statementKey ? row.then[statementKey] : undefined;
      const cy = rowWelsh(row);
      // The names a row gives (a team, a fitter) in the row's Welsh where it has it, as the result page does.
      let namesUnreviewed = false;
      const nameWords = (field: string, english: string) => {
        const welsh = welshTextOf(cy, field);
        const words = packWords(english, welsh?.text, welsh?.reviewed, language);
        namesUnreviewed ||= words.unreviewed;
        return words;
      };
      const decidesParts =
        inWelsh && !isEligibility
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
        statementWelsh: statementKey ? (welshTextOf(cy, statementKey) ?? null) : null,
        codes: Object.entries(row.then)
          .filter(([key, value]) => codeKeys.has(key) && typeof value === 'string')
          .map(([key, value]) => ({
            label: t(`heading.${key}`, { defaultValue: key }),
            code: value as string,
          })),
        citation: citation(row.source),
        sourceHref: documentHref(row.source),
        quote: row.source.quote ?? null,
        note: row.note ?? null,
      };
    }),
  };
}

/** Measure ids read as the catalogue's labels; anything else as a vocabulary word. */
function measureLabelOr(value: string, measureLabel: (id: string) => string, language: Language): string {
  const labelled = measureLabel(value);
  return labelled === value ? valueLabel(value, language) : labelled;
}

export function printedTables(
  compiled: CompiledPack,
  defaults: { sources: { id: string; title: string }[]; riskThresholds: RawTable },
  measureLabel: (id: string) => string,
  language: Language = 'en',
): PrintedTable[] {
  const { pack } = compiled;
  const citeIn = (sources: { id: string; title: string }[]) => (source: Source) =>
    citation({ sources }, source);
  return tableIds.flatMap((id) => {
    const compiledTable = compiled.tables[id];
    if (!compiledTable) return [];
    const own = pack.tables[id] as RawTable | undefined;
    const raw = own ?? (id === 'riskThresholds' ? defaults.riskThresholds : undefined);
    if (!raw) return [];
    const cite = own ? citeIn(pack.sources) : citeIn(defaults.sources);
    // The national defaults cite the service's own contract, which is not a policy document.
    const href = (source: Source) => (own ? sourceHref(fileOf(pack, source)) : null);
    return [printTable(id, raw, compiledTable.hitPolicy, cite, href, !own, measureLabel, language)];
  });
}

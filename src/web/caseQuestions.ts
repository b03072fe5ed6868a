// The check-a-case form: one question per Case fact, in the order a caseworker meets them. The fact paths and
// their answers (the vocabularies, ranges and types) come from openapi.yaml through the fact catalogue, and their
// words from the catalogues: the question in pages (`question.*`), the fact as an English clause in tables
// (`condition.*`). A test fails if the Case schema gains a fact this list does not ask about.
import type { Scalar } from '../generated/pack';
import { factCatalogue, type FactDomain } from '../rules/factCatalogue';
import { hasWords, wordsFor, type Language } from '../messages/messages';
import { poundsText, valueLabel, valuePhrase } from './labels';
import { pageWords } from './pageLanguage';

export type Widget = 'radios' | 'select' | 'checkboxes' | 'number';

export interface Question {
  /** The Case fact, e.g. `household.livesInArea`: also the form field's name. */
  path: string;
  section: SectionId;
  /** The question in English, from the pages catalogue. */
  text: string;
  widget: Widget;
  domain: FactDomain;
  /** The fact as a clause, e.g. "the victim lives in the area", for "eligible if …". */
  says(value: Scalar): string;
  /** Shown only when this form-only question (not a fact) is answered yes: a conditional reveal. */
  revealedBy?: string;
  /** Radios shown side by side (Yes / No / Not known). */
  inline?: boolean;
}

export type SectionId = 'referral' | 'harm' | 'household' | 'perpetrator' | 'property' | 'assessment';

/** The form's sections in order; their titles are in the pages catalogue (`section.<id>`). */
export const sections: readonly { id: SectionId }[] = [
  { id: 'referral' },
  { id: 'harm' },
  { id: 'household' },
  { id: 'perpetrator' },
  { id: 'property' },
  { id: 'assessment' },
];

/** Form-only questions that reveal a fact's question: their answers are never sent as facts. */
export const revealQuestions = {
  dashCompleted: { reveals: 'harm.dashYesCount' },
  measuresRecommended: { reveals: 'assessment.recommendedMeasures' },
} as const;

export type RevealQuestion = keyof typeof revealQuestions;

/** A question's words in a language, from the pages catalogue (`question.<path with _>.text`, `.hint`). */
export function questionWords(name: string, language: Language) {
  const t = pageWords(language);
  const key = `question.${name.replace(/\./g, '_')}`;
  // A path no question asks (a fact the service works out) reads as itself.
  if (!hasWords(language, 'pages', `${key}.text`)) return { text: name, hint: null };
  return { text: t(`${key}.text`), hint: t(`${key}.hint`, { defaultValue: '' }) || null };
}

/**
 * The ways an English clause can say a fact (tables catalogue, `condition.<path with _>.<form>`): `yes` and `no`
 * for a yes/no fact, `is` and `isNot` with `{{answers}}` for choices and numbers, `includes` with `{{answer}}`
 * for a set, `equals` with `{{value}}` for a number.
 */
export type ClauseForm = 'yes' | 'no' | 'is' | 'isNot' | 'includes' | 'equals';

const tables = wordsFor('en', 'tables');

/** A fact as an English clause, or null where the catalogue has no such clause for it. */
export function clauseText(
  path: string,
  form: ClauseForm,
  values: Record<string, string> = {},
): string | null {
  const key = `condition.${path.replace(/\./g, '_')}.${form}`;
  return hasWords('en', 'tables', key) ? tables(key, values) : null;
}

/** A clause every question of its kind has: missing words fail when the service starts, not on a page. */
function clauseOf(path: string, form: ClauseForm): (values?: Record<string, string>) => string {
  if (clauseText(path, form) === null)
    throw new Error(`the tables catalogue has no ${form} clause for ${path}`);
  return (values = {}) => clauseText(path, form, values)!;
}

function domainOf(path: string): FactDomain {
  const fact = factCatalogue.get(path);
  if (!fact || fact.scope !== 'case') throw new Error(`openapi.yaml's Case has no fact ${path}`);
  return fact.domain;
}

/** What every question has: its fact, the section it sits in, its English text, its widget and its answers. */
const askedAbout = (path: string, widget: Widget) => ({
  path,
  section: path.split('.')[0] as SectionId,
  text: questionWords(path, 'en').text,
  widget,
  domain: domainOf(path),
});

function yesNo(path: string): Question {
  const [yes, no] = [clauseOf(path, 'yes'), clauseOf(path, 'no')];
  return { ...askedAbout(path, 'radios'), inline: true, says: (v) => (v ? yes() : no()) };
}

function choice(path: string, widget: Widget = 'radios'): Question {
  const is = clauseOf(path, 'is');
  clauseOf(path, 'isNot'); // A "not" condition says "is not" of it: those words must be there too.
  return { ...askedAbout(path, widget), says: (v) => is({ answers: valuePhrase(String(v)) }) };
}

/** A number, said with `format`: "the DASH checklist has 14 ‘yes’ answers", "the works cost £1,500". */
function number(path: string, format: (value: number) => string, revealedBy?: RevealQuestion): Question {
  const equals = clauseOf(path, 'equals');
  clauseOf(path, 'isNot'); // A "not" condition says "is not" of it: those words must be there too.
  return {
    ...askedAbout(path, 'number'),
    says: (v) => equals({ value: format(Number(v)) }),
    ...(revealedBy ? { revealedBy } : {}),
  };
}

function measures(path: string, revealedBy: RevealQuestion): Question {
  const includes = clauseOf(path, 'includes');
  return {
    ...askedAbout(path, 'checkboxes'),
    says: (v) => includes({ answer: valuePhrase(String(v)) }),
    revealedBy,
  };
}

export const caseQuestions: readonly Question[] = [
  choice('referral.source', 'select'),
  choice('harm.type'),
  choice('harm.riskLevel'),
  number('harm.dashYesCount', String, 'dashCompleted'),
  yesNo('harm.maracCase'),
  yesNo('harm.arsonThreat'),
  yesNo('harm.immediateRisk'),
  yesNo('household.livesInArea'),
  yesNo('household.wishesToRemain'),
  yesNo('household.intendsToRemain'),
  yesNo('household.agreesToWorks'),
  yesNo('household.threatenedWithHomelessness'),
  yesNo('household.receivingSupport'),
  yesNo('household.agreesToWorkWithHousingOptions'),
  yesNo('perpetrator.livesAtProperty'),
  yesNo('perpetrator.hasRightToOccupy'),
  choice('property.tenure'),
  yesNo('property.rightToOccupy'),
  yesNo('property.jointTenancy'),
  choice('property.landlordPermission'),
  yesNo('property.landlordHasOwnScheme'),
  choice('property.type'),
  yesNo('assessment.safeToRemainWithMeasures'),
  measures('assessment.recommendedMeasures', 'measuresRecommended'),
  number('assessment.worksCostGBP', (v) => poundsText(v)!),
];

export const questionByPath: ReadonlyMap<string, Question> = new Map(caseQuestions.map((q) => [q.path, q]));

/** The choices a question offers, as the form shows them. */
export function optionsOf(
  question: Question,
  measureLabel: (id: string) => string = valueLabel,
  language: Language = 'en',
) {
  const { domain } = question;
  const t = pageWords(language);
  if (domain.kind === 'boolean')
    return [
      { value: 'true', text: t('common.yes') },
      { value: 'false', text: t('common.no') },
    ];
  if (domain.kind === 'set') return domain.values.map((v) => ({ value: v, text: measureLabel(v) }));
  if (domain.kind === 'enum') return domain.values.map((v) => ({ value: v, text: valueLabel(v, language) }));
  return [];
}

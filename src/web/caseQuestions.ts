// The check-a-case form: one question per Case fact, in the order a caseworker meets them. The fact paths and
// their answers (the vocabularies, ranges and types) come from openapi.yaml through the fact catalogue; only the
// wording is written here. A test fails if the Case schema gains a fact this list does not ask about.
import type { Scalar } from '../generated/pack';
import { factCatalogue, type FactDomain } from '../rules/factCatalogue';
import type { Language } from '../messages/messages';
import { poundsText, valueLabel, valuePhrase } from './labels';
import { pageWords } from './pageLanguage';

export type Widget = 'radios' | 'select' | 'checkboxes' | 'number';

export interface Question {
  /** The Case fact, e.g. `household.livesInArea`: also the form field's name. */
  path: string;
  section: SectionId;
  text: string;
  hint?: string;
  widget: Widget;
  domain: FactDomain;
  /** The fact as a clause, e.g. "the victim lives in the area", for "eligible if …". */
  says(value: Scalar): string;
  /** For a question with choices: the clause its choice completes, e.g. "the tenure is". */
  clause?: string;
  /** For number questions: what to ask for when the answer is not valid. */
  invalidText?: string;
  /** Shown only when this form-only question (not a fact) is answered yes: a conditional reveal. */
  revealedBy?: string;
  /** Radios shown side by side (Yes / No / Not known). */
  inline?: boolean;
}

export type SectionId = 'referral' | 'harm' | 'household' | 'perpetrator' | 'property' | 'assessment';

export const sections: readonly { id: SectionId; title: string }[] = [
  { id: 'referral', title: 'Referral' },
  { id: 'harm', title: 'Harm and risk' },
  { id: 'household', title: 'The victim and their household' },
  { id: 'perpetrator', title: 'The perpetrator' },
  { id: 'property', title: 'The property' },
  { id: 'assessment', title: 'Security assessment' },
];

/** Form-only questions that reveal a fact's question: their answers are never sent as facts. */
export const revealQuestions = {
  dashCompleted: { text: 'Has a DASH risk checklist been completed?', reveals: 'harm.dashYesCount' },
  measuresRecommended: {
    text: 'Has a security assessment recommended measures?',
    reveals: 'assessment.recommendedMeasures',
  },
} as const;

export type RevealQuestion = keyof typeof revealQuestions;

function domainOf(path: string): FactDomain {
  const fact = factCatalogue.get(path);
  if (!fact || fact.scope !== 'case') throw new Error(`openapi.yaml's Case has no fact ${path}`);
  return fact.domain;
}

function yesNo(path: string, text: string, yes: string, no: string, hint?: string): Question {
  const section = path.split('.')[0] as SectionId;
  return {
    path,
    section,
    text,
    hint,
    widget: 'radios',
    inline: true,
    domain: domainOf(path),
    says: (v) => (v ? yes : no),
  };
}

function choice(
  path: string,
  text: string,
  clause: string,
  widget: Widget = 'radios',
  hint?: string,
): Question {
  const section = path.split('.')[0] as SectionId;
  const says = (v: Scalar) => `${clause} ${valuePhrase(String(v))}`;
  return { path, section, text, hint, widget, domain: domainOf(path), says, clause };
}

export const caseQuestions: readonly Question[] = [
  choice('referral.source', 'Who made the referral?', 'the referral is made by', 'select'),
  choice('harm.type', 'What kind of harm is the victim experiencing?', 'the harm is'),
  choice(
    'harm.riskLevel',
    'What is the risk level, in your professional judgement?',
    'the risk level is',
    'radios',
    'The decision uses the higher of this and the DASH band.',
  ),
  {
    path: 'harm.dashYesCount',
    section: 'harm',
    text: 'How many questions on the DASH checklist were answered ‘yes’?',
    widget: 'number',
    domain: domainOf('harm.dashYesCount'),
    says: (v) => `the DASH checklist has ${String(v)} ‘yes’ answers`,
    clause: 'the number of ‘yes’ answers on the DASH checklist is',
    invalidText: 'Enter the number of ‘yes’ answers as a whole number from 0 to 27',
    revealedBy: 'dashCompleted',
  },
  yesNo(
    'harm.maracCase',
    'Is the case heard at, or referred to, a MARAC?',
    'the case goes to MARAC',
    'the case does not go to MARAC',
  ),
  yesNo(
    'harm.arsonThreat',
    'Has there been a threat of arson against the victim?',
    'there has been a threat of arson',
    'there has been no threat of arson',
  ),
  yesNo(
    'harm.immediateRisk',
    'Is the victim at immediate risk?',
    'the victim is at immediate risk',
    'the victim is not at immediate risk',
    'For example, it is not safe for them to stay at home tonight.',
  ),
  yesNo(
    'household.livesInArea',
    "Does the victim live in the council's area?",
    'the victim lives in the area',
    'the victim does not live in the area',
  ),
  yesNo(
    'household.wishesToRemain',
    'Does the victim want to stay in their home?',
    'the victim wants to stay',
    'the victim does not want to stay',
  ),
  yesNo(
    'household.intendsToRemain',
    'Does the victim intend to stay for the foreseeable future?',
    'the victim intends to stay for the foreseeable future',
    'the victim does not intend to stay',
  ),
  yesNo(
    'household.agreesToWorks',
    'Does the victim agree to the works?',
    'the victim agrees to the works',
    'the victim does not agree to the works',
  ),
  yesNo(
    'household.threatenedWithHomelessness',
    'Without the works, is the victim likely to become homeless?',
    'the victim would otherwise be threatened with homelessness',
    'the victim is not threatened with homelessness',
  ),
  yesNo(
    'household.receivingSupport',
    'Is the victim receiving support?',
    'the victim is receiving support',
    'the victim is not receiving support',
    'For example, from a domestic abuse service.',
  ),
  yesNo(
    'household.agreesToWorkWithHousingOptions',
    'Does the victim agree to work with the housing options team to prevent homelessness?',
    'the victim agrees to work with housing options',
    'the victim does not agree to work with housing options',
  ),
  yesNo(
    'perpetrator.livesAtProperty',
    'Does the perpetrator live at the property?',
    'the perpetrator lives at the property',
    'the perpetrator does not live at the property',
  ),
  yesNo(
    'perpetrator.hasRightToOccupy',
    'Does the perpetrator have a legal right to occupy or enter the property?',
    'the perpetrator has a right to occupy the property',
    'the perpetrator has no right to occupy the property',
  ),
  choice('property.tenure', "What is the victim's tenure?", 'the tenure is'),
  yesNo(
    'property.rightToOccupy',
    'Does the victim have the right to occupy the property as its sole owner or tenant?',
    'the victim has the right to occupy as sole owner or tenant',
    'the victim has no right to occupy as sole owner or tenant',
  ),
  yesNo(
    'property.jointTenancy',
    'Is the tenancy a joint tenancy?',
    'the tenancy is joint',
    'the tenancy is not joint',
    'For example, held jointly with the perpetrator.',
  ),
  choice(
    'property.landlordPermission',
    'Has the landlord given permission for the works?',
    'landlord permission is',
  ),
  yesNo(
    'property.landlordHasOwnScheme',
    "Does the victim's landlord run its own sanctuary scheme?",
    'the landlord runs its own sanctuary scheme',
    'the landlord runs no sanctuary scheme of its own',
  ),
  choice('property.type', 'What type of property is it?', 'the property type is'),
  yesNo(
    'assessment.safeToRemainWithMeasures',
    'Has the assessment found it safe for the victim to stay, with the security measures?',
    'it is safe to stay with the measures',
    'it is not safe to stay with the measures',
  ),
  {
    path: 'assessment.recommendedMeasures',
    section: 'assessment',
    text: 'Which measures did the assessment recommend?',
    hint: 'Select all that apply.',
    widget: 'checkboxes',
    domain: domainOf('assessment.recommendedMeasures'),
    says: (v) => `the assessment recommends ${valuePhrase(String(v))}`,
    revealedBy: 'measuresRecommended',
  },
  {
    path: 'assessment.worksCostGBP',
    section: 'assessment',
    text: 'What is the quoted cost of the works?',
    hint: 'In pounds. Leave blank if there is no quote yet.',
    widget: 'number',
    domain: domainOf('assessment.worksCostGBP'),
    says: (v) => `the works cost ${poundsText(Number(v))}`,
    clause: 'the cost of the works in pounds is',
    invalidText: 'Enter the cost of the works in pounds, from 0 to 1,000,000',
  },
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

/** "Does the victim live in the council's area?" for a path, or the path itself when no question asks it. */
export const questionText = (path: string) => questionByPath.get(path)?.text ?? path;

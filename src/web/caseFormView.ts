// The check-a-case form as the templates draw it: each question with its choices, its answer so far and its
// error, grouped into the form's sections. The templates only lay this out.
import {
  caseQuestions,
  optionsOf,
  questionWords,
  sections,
  type Question,
  type RevealQuestion,
} from './caseQuestions';
import { asOfParts, fieldId, type FieldError } from './caseForm';
import type { Language } from '../messages/messages';
import { pageWords } from './pageLanguage';

// Read here by the result page and "what would change" as well as the form.

export type FormValues = Record<string, string | string[]>;

interface Option {
  value: string;
  text: string;
  checked: boolean;
}

export interface FieldView {
  name: string;
  id: string;
  text: string;
  hint: string | null;
  widget: Question['widget'];
  inline: boolean;
  options: Option[];
  /** The choices as GOV.UK Frontend's radios, select or checkboxes take them, with "Not known" where it applies. */
  items: Record<string, unknown>[];
  value: string;
  error: { text: string } | null;
  /** The form-only yes/no question this field is revealed by, with its answer. */
  reveal: { name: string; id: string; text: string; yes: boolean; no: boolean } | null;
}

export interface CaseFormView {
  sections: { id: string; title: string; fields: FieldView[] }[];
  asOf: { day: string; month: string; year: string; error: { text: string } | null };
}

const single = (value: string | string[] | undefined) =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '');

function fieldView(
  question: Question,
  values: FormValues,
  errors: ReadonlyMap<string, FieldError>,
  measureLabel: (id: string) => string,
  language: Language,
): FieldView {
  const t = pageWords(language);
  const words = questionWords(question.path, language);
  const given = values[question.path];
  const chosen = new Set(Array.isArray(given) ? given : given ? [given] : []);
  const options = optionsOf(question, measureLabel, language).map((o) => ({
    ...o,
    checked: chosen.has(o.value),
  }));
  const error = errors.get(question.path);
  const revealName = question.revealedBy as RevealQuestion | undefined;
  const notKnown = { value: '', text: t('form.notKnown') };
  const items =
    question.widget === 'select'
      ? [
          { ...notKnown, selected: chosen.size === 0 },
          ...options.map(({ value, text, checked }) => ({ value, text, selected: checked })),
        ]
      : question.widget === 'radios'
        ? [...options, notKnown]
        : options;
  return {
    name: question.path,
    id: fieldId(question.path),
    text: words.text,
    hint: words.hint,
    widget: question.widget,
    inline: question.inline ?? false,
    options,
    items,
    value: single(given),
    error: error ? { text: error.text } : null,
    reveal: revealName
      ? {
          name: revealName,
          id: fieldId(revealName),
          text: questionWords(revealName, language).text,
          yes: single(values[revealName]) === 'yes',
          no: single(values[revealName]) === 'no',
        }
      : null,
  };
}

export function caseFormView(
  values: FormValues,
  errors: ReadonlyMap<string, FieldError>,
  measureLabel: (id: string) => string,
  language: Language = 'en',
): CaseFormView {
  const [day, month, year] = asOfParts.map((name) => single(values[name]));
  const asOfError = errors.get('asOf');
  return {
    sections: sections.map((section) => ({
      id: section.id,
      title: pageWords(language)(`section.${section.id}`),
      fields: caseQuestions
        .filter((q) => q.section === section.id)
        .map((q) => fieldView(q, values, errors, measureLabel, language)),
    })),
    asOf: { day: day!, month: month!, year: year!, error: asOfError ? { text: asOfError.text } : null },
  };
}

/** The answers as hidden fields, so "change your answers" and "compare" can carry the case on without storing it. */
export function hiddenFields(values: FormValues): { name: string; value: string }[] {
  return Object.entries(values).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).filter((v) => v !== '').map((v) => ({ name, value: v })),
  );
}

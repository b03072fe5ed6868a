// The case as entered, question by question, for the top of the result page: what the decision was made on.
import type { Case } from '../contract/apiTypes';
import { caseQuestions } from './caseQuestions';
import type { Language } from '../messages/messages';
import { questionWords } from './caseQuestions';
import { poundsText, valueLabel } from './labels';
import { numberFormats, pageWords } from './pageLanguage';
import { readFact } from './whatWouldChange';

export interface AnsweredQuestion {
  question: string;
  answer: string;
}

/** An answer's number as typed: a count or a score, never grouped ("2026", not "2,026"). */
const plainNumbers = numberFormats({ useGrouping: false });

function answerText(
  value: unknown,
  measureLabel: (id: string) => string,
  isMoney: boolean,
  language: Language,
): string {
  const t = pageWords(language);
  if (value === true) return t('common.yes');
  if (value === false) return t('common.no');
  if (Array.isArray(value)) return value.map((v) => measureLabel(String(v))).join(', ');
  if (typeof value === 'number')
    return isMoney ? poundsText(value, language)! : plainNumbers[language].format(value);
  return valueLabel(String(value), language);
}

/** Only the questions answered: a fact left out is "not known", and the decision says what it needed. */
export function caseSummary(
  caseFacts: Case,
  measureLabel: (id: string) => string,
  language: Language = 'en',
): AnsweredQuestion[] {
  return caseQuestions.flatMap((q) => {
    const value = readFact(caseFacts, q.path);
    if (value === undefined) return [];
    return [
      {
        question: questionWords(q.path, language).text,
        answer: answerText(value, measureLabel, q.path === 'assessment.worksCostGBP', language),
      },
    ];
  });
}

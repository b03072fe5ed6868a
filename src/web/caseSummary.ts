// The case as entered, question by question, for the top of the result page: what the decision was made on.
import type { Case } from '../contract/apiTypes';
import { caseQuestions } from './caseQuestions';
import { poundsText, valueLabel } from './labels';
import { readFact } from './whatWouldChange';

export interface AnsweredQuestion {
  question: string;
  answer: string;
}

function answerText(value: unknown, measureLabel: (id: string) => string, isMoney: boolean): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  if (Array.isArray(value)) return value.map((v) => measureLabel(String(v))).join(', ');
  if (typeof value === 'number') return isMoney ? poundsText(value)! : String(value);
  return valueLabel(String(value));
}

/** Only the questions answered: a fact left out is "not known", and the decision says what it needed. */
export function caseSummary(caseFacts: Case, measureLabel: (id: string) => string): AnsweredQuestion[] {
  return caseQuestions.flatMap((q) => {
    const value = readFact(caseFacts, q.path);
    if (value === undefined) return [];
    return [
      { question: q.text, answer: answerText(value, measureLabel, q.path === 'assessment.worksCostGBP') },
    ];
  });
}

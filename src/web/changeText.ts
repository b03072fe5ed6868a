// "What would change the outcome" in words: ways that differ only in one fact's value are told as one, so
// "the referral is made by police, MARAC or IDVA" rather than three lines.
import type { Case } from '../contract/apiTypes';
import type { Scalar } from '../generated/pack';
import type { Language } from '../messages/messages';
import { questionWords } from './caseQuestions';
import { optionsOf, questionByPath } from './caseQuestions';
import { valuePhrase } from './labels';
import { countText, eitherText, pageWords } from './pageLanguage';
import { readFact, type FactChange, type Variations } from './whatWouldChange';

interface Group {
  fixed: FactChange[];
  /** Where the varying fact stands among the changes, so a line keeps the order the facts are asked in. */
  at: number;
  path: string;
  values: Scalar[];
}

/**
 * Ways told as few lines as possible: repeatedly take the largest set of ways that differ only in one fact's
 * value (whichever fact that is), and tell it as one line. Lines keep the order the ways were found in.
 */
function groups(ways: readonly FactChange[][]): Group[] {
  const remaining = new Set(ways.keys());
  const found: { group: Group; first: number }[] = [];
  while (remaining.size) {
    const candidates = new Map<string, { group: Group; members: number[] }>();
    for (const i of remaining) {
      ways[i]!.forEach((varying, at) => {
        const fixed = ways[i]!.filter((_, j) => j !== at);
        const key = JSON.stringify([fixed, varying.path]);
        const candidate = candidates.get(key) ?? {
          group: { fixed, at, path: varying.path, values: [] },
          members: [],
        };
        candidate.group.values.push(varying.value);
        candidate.members.push(i);
        candidates.set(key, candidate);
      });
    }
    const best = [...candidates.values()].reduce((a, b) => (b.members.length > a.members.length ? b : a));
    best.members.forEach((i) => remaining.delete(i));
    found.push({ group: best.group, first: Math.min(...best.members) });
  }
  return found.sort((a, b) => a.first - b.first).map((f) => f.group);
}

const either = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : items[0]!;

/** Number values that pass, as a range where they are all the candidates from one end: "at least 14". */
function numberRange(values: Scalar[], candidates: readonly Scalar[]): string | null {
  const passing = new Set(values);
  const sorted = [...candidates].sort((a, b) => Number(a) - Number(b));
  const firstPass = sorted.findIndex((v) => passing.has(v));
  const lastPass = sorted.length - 1 - [...sorted].reverse().findIndex((v) => passing.has(v));
  if (sorted.slice(firstPass).every((v) => passing.has(v))) return `at least ${String(sorted[firstPass])}`;
  if (sorted.slice(0, lastPass + 1).every((v) => passing.has(v)))
    return `at most ${String(sorted[lastPass])}`;
  return null;
}

function clause(path: string, values: Scalar[], candidates: readonly Scalar[], current: unknown): string {
  const question = questionByPath.get(path);
  if (!question) return `${path} is ${either(values.map(String))}`;
  // Every value tried works: what matters is that the question is answered at all.
  if (values.length > 1 && candidates.every((v) => values.includes(v)))
    return `the question "${question.text}" is answered`;
  // Every value but the one given works: "landlord permission is not refused".
  const allButCurrent = candidates.every((v) => values.includes(v) || v === current);
  if (values.length > 1 && allButCurrent && question.clause?.endsWith(' is') && typeof current === 'string')
    return `${question.clause} not ${valuePhrase(current)}`;
  const isNumber = question.domain.kind === 'integer' || question.domain.kind === 'number';
  const range = isNumber && values.length > 1 ? numberRange(values, candidates) : null;
  if (range && question.clause) return `${question.clause} ${range}`;
  if (question.clause && !isNumber)
    return `${question.clause} ${either(values.map((v) => valuePhrase(String(v))))}`;
  return either(values.map((v) => question.says(v)));
}

/** Each way to eligibility as a clause to follow "eligible if", e.g. "landlord permission is granted". */
export function describeWays(
  ways: readonly FactChange[][],
  variations: Variations,
  caseFacts: Case,
): string[] {
  const say = (path: string, values: Scalar[]) =>
    clause(path, values, variations.get(path) ?? [], readFact(caseFacts, path));
  return groups(ways).map(({ fixed, at, path, values }) => {
    const clauses = fixed.map((change) => say(change.path, [change.value]));
    clauses.splice(at, 0, say(path, values));
    return clauses.join(' and ');
  });
}

/**
 * The same ways in Welsh, told by the form's own questions and answers rather than English clause grammar:
 * "mai ‘Tenant y cyngor’ yw’r ateb i “Beth yw deiliadaeth y dioddefwr?”", joined with "ac", to follow "Cymwys os".
 * An identification sentence (mai … yw …) takes the answers as the form words them, with no mutation to make.
 */
export function describeWaysInWelsh(
  ways: readonly FactChange[][],
  variations: Variations,
  caseFacts: Case,
  measureLabel: (id: string) => string,
): string[] {
  const language: Language = 'cy';
  const t = pageWords(language);
  const answerOf = (path: string, value: Scalar) => {
    const question = questionByPath.get(path);
    const option =
      question && optionsOf(question, measureLabel, language).find((o) => o.value === String(value));
    return `‘${option?.text ?? (typeof value === 'number' ? countText(value, language) : String(value))}’`;
  };
  const say = (path: string, values: Scalar[]) => {
    const candidates = variations.get(path) ?? [];
    const current = readFact(caseFacts, path);
    const question = questionWords(path, language).text;
    const kind = questionByPath.get(path)?.domain.kind;
    if (values.length > 1 && candidates.every((v) => values.includes(v)))
      return t('change.answered', { question });
    const allButCurrent = candidates.every((v) => values.includes(v) || v === current);
    if (values.length > 1 && allButCurrent && current !== undefined && kind === 'enum')
      return t('change.answerIsNot', { question, answer: answerOf(path, current as Scalar) });
    const range =
      (kind === 'integer' || kind === 'number') && values.length > 1 ? numberRange(values, candidates) : null;
    if (range) {
      const [bound, n] = range.split(/ (?=\S+$)/) as [string, string];
      const key = bound === 'at least' ? 'change.atLeast' : 'change.atMost';
      return t(key, { question, number: countText(Number(n), language) });
    }
    return t('change.answerIs', {
      question,
      answers: eitherText(
        values.map((v) => answerOf(path, v)),
        language,
      ),
    });
  };
  return groups(ways).map(({ fixed, at, path, values }) => {
    const clauses = fixed.map((change) => say(change.path, [change.value]));
    clauses.splice(at, 0, say(path, values));
    return clauses.join(t('change.and'));
  });
}

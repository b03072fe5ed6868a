// "What would change the outcome" in words: ways that differ only in one fact's value are told as one, so
// "the referral is made by police, MARAC or IDVA" rather than three lines.
import type { Case } from '../contract/apiTypes';
import type { Scalar } from '../generated/pack';
import type { Language } from '../messages/messages';
import { clauseText, optionsOf, questionByPath, questionWords } from './caseQuestions';
import { answeredText, rangeText } from './decisionTables';
import { valueLabel, valuePhrase } from './labels';
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

/** Where the number values that pass are all the candidates from one end: "at least 14" or "at most 9". */
function numberRange(
  values: Scalar[],
  candidates: readonly Scalar[],
): { min: number } | { max: number } | null {
  const passing = new Set(values);
  const sorted = [...candidates].sort((a, b) => Number(a) - Number(b));
  const firstPass = sorted.findIndex((v) => passing.has(v));
  const lastPass = sorted.length - 1 - [...sorted].reverse().findIndex((v) => passing.has(v));
  if (sorted.slice(firstPass).every((v) => passing.has(v))) return { min: Number(sorted[firstPass]) };
  if (sorted.slice(0, lastPass + 1).every((v) => passing.has(v))) return { max: Number(sorted[lastPass]) };
  return null;
}

/**
 * An answer in a clause: English runs it into the sentence ("private rented"); Welsh quotes the form's own
 * words for it (‘Rhentu preifat’, ‘27’), so an identification sentence takes it with no mutation to make.
 */
function formAnswer(path: string, value: Scalar, language: Language, measureLabel: (id: string) => string) {
  if (language === 'en') return valuePhrase(String(value));
  const question = questionByPath.get(path);
  const option =
    question && optionsOf(question, measureLabel, language).find((o) => o.value === String(value));
  return `‘${option?.text ?? (typeof value === 'number' ? countText(value, language) : String(value))}’`;
}

/**
 * English says "is not" of a fact told as "… is …" ("landlord permission is not refused"); of a fact told
 * otherwise ("the referral is made by …") it names the answers that work. Welsh says "nad … yw’r ateb" of any.
 */
const saysIsNot = (path: string, language: Language) =>
  language === 'cy' || (clauseText(path, 'is', { answers: '' })?.endsWith(' is ') ?? false);

/** One fact's values that work, as a clause: "the tenure is council tenant or owner-occupier". */
function clause(
  path: string,
  values: Scalar[],
  candidates: readonly Scalar[],
  current: unknown,
  language: Language,
  measureLabel: (id: string) => string,
): string {
  const question = questionByPath.get(path);
  const kind = question?.domain.kind;
  const answers = (values: Scalar[]) =>
    eitherText(
      values.map((v) => formAnswer(path, v, language, measureLabel)),
      language,
    );
  // Every value tried works: what matters is that the question is answered at all.
  if (values.length > 1 && candidates.every((v) => values.includes(v)))
    return pageWords(language)('change.answered', { question: questionWords(path, language).text });
  // Every value but the one given works: "landlord permission is not refused".
  const allButCurrent = candidates.every((v) => values.includes(v) || v === current);
  const isEnum = kind === 'enum' && typeof current === 'string';
  if (values.length > 1 && allButCurrent && isEnum && saysIsNot(path, language))
    return answeredText(path, answers([current]), language, 'isNot');
  const isNumber = kind === 'integer' || kind === 'number';
  const range = isNumber && values.length > 1 ? numberRange(values, candidates) : null;
  if (range) return answeredText(path, rangeText(range, language), language);
  // English says a yes/no or a number by its own clause: "the victim lives in the area", "the works cost £1,500".
  if (language === 'en' && question && kind !== 'enum')
    return eitherText(
      values.map((v) => question.says(v)),
      'en',
    );
  return answeredText(path, answers(values), language);
}

/**
 * Each way to eligibility as a clause to follow "eligible if" ("Cymwys os"), e.g. "landlord permission is
 * granted"; in Welsh by the form's own questions and answers, "mai ‘Tenant y cyngor’ yw’r ateb i “Beth yw
 * deiliadaeth y dioddefwr?”", as the printed tables say their conditions.
 */
export function describeWays(
  ways: readonly FactChange[][],
  variations: Variations,
  caseFacts: Case,
  language: Language = 'en',
  measureLabel: (id: string) => string = valueLabel,
): string[] {
  const say = (path: string, values: Scalar[]) =>
    clause(path, values, variations.get(path) ?? [], readFact(caseFacts, path), language, measureLabel);
  return groups(ways).map(({ fixed, at, path, values }) => {
    const clauses = fixed.map((change) => say(change.path, [change.value]));
    clauses.splice(at, 0, say(path, values));
    return clauses.join(pageWords(language)('change.and'));
  });
}

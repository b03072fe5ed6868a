// A row whose reason code or text says the opposite of its value: "tenure-covered" on a row that is
// `covered: false`, say, left behind by an edit of the value alone. The decision would then tell the case system
// one thing with its outcome and the opposite with its reason. Kept narrow, so that it never cries wolf.
import type { RulePack } from '../generated/pack';
import { pointerOf, type PackProblem } from './problems';

type Verdict = boolean | 'open' | 'not-stated';

interface Wording {
  table: 'tenureCoverage' | 'referralRoutes';
  field: 'covered' | 'accepted';
  /** The word that says yes, as a code ends with it ("tenure-covered") or a text states it ("are covered"). */
  word: string;
}

const wordings: readonly Wording[] = [
  { table: 'tenureCoverage', field: 'covered', word: 'covered' },
  { table: 'referralRoutes', field: 'accepted', word: 'accepted' },
];

/** What the code and text say, as far as they plainly say it: yes, no, or nothing. */
function said(code: string, text: string, word: string): boolean | null {
  if (code.endsWith(`not-${word}`)) return false;
  if (code.endsWith(`-${word}`) || code === word) return true;
  const plain = new RegExp(`\\b(is|are) ${word}\\b`, 'i');
  const negated = new RegExp(`\\b(is|are) not ${word}\\b`, 'i');
  if (negated.test(text)) return false;
  if (plain.test(text)) return true;
  return null;
}

export function wordingProblems(pack: RulePack, file: string): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const { table, field, word } of wordings) {
    pack.tables[table].rows.forEach((row, i) => {
      const then = row.then as { code: string; text: string } & Record<string, Verdict>;
      const value = then[field];
      if (typeof value !== 'boolean') return;
      const says = said(then.code, then.text, word);
      if (says === null || says === value) return;
      problems.push({
        file,
        table,
        row: row.id,
        pointer: pointerOf('tables', table, 'rows', i, 'then'),
        severity: 'warning',
        message:
          `${field} is ${String(value)}, but the reason says the opposite ` +
          `(code "${then.code}", text "${then.text.slice(0, 60)}${then.text.length > 60 ? '…' : ''}"): change the code and text with the value`,
      });
    });
  }
  return problems;
}

// What the tables found about a case, gathered in one place so the outcome can be decided by precedence.
import type { Reason } from '../contract/apiTypes';
import { sharedPart } from './sharedParts';
import { inEnglish, message, sameText, textsOf, withTexts, type Text } from './wording';

interface RowRef {
  readonly ruleId: string;
  readonly citation: string;
}

/** A reason's citation: the row's, in words, or the service's own (a row that is missing). */
export interface CitedRow {
  readonly ruleId: string;
  readonly citation: Text;
}

export class Findings {
  readonly reasons: Reason[] = [];
  readonly missingFacts: string[] = [];
  failed = false;
  /** The policy documents leave something the decision needs open: the outcome cannot be `eligible`. */
  unspecified = false;

  private add(row: RowRef | CitedRow, code: string, text: Text, effect: Reason['effect']) {
    // Shared per row: the same row gives the same few reasons to every decision. The part holds the English;
    // where its words come from is kept beside it, for the Welsh.
    this.reasons.push(
      sharedPart(
        row,
        code,
        () =>
          withTexts(
            { code, text: inEnglish(text), rule: row.ruleId, source: inEnglish(row.citation), effect },
            typeof row.citation === 'string' ? { text } : { text, source: row.citation },
          ),
        // A pack's text is the same text when its English is (the row and the code are already the same).
        (reason) =>
          reason.effect === effect &&
          (typeof text !== 'string' && text.kind === 'pack'
            ? reason.text === text.english
            : sameText(textsOf(reason)?.text, text)),
      ),
    );
  }

  met(row: RowRef, code: string, text: Text) {
    this.add(row, code, text, 'met');
  }

  fail(row: RowRef, code: string, text: Text) {
    this.failed = true;
    this.add(row, code, text, 'failed');
  }

  /** The document sets no condition on this fact: said, so an officer can confirm it, but it decides nothing. */
  notStated(row: RowRef, code: string, text: Text) {
    this.add(row, code, text, 'not-stated');
  }

  /** The document's own list leaves this case out without excluding it: the outcome is unknown. */
  notSpecified(row: RowRef | CitedRow, code: string, text: Text) {
    this.unspecified = true;
    this.add(row, code, text, 'unspecified');
  }

  info(row: RowRef, code: string, text: Text) {
    this.add(row, code, text, 'info');
  }

  need(row: RowRef, code: string, text: Text, paths: readonly string[]) {
    for (const path of paths) if (!this.missingFacts.includes(path)) this.missingFacts.push(path);
    this.add(row, code, message('reason.needs-facts', { text, facts: paths.join(', ') }), 'missing');
  }
}

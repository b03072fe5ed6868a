// What the tables found about a case, gathered in one place so the outcome can be decided by precedence.
import type { Reason } from '../contract/apiTypes';
import { sharedPart } from './sharedParts';

interface RowRef {
  readonly ruleId: string;
  readonly citation: string;
}

export class Findings {
  readonly reasons: Reason[] = [];
  readonly missingFacts: string[] = [];
  failed = false;
  /** The policy documents leave something the decision needs open: the outcome cannot be `eligible`. */
  unspecified = false;

  private add(row: RowRef, code: string, text: string, effect: Reason['effect']) {
    // Shared per row: the same row gives the same few reasons to every decision.
    this.reasons.push(
      sharedPart(
        row,
        code,
        () => ({ code, text, rule: row.ruleId, source: row.citation, effect }),
        (reason) => reason.effect === effect && reason.text === text,
      ),
    );
  }

  met(row: RowRef, code: string, text: string) {
    this.add(row, code, text, 'met');
  }

  fail(row: RowRef, code: string, text: string) {
    this.failed = true;
    this.add(row, code, text, 'failed');
  }

  /** The document sets no condition on this fact: said, so an officer can confirm it, but it decides nothing. */
  notStated(row: RowRef, code: string, text: string) {
    this.add(row, code, text, 'not-stated');
  }

  /** The document's own list leaves this case out without excluding it: the outcome is unknown. */
  notSpecified(row: RowRef, code: string, text: string) {
    this.unspecified = true;
    this.add(row, code, text, 'unspecified');
  }

  info(row: RowRef, code: string, text: string) {
    this.add(row, code, text, 'info');
  }

  need(row: RowRef, code: string, text: string, paths: readonly string[]) {
    for (const path of paths) if (!this.missingFacts.includes(path)) this.missingFacts.push(path);
    this.add(row, code, `${text} (needs ${paths.join(', ')})`, 'missing');
  }
}

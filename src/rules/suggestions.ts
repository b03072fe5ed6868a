// "Did you mean": the known name closest to one that is not known, offered only when it is close enough to be
// a slip of the keyboard, so that a name that is simply wrong never gets a misleading guess.
import { distance } from 'fastest-levenshtein';

/** How many edits still read as a typo: a few for a long name, at most one less than the word's length. */
const tolerance = (word: string) => Math.min(Math.max(2, Math.floor(word.length / 3)), word.length - 1);

/** The candidate nearest to `word` (case aside), or null when none is near enough or `word` is itself known. */
export function closestName(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) return null;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= tolerance(word) ? best : null;
}

/** ` (did you mean "x"?)` to put after a message about an unknown name, or "" when there is no near name. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const near = closestName(word, candidates);
  return near === null ? '' : ` (did you mean "${near}"?)`;
}

// The one way a problem is written, wherever a person reads it (check, import, the reload log, the staff pages):
// `file  place  severity: message`, the place being what a person looks for (the workbook cell, else the table,
// row id and 1-based row number, else the field).
import { pointerInWords, rowNumber } from './problemLocation';
import type { CellPlace, PackProblem } from './problems';

/** The cell, and its value unless the message already quotes it. */
function cellPlace({ sheet, row, column, value }: CellPlace, message: string): string {
  const place = `"${sheet}" row ${row}, column "${column}"`;
  if (value !== '' && message.includes(`"${value}"`)) return place;
  return `${place} (${value === '' ? 'empty' : `"${value}"`})`;
}

/** `tenureCoverage/private-rented (row 3)`, `"Tenure" row 9, column "Covered" ("Maybe")`, `sources #2 › file`, or `-`. */
export function problemPlace(problem: PackProblem): string {
  if (problem.cell) return cellPlace(problem.cell, problem.message);
  const number = rowNumber(problem.pointer);
  if (problem.table) {
    const named = problem.row ? `${problem.table}/${problem.row}` : problem.table;
    return number === null ? named : `${named} (row ${number})`;
  }
  return pointerInWords(problem.pointer) || '-';
}

/** A problem as separate fields in the same words, for a page or a structured log that lays them out itself. */
export const problemFields = (problem: PackProblem) => ({
  place: problemPlace(problem),
  severity: problem.severity,
  message: problem.message,
  pointer: problem.pointer,
});

/** `authorities/dartford.json  tenureCoverage/private-rented (row 3)  error: <message>`. */
export function formatProblem(problem: PackProblem, placeWidth = 0): string {
  const place = problemPlace(problem).padEnd(placeWidth);
  return `${problem.file}  ${place}  ${problem.severity}: ${problem.message}`;
}

/** The place and message alone, for a sentence that has named the file already. */
export function placeAndMessage(problem: PackProblem): string {
  const place = problemPlace(problem);
  return place === '-' ? problem.message : `${place}: ${problem.message}`;
}

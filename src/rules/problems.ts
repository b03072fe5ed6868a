/** A cell of a workbook, as a spreadsheet shows it: the row counts from 1 and the column is named by its header. */
export interface CellPlace {
  sheet: string;
  row: number;
  column: string;
  value: string;
}

/** One thing wrong with a rule file: where, and what, in plain English. */
export interface PackProblem {
  file: string;
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  table?: string;
  row?: string;
  /** Where a problem found in a workbook is, so that a person can go straight to the cell. */
  cell?: CellPlace;
}

// Many rule checks build pointers beside their problems, so they find the builder here.
export { pointerOf } from '../contract/jsonPointer';

/** One thing wrong with a rule file: where, and what, in plain English. */
export interface PackProblem {
  file: string;
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  table?: string;
  row?: string;
}

export const pointerOf = (...segments: (string | number)[]) =>
  segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

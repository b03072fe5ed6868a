// The representations of the coverage matrix, shared by the command and the HTTP route.
import type { CoverageMatrix } from './coverageMatrix';
import { matrixCsv } from './matrixCsv';
import { matrixHtml } from './matrixHtml';
import { matrixMarkdown } from './matrixMarkdown';

export interface MatrixFormat {
  contentType: string;
  render(matrix: CoverageMatrix): string;
}

export const matrixFormats = {
  json: {
    contentType: 'application/json; charset=utf-8',
    render: (matrix) => `${JSON.stringify(matrix, null, 2)}\n`,
  },
  csv: { contentType: 'text/csv; charset=utf-8', render: matrixCsv },
  md: { contentType: 'text/markdown; charset=utf-8', render: matrixMarkdown },
  html: { contentType: 'text/html; charset=utf-8', render: matrixHtml },
} satisfies Record<string, MatrixFormat>;

export type MatrixFormatName = keyof typeof matrixFormats;

export const isMatrixFormat = (name: string): name is MatrixFormatName => Object.hasOwn(matrixFormats, name);

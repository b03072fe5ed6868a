// GET /v1/reports/coverage-matrix: the coverage matrix ("postcode lottery") report, as JSON or as text.
import { Router } from 'express';
import { coverageMatrixFor, type CoverageMatrix } from '../../reports/coverageMatrix';
import { isIsoDate } from '../../reports/isoDate';
import { isMatrixFormat, matrixFormats, type MatrixFormatName } from '../../reports/matrixFormats';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { HttpProblem, problem } from '../problem';
import { requireReady } from './requireReady';

/** A query parameter given once, as text (a repeated one arrives as an array). */
function queryText(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new HttpProblem(problem(400, `Give "${name}" once, as text.`));
}

// Each format's text (JSON compact, as res.json sent it), once per matrix (itself kept per rule store and day), so a repeat costs a lookup.
const rendered = new WeakMap<CoverageMatrix, Map<MatrixFormatName, string>>();

function textOf(matrix: CoverageMatrix, format: MatrixFormatName): string {
  const texts = rendered.get(matrix) ?? new Map<MatrixFormatName, string>();
  rendered.set(matrix, texts);
  let text = texts.get(format);
  if (text === undefined) {
    text = format === 'json' ? JSON.stringify(matrix) : matrixFormats[format].render(matrix);
    texts.set(format, text);
  }
  return text;
}

export function reportsRouter(rules: RuleService, clock: Clock): Router {
  const router = Router();
  router.get('/v1/reports/coverage-matrix', requireReady(rules), (req, res) => {
    const format = queryText(req.query.format, 'format') ?? 'json';
    if (!isMatrixFormat(format))
      throw new HttpProblem(
        problem(400, `"format" must be one of: ${Object.keys(matrixFormats).join(', ')}.`),
      );
    const asOf = queryText(req.query.asOf, 'asOf') ?? clock.today();
    if (!isIsoDate(asOf)) throw new HttpProblem(problem(400, '"asOf" must be a date as YYYY-MM-DD.'));
    const matrix = coverageMatrixFor(rules.current()!, asOf);
    res.type(matrixFormats[format].contentType).send(textOf(matrix, format));
  });
  return router;
}

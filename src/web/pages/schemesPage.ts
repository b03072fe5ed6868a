// GET /: every authority's scheme, filterable by nation and tenure with a plain GET form (no JavaScript needed).
import type { RequestHandler } from 'express';
import type nunjucks from 'nunjucks';
import { componentSchema } from '../../contract/openapi';
import { coverageMatrixFor } from '../../reports/coverageMatrix';
import { baseCase, tenures } from '../../reports/standardCase';
import type { RuleStore } from '../../rules/loadRules';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { valueLabel } from '../labels';
import { filterSchemes, schemeRows, type SchemeRow } from '../schemeSummary';
import { authoritiesByName } from './catalogue';
import { renderPage, storeOrUnavailable } from './render';

const nations = componentSchema('Nation').enum as string[];

/** A query value from a known list, else no filter: a hand-edited URL shows every scheme, never an error. */
function oneOf(value: unknown, allowed: readonly string[]): string {
  return typeof value === 'string' && allowed.includes(value) ? value : '';
}

// The rows depend only on the packs in force: worked out once per rule store and day, not on every request.
const cache = new WeakMap<RuleStore, { today: string; rows: SchemeRow[] }>();

function rowsFor(store: RuleStore, today: string): SchemeRow[] {
  const cached = cache.get(store);
  if (cached?.today === today) return cached.rows;
  const rows = schemeRows(authoritiesByName(store, today), coverageMatrixFor(store, today));
  cache.set(store, { today, rows });
  return rows;
}

const options = (values: readonly string[], chosen: string, allText: string) => [
  { value: '', text: allText, selected: chosen === '' },
  ...values.map((value) => ({ value, text: valueLabel(value), selected: value === chosen })),
];

export function schemesPage(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return (req, res) => {
    const store = storeOrUnavailable(rules, res, views);
    if (!store) return;
    const filter = { nation: oneOf(req.query.nation, nations), tenure: oneOf(req.query.tenure, tenures) };
    const all = rowsFor(store, clock.today());
    const shown = filterSchemes(all, filter).map((row) => ({
      ...row,
      nation: valueLabel(row.authority.nation),
      tenuresCovered: row.tenuresCovered.map(valueLabel),
      tenuresReferred: row.tenuresReferred.map(valueLabel),
      tenuresOpen: row.tenuresOpen.map(valueLabel),
      tenuresNotCovered: row.tenuresNotCovered.map(valueLabel),
      riskLevelsAccepted: row.riskLevelsAccepted.map(valueLabel),
    }));
    renderPage(res, views, 'schemes.njk', {
      pageTitle: 'Sanctuary schemes by council',
      section: 'schemes',
      rows: shown,
      total: all.length,
      filtered: Boolean(filter.nation || filter.tenure),
      nationOptions: options(nations, filter.nation, 'All nations'),
      tenureOptions: options(tenures, filter.tenure, 'Any tenure'),
      asOf: clock.today(),
      baseCaseDescription: baseCase.description,
    });
  };
}

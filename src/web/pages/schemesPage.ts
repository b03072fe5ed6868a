// GET /: every authority's scheme, filterable by nation and tenure with a plain GET form (no JavaScript needed).
import type { RequestHandler } from 'express';
import type nunjucks from 'nunjucks';
import { componentSchema } from '../../contract/openapi';
import { coverageMatrixFor } from '../../reports/coverageMatrix';
import { tenures } from '../../reports/standardCase';
import { currentPack, type RuleStore } from '../../rules/loadRules';
import { packWelsh, rowWelsh, welshTextOf } from '../../rules/welshTexts';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import type { Language } from '../../messages/messages';
import { valueLabel } from '../labels';
import { packWords } from '../packWords';
import { countText, dateText, pageWords, requestLanguage } from '../pageLanguage';
import { filterSchemes, schemeRows, type ResponseWelsh, type SchemeRow } from '../schemeSummary';
import { authoritiesByName } from './catalogue';
import { renderPage, storeOrUnavailable } from './render';

const nations = componentSchema('Nation').enum as string[];

/** A query value from a known list, else no filter: a hand-edited URL shows every scheme, never an error. */
function oneOf(value: unknown, allowed: readonly string[]): string {
  return typeof value === 'string' && allowed.includes(value) ? value : '';
}

/** The scheme's name and who runs it, in the council's Welsh on a Welsh page where the pack has it. */
function schemeWords(store: RuleStore, authorityId: string, today: string, language: Language) {
  const pack = currentPack(store, authorityId, today)?.pack;
  const cy = pack && packWelsh(pack);
  const words = (english: string | null | undefined, field: 'scheme.name' | 'scheme.runBy') => {
    if (!english) return null;
    const welsh = welshTextOf(cy, field);
    return packWords(english, welsh?.text, welsh?.reviewed, language);
  };
  return {
    schemeName: words(pack?.scheme.name, 'scheme.name'),
    runBy: words(pack?.scheme.runBy, 'scheme.runBy'),
  };
}

type ShownRow = SchemeRow & ReturnType<typeof schemeWords>;

// The rows depend only on the packs in force: worked out once per rule store, day and language.
const cache = new WeakMap<RuleStore, { today: string; rows: Partial<Record<Language, ShownRow[]>> }>();

function rowsFor(store: RuleStore, today: string, language: Language): ShownRow[] {
  const cached = cache.get(store)?.today === today ? cache.get(store)! : { today, rows: {} };
  cached.rows[language] ??= schemeRows(
    authoritiesByName(store, today, language),
    coverageMatrixFor(store, today),
    language,
    responseWelsh(store, today),
  ).map((row) => ({ ...row, ...schemeWords(store, row.authority.id, today, language) }));
  cache.set(store, cached);
  return cached.rows[language];
}

// Labelling every row took longer than rendering the page: each row labelled once (rows are per language).
const labelled = new WeakMap<ShownRow, ReturnType<typeof labelRow>>();

function labelRow(row: ShownRow, language: Language) {
  const label = (value: string) => valueLabel(value, language);
  return {
    ...row,
    nation: label(row.authority.nation),
    tenuresCovered: row.tenuresCovered.map(label),
    tenuresReferred: row.tenuresReferred.map(label),
    tenuresOpen: row.tenuresOpen.map(label),
    tenuresNotCovered: row.tenuresNotCovered.map(label),
    riskLevelsAccepted: row.riskLevelsAccepted.map(label),
  };
}

function labelledRow(row: ShownRow, language: Language) {
  let shown = labelled.get(row);
  if (!shown) labelled.set(row, (shown = labelRow(row, language)));
  return shown;
}

/** A response label's Welsh: the `cy.label` of the authority's response row with that English label. */
const responseWelsh =
  (store: RuleStore, today: string): ResponseWelsh =>
  (authorityId, label) => {
    const rows = currentPack(store, authorityId, today)?.pack.tables.response?.rows ?? [];
    return rows
      .filter((row) => row.then.label === label)
      .map((row) => welshTextOf(rowWelsh(row), 'label'))
      .find((welsh) => welsh !== undefined);
  };

const options = (values: readonly string[], chosen: string, allText: string, language: Language) => [
  { value: '', text: allText, selected: chosen === '' },
  ...values.map((value) => ({ value, text: valueLabel(value, language), selected: value === chosen })),
];

export function schemesPage(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return (req, res) => {
    const store = storeOrUnavailable(rules, res, views);
    if (!store) return;
    const filter = { nation: oneOf(req.query.nation, nations), tenure: oneOf(req.query.tenure, tenures) };
    const language = requestLanguage(req);
    const t = pageWords(language);
    const all = rowsFor(store, clock.today(), language);
    const shown = filterSchemes(all, filter).map((row) => labelledRow(row, language));
    renderPage(res, views, 'schemes.njk', {
      pageTitle: t('schemes.title'),
      section: 'schemes',
      rows: shown,
      shownCount: countText(shown.length, language),
      totalCount: countText(all.length, language),
      filtered: Boolean(filter.nation || filter.tenure),
      // One note under the table rather than a tag in every row: unreviewed Welsh is the rule, not the exception.
      unreviewedShown: shown.some((row) =>
        [row.schemeName, row.runBy, ...row.responses].some((words) => words?.unreviewed),
      ),
      nationOptions: options(nations, filter.nation, t('schemes.allNations'), language),
      tenureOptions: options(tenures, filter.tenure, t('schemes.anyTenure'), language),
      asOf: dateText(clock.today(), language),
    });
  };
}

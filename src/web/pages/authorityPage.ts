// GET /authorities/:authorityId: an authority's scheme and its decision tables, as its policy would print them.
import type { RequestHandler } from 'express';
import type nunjucks from 'nunjucks';
import { currentPack } from '../../rules/loadRules';
import { authoritySummary } from '../../services/authoritySummary';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { printedTables, type NationalTables } from '../decisionTables';
import { valueLabel } from '../labels';
import { councilName, packWelsh } from '../packWords';
import { dateText, pageWords, requestLanguage } from '../pageLanguage';
import { sourceHref } from '../sourceDocuments';
import { measureLabeller } from './catalogue';
import { renderNotFound, renderPage, storeOrUnavailable } from './render';

export function authorityPage(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return (req, res) => {
    const store = storeOrUnavailable(rules, res, views);
    if (!store) return;
    const compiled = currentPack(store, String(req.params.authorityId), clock.today());
    const language = requestLanguage(req);
    const t = pageWords(language);
    if (!compiled) return renderNotFound(res, views, t('notFound.noAuthority'));
    const summary = authoritySummary(compiled);
    const defaults = JSON.parse(store.defaultsText) as NationalTables;
    const { pack } = compiled;
    renderPage(res, views, 'authority.njk', {
      pageTitle: councilName(pack, language).text,
      // The pack's own Welsh (name, scheme, description): shown on Welsh pages, marked if unreviewed.
      welsh: packWelsh(pack),
      section: 'schemes',
      authority: summary,
      nation: valueLabel(pack.nation, language),
      date: (isoDate: string | null) => dateText(isoDate, language),
      description: pack.description ?? null,
      schemeQuote: pack.scheme.source.quote ?? null,
      schemeCitation: compiled.schemeCitation,
      sources: pack.sources.map((source) => ({ ...source, href: sourceHref(source.file) })),
      alternatives: (pack.alternatives?.values ?? []).map((value) => valueLabel(value, language)),
      alternativesCitation: compiled.alternativesCitation,
      versions: (store.packs.get(pack.authorityId) ?? []).map((v) => v.ruleSet),
      tables: printedTables(compiled, defaults, measureLabeller(store, language), language),
    });
  };
}

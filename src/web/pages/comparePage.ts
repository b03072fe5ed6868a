// GET and POST /compare: the same case decided by two or three authorities, side by side.
import type { RequestHandler } from 'express';
import type nunjucks from 'nunjucks';
import { packInForce, type RuleStore } from '../../rules/loadRules';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { formValues, type FieldError, type FormBody } from '../caseForm';
import { caseFormView, hiddenFields, type FormValues } from '../caseFormView';
import { compareCases } from '../compareCases';
import { decisionView } from '../decisionView';
import { authoritiesByName, measureLabeller } from './catalogue';
import type { Language } from '../../messages/messages';
import { dateText, pageWords, requestLanguage, twinForm } from '../pageLanguage';
import { renderPage, storeOrUnavailable } from './render';

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );

function renderForm(
  res: Parameters<RequestHandler>[1],
  views: nunjucks.Environment,
  store: RuleStore,
  today: string,
  chosen: string[],
  values: FormValues,
  errors: Map<string, FieldError>,
  language: Language,
) {
  const t = pageWords(language);
  const authoritiesError = errors.get('authorities');
  renderPage(
    res,
    views,
    'compare.njk',
    {
      pageTitle: t('compare.title'),
      section: 'compare',
      authorities: authoritiesByName(store, today, language).map((a) => ({
        value: a.id,
        text: a.shownName.text,
        checked: chosen.includes(a.id),
        // A council with no Welsh name keeps its English one, marked as English.
        ...(a.shownName.lang ? { label: { attributes: { lang: a.shownName.lang } } } : {}),
      })),
      authoritiesError: authoritiesError
        ? { text: authoritiesError.text, visuallyHiddenText: t('govuk.error') }
        : null,
      form: caseFormView(values, errors, measureLabeller(store, language), language),
      errors: [...errors.values()],
    },
    errors.size ? 400 : 200,
  );
}

export function compareForm(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return (req, res) => {
    const store = storeOrUnavailable(rules, res, views);
    if (!store) return;
    renderForm(
      res,
      views,
      store,
      clock.today(),
      list(req.query.authorities),
      {},
      new Map(),
      requestLanguage(req),
    );
  };
}

export function compareSubmit(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return (req, res) => {
    const store = storeOrUnavailable(rules, res, views);
    if (!store) return;
    const body = (req.body ?? {}) as FormBody;
    const language = requestLanguage(req);
    const chosen = list(body.authorities);
    const values = formValues(body);
    if (list(body.action)[0] === 'edit')
      return renderForm(res, views, store, clock.today(), chosen, values, new Map(), language);
    const result = compareCases(store, clock, chosen, body, language);
    if (!result.ok)
      return renderForm(res, views, store, clock.today(), chosen, values, result.errors, language);
    res.locals.decided = result.decisions;
    const measureLabel = measureLabeller(store, language);
    const columns = result.decisions.map((decision) => ({
      view: decisionView(
        decision,
        packInForce(store, decision.authority.id, decision.asOf!)!,
        measureLabel,
        language,
      ),
      // Everything needed to open this authority's full result, carried in the form, not stored.
      hidden: hiddenFields({ ...values, authority: decision.authority.id }),
    }));
    const hidden = hiddenFields({ ...values, authorities: chosen });
    renderPage(res, views, 'compare-result.njk', {
      pageTitle: pageWords(language)('compare.resultTitle', {
        names: columns.map((c) => c.view.decision.authority.name).join(', '),
      }),
      date: (isoDate: string) => dateText(isoDate, language),
      section: 'compare',
      columns,
      hidden,
      twinForm: twinForm('/compare', language, hidden),
    });
  };
}

// GET and POST /check: the check-a-case form and its result. The result is rendered straight from the POST, so
// the case is never put in a URL, a session or a log; "change your answers" posts the answers back as hidden fields.
import type { RequestHandler } from 'express';
import type nunjucks from 'nunjucks';
import type { RuleStore } from '../../rules/loadRules';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { caseFromForm, formValues, type FieldError, type FormBody } from '../caseForm';
import { caseFormView, hiddenFields, type FormValues } from '../caseFormView';
import { caseSummary } from '../caseSummary';
import { checkCase } from '../checkCase';
import { decisionView } from '../decisionView';
import { authoritiesByName, measureLabeller } from './catalogue';
import type { Language } from '../../messages/messages';
import { countText, dateText, pageWords, requestLanguage, twinForm } from '../pageLanguage';
import { renderPage, storeOrUnavailable } from './render';

/** Where a council's name goes in a sentence: the words around it, so the page can mark the name's language. */
const nameSlot = '\u0000';

/** The result's summary sentence in the pieces either side of the council's name (one piece if it has none). */
const summaryAroundName = (outcome: string, language: Language): string[] =>
  pageWords(language)(`summary.${outcome}`, { name: nameSlot }).split(nameSlot);

const field = (body: FormBody, name: string) => {
  const value = body[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

function renderForm(
  res: Parameters<RequestHandler>[1],
  views: nunjucks.Environment,
  store: RuleStore,
  today: string,
  authorityId: string,
  values: FormValues,
  errors: Map<string, FieldError>,
  language: Language,
) {
  const t = pageWords(language);
  const authorities = authoritiesByName(store, today, language).map((a) => ({
    value: a.id,
    text: a.shownName.text,
    selected: a.id === authorityId,
    // A council with no Welsh name keeps its English one, marked as English.
    ...(a.shownName.lang ? { attributes: { lang: a.shownName.lang } } : {}),
  }));
  const authorityError = errors.get('authority');
  renderPage(
    res,
    views,
    'check.njk',
    {
      pageTitle: t('check.title'),
      section: 'check',
      authorities: [
        { value: '', text: t('check.chooseCouncil'), selected: authorityId === '' },
        ...authorities,
      ],
      authorityError: authorityError
        ? { text: authorityError.text, visuallyHiddenText: t('govuk.error') }
        : null,
      form: caseFormView(values, errors, measureLabeller(store, language), language),
      errors: [...errors.values()],
    },
    errors.size ? 400 : 200,
  );
}

export function checkForm(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return (req, res) => {
    const store = storeOrUnavailable(rules, res, views);
    if (!store) return;
    const authorityId = typeof req.query.authority === 'string' ? req.query.authority : '';
    renderForm(res, views, store, clock.today(), authorityId, {}, new Map(), requestLanguage(req));
  };
}

export function checkSubmit(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return async (req, res) => {
    const store = storeOrUnavailable(rules, res, views);
    if (!store) return;
    const body = (req.body ?? {}) as FormBody;
    const language = requestLanguage(req);
    const authorityId = field(body, 'authority');
    const values = formValues(body);
    if (field(body, 'action') === 'edit') {
      return renderForm(res, views, store, clock.today(), authorityId, values, new Map(), language);
    }
    const measureLabel = measureLabeller(store, language);
    const result = await checkCase(store, clock, authorityId, body, {}, language, measureLabel);
    if (!result.ok)
      return renderForm(res, views, store, clock.today(), authorityId, values, result.errors, language);
    const { decision, pack, changes } = result;
    res.locals.decided = [decision];
    const view = decisionView(decision, pack, measureLabel, language);
    const hidden = hiddenFields({ ...values, authority: authorityId });
    renderPage(res, views, 'result.njk', {
      pageTitle: pageWords(language)('result.title', { authority: view.decision.authority.name }),
      section: 'check',
      view,
      changes,
      answered: caseSummary(caseFromForm(body).caseFacts, measureLabel, language),
      date: (isoDate: string) => dateText(isoDate, language),
      count: (n: number) => countText(n, language),
      summaryParts: summaryAroundName(decision.outcome, language),
      hidden,
      twinForm: twinForm('/check', language, hidden),
    });
  };
}

// GET /authorities/:authorityId/spreadsheet: the pack in force as a workbook.
// GET and POST /authorities/:authorityId/preview: a proposed change (an edited workbook or pack JSON), checked
// and compared with the rules in force. Nothing uploaded is stored or logged; the new pack and the summary
// come back inside the page, as downloads the browser makes without asking the service again.
import type { Request, RequestHandler, Response } from 'express';
import { MulterError } from 'multer';
import type nunjucks from 'nunjucks';
import type { RulePack } from '../../generated/pack';
import { currentPack } from '../../rules/loadRules';
import { packToWorkbook } from '../../rules/workbook/packWorkbook';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { councilName } from '../packWords';
import { maxUploadBytes, type UploadedFile } from '../proposalUpload';
import { PreviewBusy, previewOffThread } from '../staffWorkers';
import type { Language } from '../../messages/messages';
import { pageLanguage, pageWords } from '../pageLanguage';
import { renderNotFound, renderPage, storeOrUnavailable } from './render';

const dataUrl = (type: string, text: string) =>
  `data:${type};charset=utf-8;base64,${Buffer.from(text, 'utf8').toString('base64')}`;

function authorityIn(
  rules: RuleService,
  clock: Clock,
  req: Request,
  res: Response,
  views: nunjucks.Environment,
) {
  const store = storeOrUnavailable(rules, res, views);
  if (!store) return null;
  const compiled = currentPack(store, String(req.params.authorityId), clock.today());
  if (!compiled) {
    renderNotFound(res, views, pageWords(pageLanguage(res))('notFound.noAuthority'));
    return null;
  }
  return { store, compiled };
}

export function spreadsheetDownload(
  rules: RuleService,
  clock: Clock,
  views: nunjucks.Environment,
): RequestHandler {
  return async (req, res) => {
    const found = authorityIn(rules, clock, req, res, views);
    if (!found) return;
    const { pack } = found.compiled;
    const bytes = await packToWorkbook(pack);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader('Content-Disposition', `attachment; filename="${pack.authorityId}-${pack.version}.xlsx"`)
      .setHeader('Cache-Control', 'no-store')
      .send(bytes);
  };
}

/** The council a preview is for, named in the page's language (its English name marked where it has no Welsh). */
function authorityShown(pack: RulePack, language: Language) {
  const name = councilName(pack, language);
  return { id: pack.authorityId, name: name.text, lang: name.lang, version: pack.version };
}

function renderForm(
  res: Response,
  views: nunjucks.Environment,
  pack: RulePack,
  errors: { text: string; href: string }[] = [],
  status = 200,
) {
  const authority = authorityShown(pack, pageLanguage(res));
  renderPage(
    res,
    views,
    'preview.njk',
    {
      pageTitle: pageWords(pageLanguage(res))('preview.title', { name: authority.name }),
      section: 'schemes',
      authority,
      errors,
      proposalError: errors.length
        ? { text: errors[0]!.text, visuallyHiddenText: pageWords(pageLanguage(res))('govuk.error') }
        : undefined,
      maxMegabytes: maxUploadBytes / (1024 * 1024),
    },
    status,
  );
}

export function previewForm(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return (req, res) => {
    const found = authorityIn(rules, clock, req, res, views);
    if (found) renderForm(res, views, found.compiled.pack);
  };
}

/** multer's refusals, said so a person can act on them. */
export function uploadRefusal(error: unknown, language: Language = 'en'): string | null {
  if (!(error instanceof MulterError)) return null;
  const t = pageWords(language);
  if (error.code === 'LIMIT_FILE_SIZE')
    return t('preview.tooLarge', { megabytes: maxUploadBytes / (1024 * 1024) });
  return t('preview.unreadable');
}

/** The upload, or the form again saying why it was refused: a hostile or broken upload is never a 5xx. */
export function previewUploadOrRefusal(
  rules: RuleService,
  clock: Clock,
  views: nunjucks.Environment,
  upload: RequestHandler,
): RequestHandler {
  return (req, res, next) => {
    upload(req, res, (error?: unknown) => {
      if (!error) return next();
      const refusal = uploadRefusal(error, pageLanguage(res));
      if (!refusal) return next(error);
      const found = authorityIn(rules, clock, req, res, views);
      const status = (error as MulterError).code === 'LIMIT_FILE_SIZE' ? 413 : 400;
      if (found) renderForm(res, views, found.compiled.pack, [{ text: refusal, href: '#proposal' }], status);
    });
  };
}

export function previewSubmit(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return async (req, res) => {
    const found = authorityIn(rules, clock, req, res, views);
    if (!found) return;
    const { store, compiled } = found;
    const files = (req.files ?? {}) as Record<string, UploadedFile[] | undefined>;
    const proposal = files.proposal?.[0];
    if (!proposal || proposal.buffer.length === 0) {
      const error = { text: pageWords(pageLanguage(res))('preview.chooseFile'), href: '#proposal' };
      return renderForm(res, views, compiled.pack, [error], 400);
    }
    const today = clock.today();
    const language = pageLanguage(res);
    const input = {
      authorityId: compiled.pack.authorityId,
      today,
      proposal,
      caseload: files.caseload?.[0],
      language,
    };
    let result;
    try {
      result = await previewOffThread(store, input);
    } catch (error) {
      if (!(error instanceof PreviewBusy)) throw error;
      const busy = { text: pageWords(pageLanguage(res))('preview.busy'), href: '#proposal' };
      return renderForm(res, views, compiled.pack, [busy], 503);
    }
    const { view, caseload, summary, newPack } = result;
    const authority = authorityShown(compiled.pack, language);
    renderPage(res, views, 'preview-result.njk', {
      pageTitle: pageWords(language)('preview.resultTitle', { name: authority.name }),
      section: 'schemes',
      authority,
      view,
      caseload,
      summaryHref: dataUrl('text/plain', summary),
      summaryName: `${compiled.pack.authorityId}-change-summary.txt`,
      packHref: newPack ? dataUrl('application/json', newPack) : null,
      packName: `${compiled.pack.authorityId}.json`,
    });
  };
}

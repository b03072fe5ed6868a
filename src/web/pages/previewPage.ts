// GET /authorities/:authorityId/spreadsheet: the pack in force as a workbook.
// GET and POST /authorities/:authorityId/preview: a proposed change (an edited workbook or pack JSON), checked
// and compared with the rules in force. Nothing uploaded is stored or logged; the new pack and the summary
// come back inside the page, as downloads the browser makes without asking the service again.
import type { Request, RequestHandler, Response } from 'express';
import { MulterError } from 'multer';
import type nunjucks from 'nunjucks';
import { CaseloadError, formatCaseloadProblems, readCaseload } from '../../analysis/caseload';
import { caseloadImpact, formatCaseloadImpact, packSide } from '../../analysis/caseloadImpact';
import { previewChange, readSuites, type ChangePreview } from '../../analysis/changePreview';
import { packDiff } from '../../analysis/tableRowDiff';
import { projectRoot } from '../../contract/projectRoot';
import type { RulePack } from '../../generated/pack';
import { currentPack } from '../../rules/loadRules';
import { packToWorkbook } from '../../rules/workbook/packWorkbook';
import { placeProblems } from '../../rules/workbook/workbookPack';
import type { Clock } from '../../services/decisionService';
import type { RuleService } from '../../services/ruleService';
import { changeSummaryText, previewView } from '../changePreviewView';
import { maxUploadBytes, readProposal, type UploadedFile } from '../proposalUpload';
import { renderNotFound, renderPage, storeOrUnavailable } from './render';
import path from 'node:path';

const suitesDir = path.join(projectRoot(), 'test', 'scenarios');
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
    renderNotFound(res, views, 'There is no authority at this address.');
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

function renderForm(
  res: Response,
  views: nunjucks.Environment,
  pack: RulePack,
  errors: { text: string; href: string }[] = [],
  status = 200,
) {
  renderPage(
    res,
    views,
    'preview.njk',
    {
      pageTitle: `Preview a change to ${pack.name}`,
      section: 'schemes',
      authority: { id: pack.authorityId, name: pack.name, version: pack.version },
      errors,
      proposalError: errors.length ? { text: errors[0]!.text } : undefined,
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
export function uploadRefusal(error: unknown): string | null {
  if (!(error instanceof MulterError)) return null;
  if (error.code === 'LIMIT_FILE_SIZE')
    return `The file is larger than ${maxUploadBytes / (1024 * 1024)} MB: upload the workbook or pack on its own`;
  return 'The upload could not be read: choose one workbook or pack file, and at most one caseload file';
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
      const refusal = uploadRefusal(error);
      if (!refusal) return next(error);
      const found = authorityIn(rules, clock, req, res, views);
      const status = (error as MulterError).code === 'LIMIT_FILE_SIZE' ? 413 : 400;
      if (found) renderForm(res, views, found.compiled.pack, [{ text: refusal, href: '#proposal' }], status);
    });
  };
}

export interface CaseloadView {
  file: string;
  lines: string[];
  problems: string[];
}

/**
 * A caseload, decided with the version in force and the proposal: each case as of the change, whatever its own
 * date, since the question is what the new rules would have done with last year's referrals.
 */
function caseloadView(file: UploadedFile | undefined, preview: ChangePreview | null): CaseloadView | null {
  if (!file || file.buffer.length === 0) return null;
  const name = file.originalname || 'the caseload file';
  const change = preview?.diffs[0]?.change;
  if (!preview || !change?.before || !change.after)
    return { file: name, lines: ['The caseload is decided once the pack is accepted.'], problems: [] };
  try {
    const { cases, problems } = readCaseload(file.buffer.toString('utf8'), name);
    const undated = cases.map(({ asOf: _asOf, ...rest }) => rest);
    const impact = caseloadImpact(
      undated,
      packSide({ pack: change.before, catalogue: preview.before.measureById }),
      packSide({ pack: change.after, catalogue: preview.after.measureById }),
      { changes: [change] },
    );
    return {
      file: name,
      lines: formatCaseloadImpact(impact).split('\n'),
      problems: formatCaseloadProblems(problems),
    };
  } catch (error) {
    if (error instanceof CaseloadError) return { file: name, lines: [], problems: [error.message] };
    throw error;
  }
}

export function previewSubmit(rules: RuleService, clock: Clock, views: nunjucks.Environment): RequestHandler {
  return async (req, res) => {
    const found = authorityIn(rules, clock, req, res, views);
    if (!found) return;
    const { store, compiled } = found;
    const files = (req.files ?? {}) as Record<string, UploadedFile[] | undefined>;
    const proposal = files.proposal?.[0];
    if (!proposal || proposal.buffer.length === 0) {
      const error = { text: 'Choose the edited workbook or pack file to preview', href: '#proposal' };
      return renderForm(res, views, compiled.pack, [error], 400);
    }
    const read = await readProposal(proposal);
    const id = (read.pack as { authorityId?: unknown } | null)?.authorityId;
    if (read.pack && id !== compiled.pack.authorityId) {
      const message = `this pack is for "${String(id)}", not ${compiled.pack.authorityId}: preview it from that authority's page`;
      read.problems.unshift({
        file: proposal.originalname,
        pointer: '/authorityId',
        message,
        severity: 'error',
      });
    }
    const today = clock.today();
    const preview =
      read.pack && id === compiled.pack.authorityId
        ? previewChange(store, read.pack, { today, suites: readSuites(suitesDir) })
        : null;
    const located = placeProblems(read, preview?.problems ?? []);
    const diff = preview ? packDiff(compiled.pack, read.pack as RulePack) : { settings: [], rows: [] };
    const view = previewView(
      preview && { ...preview, problems: located },
      diff,
      read.problems,
      compiled.file,
    );
    const caseload = caseloadView(files.caseload?.[0], preview);
    const summary = changeSummaryText(view, compiled.pack.name, today, caseload?.lines ?? []);
    const newPack = view.accepted ? JSON.stringify(read.pack, null, 2) + '\n' : null;
    renderPage(res, views, 'preview-result.njk', {
      pageTitle: `Preview of a change to ${compiled.pack.name}`,
      section: 'schemes',
      authority: { id: compiled.pack.authorityId, name: compiled.pack.name },
      view,
      caseload,
      summaryHref: dataUrl('text/plain', summary),
      summaryName: `${compiled.pack.authorityId}-change-summary.txt`,
      packHref: newPack ? dataUrl('application/json', newPack) : null,
      packName: `${compiled.pack.authorityId}.json`,
    });
  };
}

// The work of one preview, from the uploaded bytes to the page's model in plain data: run in a worker thread
// (previewWorker.ts), since checking and comparing a pack takes seconds and the API shares the main thread.
import path from 'node:path';
import { CaseloadError, formatCaseloadProblems, readCaseload } from '../analysis/caseload';
import { caseloadImpact, formatCaseloadImpact, packSide } from '../analysis/caseloadImpact';
import { previewChange, readSuites, type ChangePreview } from '../analysis/changePreview';
import { packDiff } from '../analysis/tableRowDiff';
import { projectRoot } from '../contract/projectRoot';
import type { RulePack } from '../generated/pack';
import { currentPack, type RuleStore } from '../rules/loadRules';
import { placeProblems } from '../rules/workbook/workbookPack';
import type { Language } from '../messages/messages';
import { changeSummaryText, previewView, type PreviewView, type ProblemView } from './changePreviewView';
import { councilName } from './packWords';
import { pageWords } from './pageLanguage';
import { readProposal, type UploadedFile } from './proposalUpload';

const suitesDir = path.join(projectRoot(), 'test', 'scenarios');

export interface PreviewInput {
  authorityId: string;
  today: string;
  proposal: UploadedFile;
  caseload?: UploadedFile;
  /** The page's language: the preview's own words, and its summary, are in it. */
  language?: Language;
}

export interface CaseloadView {
  file: string;
  /** The service's own word on the caseload, in the page's language. */
  note: string | null;
  /** The caseload report's lines and problems (src/analysis): English. */
  lines: string[];
  problems: string[];
}

/** What the result page shows: plain data, so it can come back from a worker. */
export interface PreviewResult {
  view: PreviewView;
  caseload: CaseloadView | null;
  summary: string;
  newPack: string | null;
}

/**
 * A caseload, decided with the version in force and the proposal: each case as of the change, whatever its own
 * date, since the question is what the new rules would have done with last year's referrals.
 */
function caseloadView(
  file: UploadedFile | undefined,
  preview: ChangePreview | null,
  language: Language,
): CaseloadView | null {
  if (!file || file.buffer.length === 0) return null;
  const t = pageWords(language);
  const name = file.originalname || t('changeWords.caseloadFile');
  const change = preview?.diffs[0]?.change;
  if (!preview || !change?.before || !change.after)
    return { file: name, note: t('changeWords.caseloadLater'), lines: [], problems: [] };
  try {
    const { cases, problems } = readCaseload(Buffer.from(file.buffer).toString('utf8'), name);
    const undated = cases.map(({ asOf: _asOf, ...rest }) => rest);
    const impact = caseloadImpact(
      undated,
      packSide({ pack: change.before, catalogue: preview.before.measureById }),
      packSide({ pack: change.after, catalogue: preview.after.measureById }),
      { changes: [change] },
    );
    return {
      file: name,
      note: null,
      lines: formatCaseloadImpact(impact).split('\n'),
      problems: formatCaseloadProblems(problems),
    };
  } catch (error) {
    if (error instanceof CaseloadError)
      return { file: name, note: null, lines: [], problems: [error.message] };
    throw error;
  }
}

/** The preview of a proposal for an authority with a pack in force on `today` in `store`. */
export async function previewResult(store: RuleStore, input: PreviewInput): Promise<PreviewResult> {
  const { authorityId, today, language = 'en' } = input;
  const compiled = currentPack(store, authorityId, today);
  if (!compiled) throw new Error(`no pack in force for ${authorityId} on ${today}`);
  // A buffer that crossed from another thread arrives as a plain Uint8Array.
  const proposal = { ...input.proposal, buffer: Buffer.from(input.proposal.buffer) };
  const read = await readProposal(proposal);
  const id = (read.pack as { authorityId?: unknown } | null)?.authorityId;
  const ownProblems: ProblemView[] =
    read.pack && id !== compiled.pack.authorityId
      ? [
          {
            severity: 'error',
            where: 'authorityId',
            message: pageWords(language)('changeWords.wrongAuthority', {
              id: String(id),
              authority: compiled.pack.authorityId,
            }),
            lang: null,
          },
        ]
      : [];
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
    language,
    ownProblems,
  );
  const caseload = caseloadView(input.caseload, preview, language);
  const caseloadLines = caseload ? [...(caseload.note ? [caseload.note] : []), ...caseload.lines] : [];
  const authorityName = councilName(compiled.pack, language).text;
  const summary = changeSummaryText(view, authorityName, today, caseloadLines, language);
  const newPack = view.accepted ? JSON.stringify(read.pack, null, 2) + '\n' : null;
  return { view, caseload, summary, newPack };
}

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
import { changeSummaryText, previewView, type PreviewView } from './changePreviewView';
import { readProposal, type UploadedFile } from './proposalUpload';

const suitesDir = path.join(projectRoot(), 'test', 'scenarios');

export interface PreviewInput {
  authorityId: string;
  today: string;
  proposal: UploadedFile;
  caseload?: UploadedFile;
}

export interface CaseloadView {
  file: string;
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
function caseloadView(file: UploadedFile | undefined, preview: ChangePreview | null): CaseloadView | null {
  if (!file || file.buffer.length === 0) return null;
  const name = file.originalname || 'the caseload file';
  const change = preview?.diffs[0]?.change;
  if (!preview || !change?.before || !change.after)
    return { file: name, lines: ['The caseload is decided once the pack is accepted.'], problems: [] };
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
      lines: formatCaseloadImpact(impact).split('\n'),
      problems: formatCaseloadProblems(problems),
    };
  } catch (error) {
    if (error instanceof CaseloadError) return { file: name, lines: [], problems: [error.message] };
    throw error;
  }
}

/** The preview of a proposal for an authority with a pack in force on `today` in `store`. */
export async function previewResult(store: RuleStore, input: PreviewInput): Promise<PreviewResult> {
  const { authorityId, today } = input;
  const compiled = currentPack(store, authorityId, today);
  if (!compiled) throw new Error(`no pack in force for ${authorityId} on ${today}`);
  // A buffer that crossed from another thread arrives as a plain Uint8Array.
  const proposal = { ...input.proposal, buffer: Buffer.from(input.proposal.buffer) };
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
  const preview =
    read.pack && id === compiled.pack.authorityId
      ? previewChange(store, read.pack, { today, suites: readSuites(suitesDir) })
      : null;
  const located = placeProblems(read, preview?.problems ?? []);
  const diff = preview ? packDiff(compiled.pack, read.pack as RulePack) : { settings: [], rows: [] };
  const view = previewView(preview && { ...preview, problems: located }, diff, read.problems, compiled.file);
  const caseload = caseloadView(input.caseload, preview);
  const summary = changeSummaryText(view, compiled.pack.name, today, caseload?.lines ?? []);
  const newPack = view.accepted ? JSON.stringify(read.pack, null, 2) + '\n' : null;
  return { view, caseload, summary, newPack };
}

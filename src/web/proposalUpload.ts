// The files a preview posts: a proposed pack (a workbook or pack JSON) and, optionally, a caseload. Held in
// memory for the one request and never written or logged. Uploads are untrusted: multer caps their number and
// size before anything reads them, and the workbook reader caps what a zip may unpack to.
import multer from 'multer';
import type { RequestHandler } from 'express';
import type { CellPlace, PackProblem } from '../rules/problems';
import { parseRuleFile } from '../rules/safeJson';
import { workbookToPack, type WorkbookRead } from '../rules/workbook/workbookPack';

export const maxUploadBytes = 5 * 1024 * 1024;

/** The two file fields of the preview form, bounded: at most one file each, 5 MB each, a few small fields. */
export const previewUpload: RequestHandler = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: maxUploadBytes, files: 2, fields: 4, fieldSize: 1024, parts: 8, headerPairs: 50 },
}).fields([
  { name: 'proposal', maxCount: 1 },
  { name: 'caseload', maxCount: 1 },
]);

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

/** As a workbook is read; a pack sent as JSON has no cells. */
export type ProposalRead = WorkbookRead;

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
const nowhere = (): CellPlace | undefined => undefined;

/** A workbook (by its zip signature, whatever its name) or else a pack as JSON text. */
export async function readProposal(file: UploadedFile): Promise<ProposalRead> {
  const name = file.originalname || 'the uploaded file';
  if (isZip(file.buffer)) return workbookToPack(file.buffer, name);
  const parsed = parseRuleFile(file.buffer.toString('utf8'));
  if (parsed.ok) return { pack: parsed.value, problems: [], cellOf: nowhere };
  const problem: PackProblem = {
    file: name,
    pointer: parsed.pointer,
    message: `${parsed.message}. Upload the workbook downloaded from this page, or a rule pack in JSON`,
    severity: 'error',
  };
  return { pack: null, problems: [problem], cellOf: nowhere };
}

// Limits on untrusted workbooks, checked before exceljs sees a byte: a zip is inflated here entry by entry,
// counting what it really unpacks to (the sizes a zip declares are not trusted), and abandoned as soon as a
// budget is passed.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface XlsxLimits {
  maxBytes: number;
  maxEntries: number;
  maxUnzippedBytes: number;
  /** exceljs expands every drop-down range into one object per cell: a whole-column list costs a million. */
  maxValidatedCells: number;
}

export const defaultXlsxLimits: XlsxLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxEntries: 200,
  maxUnzippedBytes: 20 * 1024 * 1024,
  maxValidatedCells: 100_000,
};

/** How much of one sheet workbookToPack reads. */
export const sheetLimits = { maxRows: 1000, maxColumns: 60 };

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

class Refusal extends Error {}

/** The reason a file of this size is refused, or null; callers holding only a size can ask before reading. */
export const sizeRefusal = (bytes: number, maxBytes = defaultXlsxLimits.maxBytes): string | null =>
  bytes > maxBytes ? `the file is ${megabytes(bytes)}; the limit is ${megabytes(maxBytes)}` : null;

const columnNumber = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** Cells in a range such as `B6:B200`, `$A$1` or `B:B`; 0 for what is not a range. */
export function rangeArea(range: string): number {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d*)(?::\$?([A-Za-z]{1,3})\$?(\d*))?$/.exec(range);
  if (!match) return 0;
  const [, fromColumn, fromRow, toColumn = fromColumn!, toRow = fromRow] = match;
  const rows = Math.abs(Number(toRow || 1048576) - Number(fromRow || 1)) + 1;
  return rows * (Math.abs(columnNumber(toColumn) - columnNumber(fromColumn!)) + 1);
}

/** The cells a sheet's drop-down lists cover, by the `sqref` of each `<dataValidation>`. */
function validatedCells(sheetXml: string): { cells: number; widest: string } {
  let cells = 0;
  let widest = { area: 0, range: '' };
  for (const match of sheetXml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*?\ssqref="([^"]*)"/g)) {
    for (const range of match[1]!.trim().split(/\s+/)) {
      const area = rangeArea(range);
      cells += area;
      if (area > widest.area) widest = { area, range };
    }
  }
  return { cells, widest: widest.range };
}

const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

function openZip(bytes: Buffer): Promise<ZipFile> {
  return yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false }).catch(() => {
    throw new Refusal('not an XLSX workbook (it is not a zip file)');
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) =>
      error ? reject(new Refusal(`not a readable XLSX workbook (${error.message})`)) : resolve(stream),
    ),
  );
}

/** Inflates one entry, adding to `budget.used` as it goes; the sheet's text when `keep` is set. */
async function inflate(
  stream: Readable,
  budget: { used: number; max: number },
  keep: boolean,
): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.used += chunk.length;
      if (budget.used > budget.max) {
        throw new Refusal(`the workbook unzips to more than ${megabytes(budget.max)}, the limit`);
      }
      if (keep) chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`not a readable XLSX workbook (${(error as Error).message})`);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The zip's entries one at a time, with one set of listeners for the whole walk. */
function entryReader(zip: ZipFile): () => Promise<Entry | null> {
  let waiting: { resolve(entry: Entry | null): void; reject(error: Error): void } | null = null;
  let failed: Error | null = null;
  const settle = (entry: Entry | null) => waiting?.resolve(entry);
  zip.on('entry', settle);
  zip.on('end', () => settle(null));
  zip.on('error', (error: Error) => (waiting ? waiting.reject(error) : (failed = error)));
  return () =>
    new Promise<Entry | null>((resolve, reject) => {
      if (failed) return reject(failed);
      waiting = { resolve, reject };
      zip.readEntry();
    }).catch((error: Error) => {
      throw new Refusal(`not a readable XLSX workbook (${error.message})`);
    });
}

async function checkEntries(zip: ZipFile, limits: XlsxLimits): Promise<void> {
  if (zip.entryCount > limits.maxEntries) {
    throw new Refusal(`the workbook has ${zip.entryCount} parts; the limit is ${limits.maxEntries}`);
  }
  const budget = { used: 0, max: limits.maxUnzippedBytes };
  let validated = 0;
  let sawContentTypes = false;
  const next = entryReader(zip);
  for (let entry = await next(); entry; entry = await next()) {
    if (entry.fileName === '[Content_Types].xml') sawContentTypes = true;
    if (entry.fileName.endsWith('/')) continue;
    const text = await inflate(await openEntry(zip, entry), budget, isSheet(entry.fileName));
    const { cells, widest } = validatedCells(text);
    validated += cells;
    if (validated > limits.maxValidatedCells) {
      throw new Refusal(
        `drop-down lists cover more than ${limits.maxValidatedCells.toLocaleString('en-GB')} cells ` +
          `(one covers ${widest}); give drop-downs only to the rows in use`,
      );
    }
  }
  if (!sawContentTypes) throw new Refusal('not an XLSX workbook (it has no [Content_Types].xml)');
}

/** Null when the file is safe to hand to exceljs, else the reason it is refused, in plain English. */
export async function checkXlsxUpload(
  bytes: Buffer,
  limits: Partial<XlsxLimits> = {},
): Promise<string | null> {
  const limit = { ...defaultXlsxLimits, ...limits };
  const tooLarge = sizeRefusal(bytes.length, limit.maxBytes);
  if (tooLarge) return tooLarge;
  let zip: ZipFile | null = null;
  try {
    zip = await openZip(bytes);
    await checkEntries(zip, limit);
    return null;
  } catch (error) {
    if (error instanceof Refusal) return error.message;
    return `not a readable XLSX workbook (${(error as Error).message})`;
  } finally {
    zip?.close();
  }
}

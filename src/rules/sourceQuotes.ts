// Every quote a pack gives is checked against the document it cites, so a row cannot claim words its source
// does not contain. Layout is not wording: whitespace, line breaks, bullet marks and markup are ignored.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RulePack, Source } from '../generated/pack';
import { tableIds } from './compilePack';
import { pointerOf, type PackProblem } from './problems';

/** The text a quote is matched against: tags, emphasis and bullets dropped, every run of space made one space. */
export function normaliseForQuotes(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)[•·▪*-](?=\s)/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads each cited document once; a file that is missing reads as null. */
export class SourceDocuments {
  private readonly texts = new Map<string, string | null>();

  constructor(readonly dir: string) {}

  text(file: string): string | null {
    if (!this.texts.has(file)) {
      const full = path.join(this.dir, path.basename(file));
      this.texts.set(file, existsSync(full) ? normaliseForQuotes(readFileSync(full, 'utf8')) : null);
    }
    return this.texts.get(file)!;
  }
}

interface Citation {
  source: Source;
  pointer: string;
  table?: string;
  row?: string;
}

function citationsOf(pack: RulePack): Citation[] {
  const citations: Citation[] = [{ source: pack.scheme.source, pointer: pointerOf('scheme', 'source') }];
  if (pack.scheme.neverEligible) {
    citations.push({
      source: pack.scheme.neverEligible.source,
      pointer: pointerOf('scheme', 'neverEligible', 'source'),
    });
  }
  if (pack.alternatives) {
    citations.push({ source: pack.alternatives.source, pointer: pointerOf('alternatives', 'source') });
  }
  for (const table of tableIds) {
    const rows = (pack.tables[table]?.rows ?? []) as readonly { id: string; source: Source }[];
    rows.forEach((row, i) =>
      citations.push({
        source: row.source,
        pointer: pointerOf('tables', table, 'rows', i, 'source'),
        table,
        row: row.id,
      }),
    );
  }
  return citations;
}

/** A problem for each cited document not in the folder, and for each quote not found in its document. */
export function checkSourceQuotes(pack: RulePack, file: string, documents: SourceDocuments): PackProblem[] {
  const files = new Map(pack.sources.map((source) => [source.id, source.file]));
  const problems: PackProblem[] = [];
  pack.sources.forEach((source, i) => {
    if (documents.text(source.file) === null) {
      problems.push({
        file,
        pointer: pointerOf('sources', i, 'file'),
        severity: 'error',
        message: `cited document "${source.file}" is not in ${documents.dir}`,
      });
    }
  });
  for (const { source, pointer, table, row } of citationsOf(pack)) {
    const documentFile = files.get(source.document);
    const text = documentFile === undefined ? null : documents.text(documentFile);
    if (!source.quote || text === null) continue;
    if (text.includes(normaliseForQuotes(source.quote))) continue;
    problems.push({
      file,
      pointer: `${pointer}/quote`,
      severity: 'error',
      message: `${row ? `row "${row}": ` : ''}the quote is not in ${documentFile}: "${source.quote.slice(0, 80)}${source.quote.length > 80 ? '…' : ''}"`,
      ...(table ? { table } : {}),
      ...(row ? { row } : {}),
    });
  }
  return problems;
}

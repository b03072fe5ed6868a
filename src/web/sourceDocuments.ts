// The policy documents the packs cite, served as plain text beside the pages that cite them, so a reader can
// check every row against its source. Only the files in docs/sources are served, never anything else.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../contract/projectRoot';
import type { Source } from '../generated/pack';
import { citedDocument, type CompiledPack, type TableId } from '../rules/compiledPack';

export const sourcesDir = path.join(projectRoot(), 'docs', 'sources');

const served = new Set(existsSync(sourcesDir) ? readdirSync(sourcesDir) : []);

/** The page address of a cited document, or null where it is not one the service holds. */
export function sourceHref(file: string | undefined): string | null {
  return file && served.has(file) ? `/sources/${encodeURIComponent(file)}` : null;
}

/** The document file a pack's citation names. */
export const fileOf = (pack: CompiledPack['pack'], source: Pick<Source, 'document'>) =>
  citedDocument(pack, source)?.file;

/** The citation of a rule row (`authority/table/row`), or of the scheme itself. */
export function sourceOfRule(compiled: CompiledPack, rule: string): Source | null {
  const [, table, row] = rule.split('/');
  const { pack } = compiled;
  if (table === 'scheme') return pack.scheme.source;
  const rows = pack.tables[table as TableId]?.rows as { id: string; source: Source }[] | undefined;
  return rows?.find((r) => r.id === row)?.source ?? null;
}

export function sourcesRouter(): Router {
  const router = express.Router();
  router.get('/sources/:file', (req, res, next) => {
    const file = req.params.file;
    if (!served.has(file)) return next();
    res.type('text/plain; charset=utf-8');
    res.sendFile(path.join(sourcesDir, file));
  });
  return router;
}

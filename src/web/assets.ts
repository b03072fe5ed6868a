// Every asset the pages use, served by the service itself from the govuk-frontend package: no CDN, no external
// fonts. The stylesheet refers to /assets/fonts and /assets/images, so that is where they live.
import path from 'node:path';
import express, { Router } from 'express';
import { projectRoot } from '../contract/projectRoot';
import { govukFrontendDir } from './views';

const govuk = path.join(govukFrontendDir, 'govuk');
const ownAssets = path.join(projectRoot(), 'src', 'web', 'public');

const files: Record<string, string> = {
  '/assets/govuk-frontend.min.css': path.join(govuk, 'govuk-frontend.min.css'),
  // The UMD bundle sets window.GOVUKFrontend, so a plain (non-module) script file can start it.
  '/assets/govuk-frontend.bundle.js': path.join(govuk, 'all.bundle.js'),
  '/assets/sanctuary.css': path.join(ownAssets, 'sanctuary.css'),
  '/assets/sanctuary.js': path.join(ownAssets, 'sanctuary.js'),
  // Browsers ask for this themselves on pages that name no icon, such as a policy document in plain text.
  '/favicon.ico': path.join(govuk, 'assets', 'images', 'favicon.ico'),
};

export function assetsRouter(): Router {
  const router = Router();
  for (const [route, file] of Object.entries(files)) {
    router.get(route, (_req, res) => res.sendFile(file, { maxAge: '1h' }));
  }
  router.use(
    '/assets',
    express.static(path.join(govuk, 'assets'), { maxAge: '1d', index: false, fallthrough: true }),
  );
  return router;
}

// The Nunjucks environment: our templates first, then GOV.UK Frontend's components (imported as "govuk/…").
// Autoescaping is on, so a pack's or a user's text can never become markup.
import path from 'node:path';
import nunjucks from 'nunjucks';
import { projectRoot } from '../contract/projectRoot';

export const viewsDir = path.join(projectRoot(), 'src', 'web', 'views');
export const govukFrontendDir = path.join(projectRoot(), 'node_modules', 'govuk-frontend', 'dist');

export function createViews(): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([viewsDir, govukFrontendDir], { noCache: false });
  return new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });
}

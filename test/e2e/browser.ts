/// <reference lib="dom" />
// Real-browser test helpers: Debian's Chromium driven by playwright-core, the app on a free port of 127.0.0.1,
// axe-core run inside the page, and screenshots written where the README points. (The DOM types are for the
// code passed to page.evaluate, which runs in the browser.)
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { appWithRules } from '../support/appSetup';

export const screenshotsDir = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const axePath = require.resolve('axe-core/axe.min.js');

export const viewport = { width: 1100, height: 1300 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    // jest.config.js finds it (CHROMIUM_PATH or the usual install paths).
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function startApp(): Promise<{ server: Server; baseUrl: string }> {
  const server = appWithRules().listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

export const stopApp = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's violations on the page as it stands, as "rule: help (selectors)" lines: [] when there are none. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return (violations as AxeViolation[]).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/**
 * axe for a page open with JavaScript switched off, where axe itself cannot run: the same HTML, at the same
 * address and with the same stylesheets, in a twin page whose own scripts are all refused, so the DOM axe
 * checks is exactly the one a person without JavaScript gets.
 */
export async function axeViolationsWithoutScripts(page: Page): Promise<string[]> {
  const html = await page.content();
  const url = page.url();
  const twinContext = await page
    .context()
    .browser()!
    .newContext({ bypassCSP: true, viewport: page.viewportSize() ?? viewport });
  try {
    const twin = await twinContext.newPage();
    await twin.route('**/*.js', (route) => route.abort());
    await twin.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await twin.goto(url);
    expect(await twin.locator('body').getAttribute('class')).not.toContain('js-enabled');
    return await axeViolations(twin);
  } finally {
    await twinContext.close();
  }
}

/** Errors the page reports: script errors, failed loads and Content-Security-Policy refusals. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** What a person sees at the top of the page (or wherever it was scrolled to): small enough to keep in the repo. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
}

export interface StaffPagesInBrowser {
  readonly baseUrl: string;
  readonly browser: Browser;
  /** Opens a path in a new page of the suite's context, collecting the page's errors from the start. */
  open(path: string): Promise<{ page: Page; errors: string[] }>;
}

/**
 * For a browser test suite: before its tests, the app on a free port and Chromium with one context of these
 * options, at this size (the screenshots' viewport unless a suite asks for another, a phone's say); after them,
 * both stopped.
 */
export function staffPagesInBrowser(
  contextOptions: BrowserContextOptions,
  size: { width: number; height: number } = viewport,
): StaffPagesInBrowser {
  let server: Server;
  let baseUrl: string;
  let browser: Browser;
  let context: Awaited<ReturnType<Browser['newContext']>>;
  beforeAll(async () => {
    ({ server, baseUrl } = await startApp());
    browser = await launchBrowser();
    context = await browser.newContext({ ...contextOptions, viewport: size });
  });
  afterAll(async () => {
    await browser?.close();
    await stopApp(server);
  });
  return {
    get baseUrl() {
      return baseUrl;
    },
    get browser() {
      return browser;
    },
    async open(path) {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(baseUrl + path);
      return { page, errors };
    },
  };
}

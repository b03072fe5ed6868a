// Staff sign-in against a real OpenID Connect provider (oidc-provider, started here on loopback): a person is sent
// to the council's sign-in, comes back signed in, checks a case, and the check is audited by who asked, never by
// the facts. A form without the session's token, and a post without a session, are refused.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/logger';
import { RuleService } from '../../src/services/ruleService';
import { bundledRules, fixedToday } from '../support/appSetup';
import { axeViolations, collectPageErrors, launchBrowser, screenshot, viewport } from './browser';
import { answer, eligibleAtDartford } from '../support/caseAnswers';

jest.setTimeout(60_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

let provider: ChildProcess;
let server: Server;
let browser: Browser;
let baseUrl: string;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const [providerPort, appPort] = [await freePort(), await freePort()];
  baseUrl = `http://127.0.0.1:${appPort}`;
  provider = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'oidc', 'provider.mjs'), String(providerPort), `${baseUrl}/auth/callback`],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  await new Promise<void>((resolve) => provider.stdout!.once('data', () => resolve()));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      done();
    },
  });
  const app = createApp({
    rules: new RuleService(bundledRules()),
    clock: { today: () => fixedToday },
    log: createLogger('info', sink),
    staffSignIn: {
      issuer: `http://127.0.0.1:${providerPort}`,
      clientId: 'staff-pages',
      clientSecret: 'staff-pages-secret',
      redirectUrl: `${baseUrl}/auth/callback`,
      sessionSecret: 'a-session-secret-of-at-least-32-characters',
    },
    staffChecksPerMinute: 5,
  });
  server = app.listen(appPort, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  provider?.kill();
});

/** A new browser session, signed in at the provider as `login` and back on /check. */
async function signedIn(login: string) {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/check`);
  // The provider's own sign-in and consent pages (whose own resources are not this service's concern).
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'any');
  await page.click('button[type="submit"]');
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}/check`);
  return { context, page };
}

test('without a session, pages send the person to sign in, and a post is refused', async () => {
  const page = await fetch(`${baseUrl}/check`, { redirect: 'manual' });
  expect(page.status).toBe(302);
  expect(page.headers.get('location')).toMatch(
    /^http:\/\/127\.0\.0\.1:\d+\/auth\?.*code_challenge_method=S256/,
  );
  const post = await fetch(`${baseUrl}/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'authority=dartford',
  });
  expect(post.status).toBe(401);
  // The API is not behind the staff sign-in.
  expect((await fetch(`${baseUrl}/v1/measures`)).status).toBe(200);
});

test('a person signs in at the provider, checks a case, and the check is audited without its facts', async () => {
  const { context, page } = await signedIn('officer-7');
  const errors = collectPageErrors(page);
  await expect(page.locator('.app-signed-in').textContent()).resolves.toContain(
    'Signed in as Officer officer-7',
  );
  const [session] = (await context.cookies()).filter((c) => c.name === 'staff-session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await answer(page, 'dartford', eligibleAtDartford);
  await page.click('button:has-text("Check the case")');
  await expect(page.locator('[data-outcome]').getAttribute('data-outcome')).resolves.toBe('eligible');
  await expect(axeViolations(page)).resolves.toEqual([]);
  await screenshot(page, 'signed-in-result');
  const audit = logLines.filter((l) => l.message === 'staff decision');
  expect(audit).toEqual([
    expect.objectContaining({ user: 'officer-7', page: 'check', authority: 'dartford', outcome: 'eligible' }),
  ]);
  expect(JSON.stringify(audit)).not.toMatch(/owner-occupier|door-chain|police/);

  // The same session posting without the form's token (as another site would) is refused.
  const forged = await page.request.post(`${baseUrl}/check`, {
    form: { authority: 'dartford', 'referral.source': 'police' },
  });
  expect(forged.status()).toBe(403);
  expect(errors).toEqual([]);
  await context.close();
});

test('case checks are limited per person, on check and compare together', async () => {
  const { context, page } = await signedIn('officer-8');
  const token = await page.locator('input[name="_csrf"]').first().getAttribute('value');
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    // Check and compare in turn: both are case checks, under one limit.
    const res = await page.request.post(`${baseUrl}/${i % 2 ? 'compare' : 'check'}`, {
      form: { authority: 'dartford', authorities: 'dartford', _csrf: token! },
    });
    statuses.push(res.status());
  }
  // Five a minute in this test; an unanswered form is a 400 page, and the sixth is refused.
  expect(statuses.slice(5)).toEqual([429, 429]);
  expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
  await context.close();
});

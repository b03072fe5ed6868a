// Staff sign-in through the council's own identity provider (OpenID Connect: Microsoft Entra ID and the like).
// Behind the STAFF_OIDC_* settings; without them the pages stay open for local use, with a start-up warning.
// The session is a signed cookie (secure when the service is reached over https, HTTP-only, SameSite=Lax, so
// the provider's redirect back still carries it) holding the user's subject and the form token, never a case.
import cookieSession from 'cookie-session';
import { csrfSync } from 'csrf-sync';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { BaseClient } from 'openid-client';
import type { Logger } from '../logger';
import { hrefIn, htmlLang, pageWords, requestLanguage } from './pageLanguage';

export interface StaffSignInSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The service's own callback address as the provider knows it, e.g. https://…/auth/callback. */
  redirectUrl: string;
  /** Signs the session cookie: at least 32 characters. */
  sessionSecret: string;
}

interface StaffSession {
  user?: { sub: string; name: string };
  /** The sign-in under way: PKCE verifier, state and nonce, and where to go back to. */
  signingIn?: { verifier: string; state: string; nonce: string; returnTo: string };
  csrfToken?: string | null;
}

const sessionOf = (req: Request) => (req.session ?? {}) as StaffSession;

/** Only a path on this service, never another site, may be gone back to after sign-in. */
const localPath = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? url : '/');

const eightHours = 8 * 60 * 60 * 1000;

/** A refusal in plain text, in the language of the page that asked: `key` names its words in the pages catalogue. */
function refuse(req: Request, res: Response, status: number, key: string): void {
  const language = requestLanguage(req);
  res
    .status(status)
    .type('text')
    .setHeader('Content-Language', htmlLang[language])
    .send(pageWords(language)(key));
}

export interface StaffSignIn {
  /** Session, sign-in and sign-out: mounted ahead of every staff page. */
  router: Router;
  /** Refuses a form post that does not carry the session's token (after the form body is parsed). */
  checkFormToken: RequestHandler;
}

/** openid-client, loaded with the first sign-in rather than at start-up, where it cost a tenth of a second. */
const openidClient = () => import('openid-client');

export function staffSignIn(settings: StaffSignInSettings, log: Logger): StaffSignIn {
  let client: Promise<BaseClient> | null = null;
  // Discovered on first use, and again after a failure: the provider may be down when the service starts.
  const oidcClient = () =>
    (client ??= openidClient()
      .then(({ Issuer }) => Issuer.discover(settings.issuer))
      .then(
        (issuer) =>
          new issuer.Client({
            client_id: settings.clientId,
            client_secret: settings.clientSecret,
            redirect_uris: [settings.redirectUrl],
            response_types: ['code'],
          }),
        (error: unknown) => {
          client = null;
          throw error;
        },
      ));
  const callbackPath = new URL(settings.redirectUrl).pathname;
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf,
    getTokenFromState: (req) => sessionOf(req).csrfToken,
    storeTokenInState: (req, token) => void (sessionOf(req).csrfToken = token),
  });

  const router = Router();
  router.use(
    cookieSession({
      name: 'staff-session',
      keys: [settings.sessionSecret],
      httpOnly: true,
      secure: settings.redirectUrl.startsWith('https:'),
      sameSite: 'lax',
      maxAge: eightHours,
    }),
  );

  router.get(callbackPath, async (req, res, next) => {
    const session = sessionOf(req);
    const pending = session.signingIn;
    if (!pending) return res.redirect('/');
    try {
      const oidc = await oidcClient();
      const tokens = await oidc.callback(settings.redirectUrl, oidc.callbackParams(req), {
        code_verifier: pending.verifier,
        state: pending.state,
        nonce: pending.nonce,
      });
      const claims = tokens.claims();
      // Providers that keep profile claims out of the ID token give them at the userinfo endpoint.
      const profile = claims.name ? claims : await oidc.userinfo(tokens).catch(() => claims);
      session.user = {
        sub: claims.sub,
        name: String(profile.name ?? profile.preferred_username ?? claims.sub),
      };
      delete session.signingIn;
      log.info('staff signed in', { user: claims.sub });
      res.redirect(localPath(pending.returnTo));
    } catch (error) {
      delete session.signingIn;
      log.warn('staff sign-in failed', { error: (error as Error).message });
      next(error);
    }
  });

  router.post('/auth/sign-out', (req, res) => {
    req.session = null;
    // Back to the schemes page in the language the officer was using.
    res.redirect(hrefIn('/', requestLanguage(req)));
  });

  router.use(async (req, res, next) => {
    const session = sessionOf(req);
    if (session.user) {
      res.locals.staffUser = session.user;
      res.locals.csrfToken = generateToken(req);
      return next();
    }
    // A form posted without a session cannot be replayed after sign-in: send the person to sign in first.
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 401, 'signIn.first');
    try {
      const oidc = await oidcClient();
      const { generators } = await openidClient();
      const verifier = generators.codeVerifier();
      const signingIn = {
        verifier,
        state: generators.state(),
        nonce: generators.nonce(),
        returnTo: localPath(req.originalUrl),
      };
      session.signingIn = signingIn;
      res.redirect(
        oidc.authorizationUrl({
          scope: 'openid profile',
          code_challenge: generators.codeChallenge(verifier),
          code_challenge_method: 'S256',
          state: signingIn.state,
          nonce: signingIn.nonce,
        }),
      );
    } catch (error) {
      log.warn('staff sign-in unavailable', { error: (error as Error).message });
      refuse(req, res, 503, 'signIn.unavailable');
    }
  });

  return { router, checkFormToken: csrfSynchronisedProtection };
}

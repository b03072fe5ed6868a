// Settings are checked once at start-up: a wrong or half-given value stops the start with a message naming it.
import { ConfigError, readConfig } from '../src/config';

const signIn = {
  STAFF_OIDC_ISSUER: 'https://login.microsoftonline.com/council-tenant/v2.0',
  STAFF_OIDC_CLIENT_ID: 'sanctuary-rules',
  STAFF_OIDC_CLIENT_SECRET: 'secret',
  STAFF_OIDC_REDIRECT_URL: 'https://sanctuary.council.example/auth/callback',
  STAFF_SESSION_SECRET: 'x'.repeat(32),
};

test('without the sign-in settings the staff pages are open; with all of them, signed in', () => {
  expect(readConfig({}).staffSignIn).toBeNull();
  expect(readConfig(signIn).staffSignIn).toMatchObject({ clientId: 'sanctuary-rules' });
});

test('half a sign-in never leaves the pages open by mistake: it stops the start', () => {
  const { STAFF_OIDC_CLIENT_SECRET: _secret, ...partial } = signIn;
  expect(() => readConfig(partial)).toThrow(ConfigError);
  expect(() => readConfig(partial)).toThrow(/STAFF_OIDC_CLIENT_SECRET/);
  expect(() => readConfig({ ...signIn, STAFF_SESSION_SECRET: 'short' })).toThrow(/at least 32 characters/);
});

test('the body bytes in flight must hold at least one batch', () => {
  expect(readConfig({}).bodyBytesInFlight).toBe(16 * 1024 * 1024);
  expect(() => readConfig({ BODY_BYTES_IN_FLIGHT: '4mb' })).toThrow(/at least BODY_LIMIT_BATCH/);
});

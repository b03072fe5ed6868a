// A real OpenID Connect provider for the staff sign-in tests (oidc-provider, in a process of its own because it is
// an ES module). Its development login form takes any name and password. Loopback only.
// usage: node test/oidc/provider.mjs PORT REDIRECT_URI
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'staff-pages',
      client_secret: 'staff-pages-secret',
      redirect_uris: [redirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    },
  ],
  findAccount: async (_ctx, sub) => ({
    accountId: sub,
    claims: async () => ({ sub, name: `Officer ${sub}` }),
  }),
  claims: { openid: ['sub'], profile: ['name'] },
  cookies: { keys: ['oidc-test-cookie-key'] },
});
provider.listen(Number(port), '127.0.0.1', () => console.log(JSON.stringify({ issuer })));

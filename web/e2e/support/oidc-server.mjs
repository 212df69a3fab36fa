/**
 * A real OpenID provider (npm oidc-provider) standing in for Google in the e2e tests and under
 * `npm start -- --google-stub` (tools/dev-stack gives it its port and client). Its
 * built-in dev login form accepts any login (used as the email) and password; the ID token
 * carries `email` and `email_verified` because next-auth's Google provider reads only the ID
 * token (`conformIdTokenClaims: false`).
 * Env: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI.
 */
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID,
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false,
  cookies: { keys: ['e2e-only-cookie-key-0123456789abcdef'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const email = String(id).toLowerCase();
    return {
      accountId: email,
      async claims() {
        return { sub: email, email, email_verified: true, name: email.split('@')[0] };
      },
    };
  },
});
provider.proxy = false;
const server = provider.listen(port, '127.0.0.1', () => process.stdout.write(`oidc provider listening on ${issuer}\n`));
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

/**
 * next-auth: Google (its discovery document and issuer overridable for tests) and Credentials
 * (checked by the provisioning service), JWT sessions in one cookie for `.ROOT_DOMAIN`, the
 * tenant put into the token from the tenant lookup, and redirects only to our own hosts.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GoogleProvider from 'next-auth/providers/google';
import { config } from './config';
import { apexRedirect } from './hosts';
import { isLive, tenantByEmail } from './lookup';
import { verifyCredentials } from './provisioning';
import { SESSION_MAX_AGE, sessionCookieName, sessionCookieOptions, type SessionToken } from './session';

/**
 * The tenant claims for an email, from the read model: only a tenant whose admin email is
 * proven. A password signup nobody confirmed (maybe made by someone else with this address)
 * never receives a person signed in with Google under the same address. Every status but
 * Deprovisioned counts (issue 18): a rolled-back tenant gave its names back but its person
 * still signs in to press Retry (the read model answers a live holder of the address first).
 */
export async function tenantClaimsFor(email: string): Promise<{ tenantId?: string; subdomain?: string }> {
  const doc = await tenantByEmail(email);
  if (!doc || (doc.status !== 'RolledBack' && !isLive(doc))) return {};
  return doc.emailVerified !== false ? { tenantId: doc.tenantId, subdomain: doc.subdomain } : {};
}

/** What the login form shows for this error (next-auth passes an authorize() error's message as `error`). */
export const EMAIL_UNVERIFIED_ERROR = 'EmailUnverified';

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const cfg = config();
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials) {
        const email = credentials?.email?.trim().toLowerCase() ?? '';
        const password = credentials?.password ?? '';
        if (!email || !password) return null;
        const ok = await verifyCredentials(email, password);
        if (ok === 'unverified') throw new Error(EMAIL_UNVERIFIED_ERROR);
        if (!ok) return null;
        return { id: ok.tenantId, email, tenantId: ok.tenantId, subdomain: ok.subdomain };
      },
    }),
  ];
  if (cfg.google) {
    providers.push(
      GoogleProvider({
        clientId: cfg.google.clientId,
        clientSecret: cfg.google.clientSecret,
        ...(cfg.google.wellKnown ? { wellKnown: cfg.google.wellKnown } : {}),
        ...(cfg.google.issuer ? { issuer: cfg.google.issuer } : {}),
        authorization: { params: { scope: 'openid email profile' } },
      }),
    );
  }
  cached = {
    secret: cfg.nextAuthSecret,
    providers,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
    useSecureCookies: cfg.secureCookies,
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    pages: { signIn: '/login', error: '/login', signOut: '/signed-out' },
    callbacks: {
      async signIn({ account, profile }) {
        // A Google account must have a verified email: the email is what ties it to a tenant.
        if (account?.provider === 'google') return (profile as { email_verified?: boolean } | undefined)?.email_verified === true;
        return true;
      },
      async jwt({ token, user, account }) {
        const t = token as SessionToken;
        if (user && account) {
          t.idp = account.provider === 'google' ? 'google' : 'password';
          const email = (user.email ?? t.email ?? '').toLowerCase();
          t.email = email;
          const fromLookup = email ? await tenantClaimsFor(email) : {};
          // The read model can lag a moment behind a fresh confirmation; the password check is
          // authoritative then (it answers only for a proven email). A Google sign-in has no such
          // answer: only the read model's proven tenant counts.
          const fromVerify = account.provider === 'credentials' ? (user as { tenantId?: string; subdomain?: string }) : {};
          t.tenantId = fromLookup.tenantId ?? fromVerify.tenantId;
          t.subdomain = fromLookup.subdomain ?? fromVerify.subdomain;
        }
        return t;
      },
      async session({ session, token }) {
        const t = token as SessionToken;
        return { ...session, user: { ...session.user, email: t.email ?? null }, tenantId: t.tenantId, subdomain: t.subdomain, idp: t.idp };
      },
      async redirect({ url }) {
        // next-auth does not say who signs in: only the apex here; a tenant-host target goes
        // through /auth/continue, which allows the person's own host only. Checked against
        // NEXTAUTH_URL (cfg.publicUrl), not against anything taken from the request.
        return apexRedirect(url, cfg.publicUrl, cfg.rootDomain);
      },
    },
  };
  return cached;
}

export interface AppSession {
  user?: { email?: string | null; name?: string | null };
  tenantId?: string;
  subdomain?: string;
  idp?: 'password' | 'google';
}

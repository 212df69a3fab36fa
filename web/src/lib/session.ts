/**
 * The one session cookie: next-auth's JWT, scoped to `.ROOT_DOMAIN` so the apex and every
 * tenant host see it. `writeSession` mints the same cookie next-auth would, for the two places
 * where the server already knows who the person is without a sign-in round trip: right after a
 * signup whose password the provisioning service confirmed, and /auth/continue refreshing the
 * token's tenant after onboarding.
 */
import { decode, encode, type JWT } from 'next-auth/jwt';
import { config } from './config';

export const SESSION_MAX_AGE = 8 * 3600;

export const sessionCookieName = (): string => (config().secureCookies ? '__Secure-tlc.session-token' : 'tlc.session-token');

export function sessionCookieOptions() {
  const cfg = config();
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: cfg.secureCookies,
    // Leading dot: the apex and every `<label>.ROOT_DOMAIN` receive it.
    domain: `.${cfg.rootDomain}`,
  };
}

/** What we keep in the token besides next-auth's own `sub`, `email`, `name`. */
export interface TenantClaims {
  tenantId?: string;
  subdomain?: string;
  idp?: 'password' | 'google';
}

export type SessionToken = JWT & TenantClaims;

export async function encodeSession(token: SessionToken): Promise<{ name: string; value: string; options: ReturnType<typeof sessionCookieOptions> & { maxAge: number } }> {
  const now = Math.floor(Date.now() / 1000);
  const value = await encode({ token: { ...token, iat: now, exp: now + SESSION_MAX_AGE }, secret: config().nextAuthSecret, maxAge: SESSION_MAX_AGE });
  return { name: sessionCookieName(), value, options: { ...sessionCookieOptions(), maxAge: SESSION_MAX_AGE } };
}

/** The signed-in person on this request (server components, actions, route handlers), or null. */
export async function readSession(): Promise<SessionToken | null> {
  const { cookies } = await import('next/headers');
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  try {
    return (await decode({ token: raw, secret: config().nextAuthSecret })) as SessionToken | null;
  } catch {
    return null;
  }
}

/**
 * Email verification links carry a token that needs no storage: `v1.<tenantId>.<expires>.<mac>`,
 * the MAC an HMAC-SHA256 over the tenant, the expiry and the email it was sent to, under a key
 * derived from SECRETS_KEY (HKDF, its own label). Nothing secret is stored in any event; the
 * outbox makes the same token again from the event that asked for it (so a resend after a crash
 * sends the same link), and a token for another address or past its expiry does not verify.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const LABEL = 'tlc email verification v1';
const TOKEN = /^v1\.([0-9a-f-]{36})\.(\d{10,11})\.([A-Za-z0-9_-]{43})$/;

export interface TokenClaims {
  readonly tenantId: string;
  readonly expiresAt: Date;
}

export class VerificationTokens {
  private readonly key: Buffer;

  constructor(secretsKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', secretsKey, Buffer.alloc(0), LABEL, 32));
  }

  make(tenantId: string, email: string, expiresAt: Date): string {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    return `v1.${tenantId}.${exp}.${this.mac(tenantId, exp, email)}`;
  }

  /** The claims a well-formed token makes; check them with `verify` once the tenant's email is known. */
  parse(token: string): TokenClaims | undefined {
    const m = TOKEN.exec(token);
    return m ? { tenantId: m[1], expiresAt: new Date(Number(m[2]) * 1000) } : undefined;
  }

  verify(token: string, email: string, now: Date): boolean {
    const m = TOKEN.exec(token);
    if (!m) return false;
    const exp = Number(m[2]);
    const expected = Buffer.from(this.mac(m[1], exp, email));
    const given = Buffer.from(m[3]);
    return given.length === expected.length && timingSafeEqual(given, expected) && exp * 1000 > now.getTime();
  }

  private mac(tenantId: string, exp: number, email: string): string {
    return createHmac('sha256', this.key).update(`${tenantId}\n${exp}\n${email.trim().toLowerCase()}`).digest('base64url');
  }
}

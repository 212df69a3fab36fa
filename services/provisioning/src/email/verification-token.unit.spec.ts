import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { VerificationTokens } from './verification-token.js';

const T = '3f0c2a8e-1b2c-4d3e-8f00-aa11bb22cc33';
const tokens = new VerificationTokens(randomBytes(32));
const later = new Date('2026-12-10T00:00:00Z');
const now = new Date('2026-12-04T00:00:00Z');

describe('verification tokens', () => {
  it('verify for the address and tenant they were made for, until they expire', () => {
    const t = tokens.make(T, 'ada@acme.test', later);
    expect(tokens.parse(t)).toEqual({ tenantId: T, expiresAt: later });
    expect(tokens.verify(t, 'ada@acme.test', now)).toBe(true);
    expect(tokens.verify(t, 'ADA@acme.test ', now)).toBe(true);
    expect(tokens.verify(t, 'eve@acme.test', now)).toBe(false);
    expect(tokens.verify(t, 'ada@acme.test', new Date(later.getTime() + 1))).toBe(false);
  });
  it('are the same every time they are made from the same facts (a resend after a crash sends the same link)', () => {
    expect(tokens.make(T, 'ada@acme.test', later)).toBe(tokens.make(T, 'ada@acme.test', later));
  });
  it('do not verify under another SECRETS_KEY', () => {
    const t = tokens.make(T, 'ada@acme.test', later);
    expect(new VerificationTokens(randomBytes(32)).verify(t, 'ada@acme.test', now)).toBe(false);
  });
  it('refuse any other edit: tenant, expiry or MAC', () => {
    const t = tokens.make(T, 'ada@acme.test', later);
    fc.assert(
      fc.property(fc.nat({ max: t.length - 1 }), fc.constantFrom(...'0123456789abcdefABCDEF-_.'), (i, c) => {
        fc.pre(t[i] !== c);
        const edited = t.slice(0, i) + c + t.slice(i + 1);
        expect(tokens.verify(edited, 'ada@acme.test', now)).toBe(false);
      }),
    );
  });
  it('parse nothing from garbage', () => {
    for (const bad of ['', 'v1', 'v2.x.y.z', `v1.${T}.notanumber.${'A'.repeat(43)}`, `v1.${T}.1765000000.${'A'.repeat(42)}`]) expect(tokens.parse(bad)).toBeUndefined();
  });
});

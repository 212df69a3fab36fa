import { TENANT_ID, given, meta, signedUp, activeHistory } from './test-support/given.js';
import type { TenantCommand } from './commands.js';
import type { TenantDraft } from './drafts.js';

const NOW = '2026-11-27T08:00:00.000Z';
const verify = (email = 'ada@acme.test'): TenantCommand => ({ type: 'VerifyEmail', data: { tenantId: TENANT_ID, email }, metadata: meta() });
const resend = (now = NOW): TenantCommand => ({ type: 'RequestVerificationEmail', data: { tenantId: TENANT_ID }, metadata: meta(now) });
const note = (now = NOW): TenantCommand => ({ type: 'NoteSignupAttempt', data: { tenantId: TENANT_ID }, metadata: meta(now) });
const verified: TenantDraft = { type: 'EmailVerified', data: { tenantId: TENANT_ID, email: 'ada@acme.test' } };
const noted: TenantDraft = { type: 'ExistingAccountSignupAttempted', data: { tenantId: TENANT_ID } };
const googleSignup: TenantDraft = {
  type: 'SignupRequested',
  data: { ...(signedUp.data as object), identityProvider: 'google', emailVerification: 'proven-by-idp', adminPassword: undefined, adminPasswordHash: undefined } as never,
};
const gone: TenantDraft[] = [...activeHistory, { type: 'DeprovisionRequested', data: { tenantId: TENANT_ID, reason: 'x' } }];
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString();

describe('VerifyEmail', () => {
  it('records the proof for the address the signup gave', () => given(signedUp).when(verify()).then([verified]));
  it('accepts the address in another case', () => given(signedUp).when(verify('ADA@acme.test')).then([verified]));
  it('records nothing the second time', () => given(signedUp, verified).when(verify()).then([]));
  it('records nothing for an address an identity provider proved', () => given(googleSignup).when(verify()).then([]));
  it('refuses a link made for another address', () => given(signedUp).when(verify('eve@evil.test')).thenRejects('EMAIL.VERIFICATION_INVALID'));
  it('refuses a link once the tenant is being deprovisioned', () =>
    given(...gone)
      .when(verify())
      .thenRejects('EMAIL.VERIFICATION_INVALID'));
});

const requested: TenantDraft = { type: 'VerificationEmailRequested', data: { tenantId: TENANT_ID } };

describe('RequestVerificationEmail', () => {
  it('does nothing within a minute of the last link', () =>
    given(signedUp)
      .when(resend(minutes(0.5)))
      .then([]));
  it('asks for another link after a minute', () =>
    given(signedUp)
      .when(resend(minutes(2)))
      .then([requested]));
  it('doubles the gap after each link (the history is folded at NOW, so gaps are measured from it)', () => {
    // Two links so far: the next waits two minutes; three so far: four minutes.
    given(signedUp, requested)
      .when(resend(minutes(1.5)))
      .then([]);
    given(signedUp, requested)
      .when(resend(minutes(2.5)))
      .then([requested]);
    given(signedUp, requested, requested)
      .when(resend(minutes(3.5)))
      .then([]);
    given(signedUp, requested, requested)
      .when(resend(minutes(4.5)))
      .then([requested]);
  });
  it('sends at most five links to one address, however long one waits (no mail bombing)', () =>
    given(signedUp, requested, requested, requested, requested)
      .when(resend(minutes(60 * 24 * 30)))
      .then([]));
  it('does nothing once the address is proven', () =>
    given(signedUp, verified)
      .when(resend(minutes(10)))
      .then([]));
  it('does nothing for a tenant being deprovisioned', () =>
    given(...gone)
      .when(resend(minutes(10)))
      .then([]));
});

describe('NoteSignupAttempt', () => {
  it('tells the owner the first time', () => given(signedUp).when(note()).then([noted]));
  it('tells them at most once a day', () => {
    given(signedUp, noted)
      .when(note(minutes(23 * 60)))
      .then([]);
    given(signedUp, noted)
      .when(note(minutes(25 * 60)))
      .then([noted]);
  });
  it('tells nobody about a tenant being deprovisioned', () =>
    given(...gone)
      .when(note())
      .then([]));
});

/**
 * A signup whose address was never confirmed does not hold the address for good: once its link
 * has expired, the next signup with that address deprovisions it, and after the process manager
 * has dropped its site the address is free for whoever owns it.
 */
import { auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { driver } from '../test-support/drive.js';
import { SignupService } from './signup.service.js';

describe('an unconfirmed signup past its link lifetime', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { EMAIL_VERIFICATION_TTL_HOURS: '1' });
  });
  afterAll(async () => {
    await h?.close();
  });

  const types = async (tenantId: string) => (await h.store.readStream(`tenant-${tenantId}`)).map((e) => e.type);

  it('is deprovisioned by the next signup with its address, which then goes through', async () => {
    const squatter = signupBody();
    const first = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: squatter });
    const tenantId = first.json().tenantId as string;
    const d = driver(h.service);
    await d.activate(tenantId);
    const owner = { organization: 'Owner Ltd', subdomain: `owner-${Date.now().toString(36)}`, adminEmail: squatter.adminEmail, identityProvider: 'google' as const };
    const signups = h.service.app.get(SignupService);
    const ctx = (hours: number) => ({ correlationId: 'spec', actor: { kind: 'system' as const, id: 'spec' }, now: () => new Date(Date.now() + hours * 3_600_000) });

    // Within the link's lifetime the address stays with the first signup (its owner is told).
    await expect(signups.signup(owner, ctx(0.5))).rejects.toMatchObject({ code: 'TENANT.EMAIL_HAS_TENANT' });
    expect(await types(tenantId)).not.toContain('DeprovisionRequested');
    expect(await types(tenantId)).toContain('ExistingAccountSignupAttempted');

    // Past it, the attempt deprovisions the unconfirmed tenant (still refused: its site is being dropped).
    await expect(signups.signup(owner, ctx(2))).rejects.toMatchObject({ code: 'TENANT.EMAIL_HAS_TENANT' });
    const stream = await h.store.readStream(`tenant-${tenantId}`);
    const requested = stream.find((e) => e.type === 'DeprovisionRequested')!;
    expect(requested.data).toMatchObject({ reason: 'The admin email was never confirmed.' });
    expect(requested.metadata.actor).toEqual({ kind: 'system', id: 'signup:unconfirmed-email-expiry' });

    await d.dropSite(tenantId);
    expect(await types(tenantId)).toContain('TenantDeprovisioned');
    const mine = await signups.signup(owner, ctx(2));
    expect(mine).toMatchObject({ existing: false, subdomain: owner.subdomain });
  });

  it('keeps a confirmed tenant whatever its age', async () => {
    const body = signupBody({ identityProvider: 'google', adminPassword: undefined });
    const res = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
    const tenantId = res.json().tenantId as string;
    await driver(h.service).activate(tenantId);
    const signups = h.service.app.get(SignupService);
    const later = { correlationId: 'spec', actor: { kind: 'system' as const, id: 'spec' }, now: () => new Date(Date.now() + 1000 * 3_600_000) };
    await expect(
      signups.signup({ organization: 'X', subdomain: `x-${Date.now().toString(36)}`, adminEmail: body.adminEmail, identityProvider: 'password', adminPassword: 'another password 1' }, later),
    ).rejects.toMatchObject({ code: 'TENANT.EMAIL_HAS_TENANT' });
    expect(await types(tenantId)).not.toContain('DeprovisionRequested');
  });
});

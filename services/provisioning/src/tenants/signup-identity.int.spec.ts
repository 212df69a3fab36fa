/**
 * What a signup answer may hand back (issue 15 review): the "same signup still running" answer
 * goes only to someone who proves what the first signup proved, and a taken subdomain is
 * refused before the email is looked at, so no answer depends on who owns an address.
 */
import { ReservationsService } from '../reservations/reservations.service.js';
import { subdomainStream } from '@tlc/tenant-events';
import { uuidV5 } from '../shared/ids.js';
import { auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { driver } from '../test-support/drive.js';
import { SignupService } from './signup.service.js';

describe('signup answers and identities', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => {
    await h?.close();
  });
  const post = (body: Record<string, unknown>) => h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
  const signups = async () => (await h.store.readAll()).filter((e) => e.type === 'SignupRequested').length;

  it('never hands a Google signup the running password signup someone made with its address', async () => {
    const attacker = signupBody();
    const first = await post(attacker);
    expect(first.statusCode).toBe(202);
    const victim = await post({ organization: 'Victim Ltd', subdomain: attacker.subdomain, adminEmail: attacker.adminEmail, identityProvider: 'google' });
    expect(victim.statusCode).toBe(409);
    expect(victim.json().tenantId).toBeUndefined();
    expect(JSON.stringify(victim.json())).not.toContain(first.json().tenantId);
  });

  it('hands the running signup back to the same person (same password), and to nobody else', async () => {
    const body = signupBody();
    const first = (await post(body)).json();
    const again = await post(body);
    expect(again.statusCode).toBe(202);
    expect(again.json().tenantId).toBe(first.tenantId);
    const stranger = await post({ ...body, adminPassword: 'some other password' });
    expect(stranger.statusCode).toBe(409);
    expect(stranger.json().code).toBe('TENANT.SUBDOMAIN_TAKEN');
    expect(stranger.json().tenantId).toBeUndefined();
  });

  it('answers a taken subdomain the same whether or not the email has a site (no enumeration oracle)', async () => {
    const owner = signupBody();
    await post(owner);
    const taken = signupBody().subdomain;
    await post(signupBody({ subdomain: taken }));
    const before = await signups();
    const withOwnersEmail = await post(signupBody({ subdomain: taken, adminEmail: owner.adminEmail }));
    const withFreshEmail = await post(signupBody({ subdomain: taken }));
    expect([withOwnersEmail.statusCode, withOwnersEmail.json().code]).toEqual([409, 'TENANT.SUBDOMAIN_TAKEN']);
    expect([withFreshEmail.statusCode, withFreshEmail.json().code]).toEqual([409, 'TENANT.SUBDOMAIN_TAKEN']);
    expect(await signups()).toBe(before);
    // And the owner heard nothing: nothing about their address was looked at.
    const ownerStream = (await h.store.readAll()).filter((e) => e.type === 'ExistingAccountSignupAttempted');
    expect(ownerStream).toHaveLength(0);
  });

  describe('a retried request whose answer was lost to a crash', () => {
    const input = (body: ReturnType<typeof signupBody>) => ({ ...body, identityProvider: 'password' as const });
    const ctx = (requestKey?: string) => ({ correlationId: 'c-retry', actor: { kind: 'user' as const, id: 'retry@shop.test' }, ...(requestKey ? { requestKey } : {}) });

    it('finds the name it reserved itself before the crash (same key and body), while any other request is refused', async () => {
      const body = signupBody();
      const signups = h.service.app.get(SignupService);
      const reservations = h.service.app.get(ReservationsService);
      // The crash: the subdomain was reserved under the request's tenant id, then the process died.
      const tenantId = uuidV5('signup:key-lost-1');
      const held = await reservations.reserve(reservations.subdomain(body.subdomain), tenantId, {
        commandId: 'crashed',
        correlationId: 'c',
        causationId: 'c',
        actor: { kind: 'system', id: 't' },
        now: new Date().toISOString(),
      });
      expect(held.ok).toBe(true);
      await expect(signups.signup(input(body), ctx('key-other'))).rejects.toMatchObject({ code: 'TENANT.SUBDOMAIN_TAKEN' });
      const retried = await signups.signup(input(body), ctx('key-lost-1'));
      expect(retried).toMatchObject({ tenantId, subdomain: body.subdomain, existing: false });
      expect(['Requested', 'Provisioning']).toContain(retried.state.status);
    });

    it('an attempt that lost its claim to a retry of the same request leaves the holds it shares with that retry', async () => {
      const signups = h.service.app.get(SignupService);
      const reservations = h.service.app.get(ReservationsService);
      // The email belongs to a live tenant, so each attempt fails after reserving the subdomain.
      const owner = signupBody();
      await signups.signup(input(owner), ctx('key-owner'));
      const body = { ...signupBody(), adminEmail: owner.adminEmail };
      const holder = async () => (await reservations.holderOf(subdomainStream(body.subdomain), new Date().toISOString()))?.reservation.holder?.tenantId;
      const lost = { ...ctx('key-overlap'), stillOwner: async () => false };
      await expect(signups.signup(input(body), lost)).rejects.toMatchObject({ code: 'TENANT.EMAIL_HAS_TENANT' });
      expect(await holder()).toBe(uuidV5('signup:key-overlap'));
      // The attempt that still holds the claim gives the names back.
      await expect(signups.signup(input(body), { ...ctx('key-overlap'), stillOwner: async () => true })).rejects.toMatchObject({ code: 'TENANT.EMAIL_HAS_TENANT' });
      expect(await holder()).toBeUndefined();
    });

    it('a retry of a request whose signup has since ended is refused, and makes no key for it', async () => {
      const body = signupBody();
      const signups = h.service.app.get(SignupService);
      const first = await signups.signup(input(body), ctx('key-ended'));
      // It failed and was rolled back; its key went with it (as after a deprovision's shredding).
      const drive = driver(h.service);
      await drive.failNewSite(first.tenantId);
      await drive.dropSite(first.tenantId);
      await h.service.keyStore.destroy(first.tenantId);
      await expect(signups.signup(input(body), ctx('key-ended'))).rejects.toMatchObject({ code: 'TENANT.ALREADY_EXISTS' });
      expect(await h.service.keyStore.get(first.tenantId)).toBeUndefined();
    });

    it('gets the tenant it recorded before the crash back, not a second one and not a 409', async () => {
      const body = signupBody();
      const signups = h.service.app.get(SignupService);
      const first = await signups.signup(input(body), ctx('key-lost-2'));
      const again = await signups.signup(input(body), ctx('key-lost-2'));
      expect(again).toMatchObject({ tenantId: first.tenantId, existing: true });
      const recorded = (await h.store.readAll()).filter((e) => e.type === 'SignupRequested' && (e.data as { tenantId: string }).tenantId === first.tenantId);
      expect(recorded).toHaveLength(1);
    });
  });
});

import type { EventDraft, StepRef, TenantEvent } from './events.js';
import { chainEvents } from './hash-chain.js';
import { GENESIS_HASH } from './metadata.js';
import type { SealedSecret } from './sealed-secret.js';
import { evolve, foldTenant, initialTenantState, liveLeases, planSteps, startableSteps, stepKey, type TenantState } from './tenant-state.js';

const T = 'tenant-1';
const sealed: SealedSecret = { alg: 'A256GCM', keyId: `tenant-${T}`, iv: 'aXY', tag: 'dGFn', ciphertext: 'Y3Q' };
const at = (n: number) => new Date(Date.UTC(2026, 10, 27, 9, 0, 0) + n * 1000).toISOString();

// ---- event drafts ----
const signup = (apps = ['erpnext', 'hrms'], google = false): EventDraft<TenantEvent> => ({
  type: 'SignupRequested',
  data: {
    tenantId: T,
    organization: 'Acme Ltd',
    subdomain: 'acme',
    siteName: 'acme.example.com',
    adminEmail: 'owner@acme.test',
    identityProvider: google ? 'google' : 'password',
    apps,
    emailVerification: google ? 'proven-by-idp' : 'pending',
    ...(google ? {} : { adminPassword: sealed, adminPasswordHash: '$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA' }),
  },
});
const started = (ref: StepRef, attempt = 1): EventDraft<TenantEvent> => ({
  type: 'StepStarted',
  data: { tenantId: T, ...ref, attempt, runnerId: 'pm-a', leaseExpiresAt: '2026-11-27T10:00:00.000Z' },
});
const failed = (ref: StepRef, willRetry: boolean, classification: 'transient' | 'permanent' | 'timeout' = willRetry ? 'transient' : 'permanent'): EventDraft<TenantEvent> => ({
  type: 'StepFailed',
  data: {
    tenantId: T,
    ...ref,
    attempt: 1,
    classification,
    exitCode: 1,
    reason: 'bench exited with 1.',
    stderrTail: 'boom',
    willRetry,
    durationMs: 700,
    ...(willRetry ? { retryAt: '2026-11-27T09:10:00.000Z' } : {}),
  },
});
const e = {
  siteCreated: { type: 'SiteCreated', data: { tenantId: T, siteName: 'acme.example.com', dbName: '_5e1f', durationMs: 30000 } },
  installed: (app: string) => ({ type: 'AppInstalled', data: { tenantId: T, app, durationMs: 60000 } }),
  admin: { type: 'AdminConfigured', data: { tenantId: T, email: 'owner@acme.test', durationMs: 2000 } },
  keys: { type: 'ApiKeysIssued', data: { tenantId: T, apiKey: 'key-1', apiSecret: sealed, durationMs: 1500 } },
  host: { type: 'HostNameConfigured', data: { tenantId: T, hostName: 'acme.example.com', durationMs: 900 } },
  activated: { type: 'TenantActivated', data: { tenantId: T, siteUrl: 'https://acme.example.com' } },
  rollback: { type: 'RollbackStarted', data: { tenantId: T, reason: 'install failed', failedStep: { step: 'install-app', app: 'hrms' } } },
  dropped: { type: 'SiteDropped', data: { tenantId: T, siteName: 'acme.example.com', durationMs: 4000 } },
  rolledBack: { type: 'RolledBack', data: { tenantId: T } },
  released: { type: 'SubdomainReleased', data: { tenantId: T, subdomain: 'acme' } },
  retried: { type: 'ProvisioningRetried', data: { tenantId: T, provisioningAttempt: 2 } },
  suspended: { type: 'TenantSuspended', data: { tenantId: T, reason: 'unpaid' } },
  resumed: { type: 'TenantResumed', data: { tenantId: T } },
  deprovision: { type: 'DeprovisionRequested', data: { tenantId: T, reason: 'closed account' } },
  deprovisioned: { type: 'TenantDeprovisioned', data: { tenantId: T, keyDestroyed: true } },
  broken: { type: 'TenantBroken', data: { tenantId: T, reason: 'drop-site failed', step: { step: 'drop-site' } } },
  standby: { type: 'StandbySiteClaimed', data: { tenantId: T, standbySite: 'standby-7.example.com' } },
} satisfies Record<string, EventDraft<TenantEvent> | ((app: string) => EventDraft<TenantEvent>)>;

/** A stored history: chained, one second apart, as the loader would hand it over. */
function history(drafts: ReadonlyArray<EventDraft<TenantEvent>>): TenantEvent[] {
  return chainEvents(
    GENESIS_HASH,
    drafts.map((d, i) => ({
      ...d,
      metadata: { eventId: `e${i}`, correlationId: 'c', causationId: 'c', actor: { kind: 'system' as const, id: 'pm-a' }, occurredAt: at(i), schemaVersion: 1 },
    })),
  ) as TenantEvent[];
}
const given = (...drafts: EventDraft<TenantEvent>[]) => foldTenant(history(drafts));
/** The first step still to succeed (what startableSteps offers first). */
const nextStep = (s: TenantState) => startableSteps(s)[0];
const step = (s: TenantState, key: string) => s.steps.find((x) => x.key === key)!;

const NEW_SITE: StepRef = { step: 'new-site' };
const ERPNEXT: StepRef = { step: 'install-app', app: 'erpnext' };
const HRMS: StepRef = { step: 'install-app', app: 'hrms' };
const happyPath: EventDraft<TenantEvent>[] = [
  signup(),
  started(NEW_SITE),
  e.siteCreated,
  started(ERPNEXT),
  e.installed('erpnext'),
  started(HRMS),
  e.installed('hrms'),
  started({ step: 'add-system-manager' }),
  e.admin,
  started({ step: 'api-keys' }),
  e.keys,
  started({ step: 'set-host-name' }),
  e.host,
  e.activated,
];

describe('planSteps / stepKey', () => {
  it('plans new-site, one install-app per app in order, then admin, keys and host name', () => {
    expect(planSteps(['erpnext', 'hrms', 'crm']).map(stepKey)).toEqual(['new-site', 'install-app:erpnext', 'install-app:hrms', 'install-app:crm', 'add-system-manager', 'api-keys', 'set-host-name']);
    expect(planSteps([]).map(stepKey)).toEqual(['new-site', 'add-system-manager', 'api-keys', 'set-host-name']);
  });
});

describe('tenant state fold', () => {
  it('starts empty with no tenant and no pending step', () => {
    expect(initialTenantState).toMatchObject({ exists: false, status: 'None', revision: -1, steps: [] });
    expect(nextStep(initialTenantState)).toBeUndefined();
    expect(Object.isFrozen(initialTenantState)).toBe(true);
  });

  it('given a signup, the tenant is Requested with every planned step pending', () => {
    const s = given(signup());
    expect(s).toMatchObject({
      exists: true,
      status: 'Requested',
      tenantId: T,
      subdomain: 'acme',
      siteName: 'acme.example.com',
      adminEmail: 'owner@acme.test',
      identityProvider: 'password',
      apps: ['erpnext', 'hrms'],
      adminPassword: sealed,
      provisioningAttempt: 1,
      createdAt: at(0),
      siteMayExist: false,
      subdomainReleased: false,
      revision: 0,
    });
    expect(s.steps.map((x) => [x.key, x.status, x.attempts])).toEqual(planSteps(['erpnext', 'hrms']).map((r) => [stepKey(r), 'pending', 0]));
    expect(nextStep(s)?.key).toBe('new-site');
  });

  it('a Google sign-up carries no password', () => {
    const s = given(signup(['erpnext'], true));
    expect(s.identityProvider).toBe('google');
    expect(s.adminPassword).toBeUndefined();
    expect(s.adminPasswordHash).toBeUndefined();
  });

  it('when new-site starts, the tenant is Provisioning, the step running, and a site may exist', () => {
    const s = given(signup(), started(NEW_SITE));
    expect(s.status).toBe('Provisioning');
    expect(s.siteMayExist).toBe(true);
    expect(s.leases).toEqual([{ step: 'new-site', app: undefined, key: 'new-site', attempt: 1, runnerId: 'pm-a', leaseExpiresAt: '2026-11-27T10:00:00.000Z', startedAt: at(1) }]);
    expect(step(s, 'new-site')).toMatchObject({ status: 'running', attempts: 1, startedAt: at(1) });
    expect(nextStep(s)?.key).toBe('new-site');
  });

  it('then each finished step records start, end and duration, and the next one is pending', () => {
    const s = given(signup(), started(NEW_SITE), e.siteCreated);
    expect(step(s, 'new-site')).toMatchObject({ status: 'succeeded', startedAt: at(1), endedAt: at(2), durationMs: 30000 });
    expect(s.leases).toEqual([]);
    expect(s.dbName).toBe('_5e1f');
    expect(s.siteMayExist).toBe(true);
    expect(nextStep(s)).toMatchObject({ key: 'install-app:erpnext', step: 'install-app', app: 'erpnext' });
  });

  it('the whole happy path ends Active with every step succeeded', () => {
    const events = history(happyPath);
    const s = foldTenant(events);
    expect(s).toMatchObject({ status: 'Active', siteUrl: 'https://acme.example.com', activatedAt: at(13), apiKey: 'key-1', updatedAt: at(13) });
    expect(s.steps.every((x) => x.status === 'succeeded' && x.attempts === 1 && x.endedAt! > x.startedAt!)).toBe(true);
    expect(step(s, 'install-app:hrms')).toMatchObject({ startedAt: at(5), endedAt: at(6), durationMs: 60000 });
    expect(nextStep(s)).toBeUndefined();
    expect(s.revision).toBe(events.length - 1);
    expect(s.lastHash).toBe(events[events.length - 1].metadata.hash);
  });

  it('the status follows Requested -> Provisioning -> Active along the way', () => {
    const events = history(happyPath);
    const statuses: string[] = [];
    events.reduce((s, ev) => (statuses.push((s = evolve(s, ev)).status), s), initialTenantState);
    expect([...new Set(statuses)]).toEqual(['Requested', 'Provisioning', 'Active']);
  });

  it('a transient failure keeps Provisioning and leaves the step pending for a retry', () => {
    const s = given(signup(), started(NEW_SITE), e.siteCreated, started(ERPNEXT), failed(ERPNEXT, true));
    expect(s.status).toBe('Provisioning');
    expect(step(s, 'install-app:erpnext')).toMatchObject({ status: 'pending', attempts: 1, endedAt: at(4), durationMs: 700 });
    expect(s.leases).toEqual([]);
    expect(s.lastError).toEqual({ step: ERPNEXT, reason: 'bench exited with 1.', at: at(4), classification: 'transient' });
    expect(nextStep(s)?.key).toBe('install-app:erpnext');

    const retried = foldTenant(history([started(ERPNEXT, 2), e.installed('erpnext')]), s);
    expect(step(retried, 'install-app:erpnext')).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('a retried step starts again with its end cleared', () => {
    const s = given(signup(), started(NEW_SITE), failed(NEW_SITE, true, 'timeout'), started(NEW_SITE, 2));
    expect(step(s, 'new-site')).toMatchObject({ status: 'running', attempts: 2, startedAt: at(3), endedAt: undefined });
    expect(s.lastError?.classification).toBe('timeout');
  });

  it('a permanent failure fails the tenant and the step', () => {
    const s = given(signup(), started(NEW_SITE), e.siteCreated, started(ERPNEXT), e.installed('erpnext'), started(HRMS), failed(HRMS, false));
    expect(s.status).toBe('Failed');
    expect(step(s, 'install-app:hrms').status).toBe('failed');
    expect(s.lastError).toMatchObject({ step: HRMS, classification: 'permanent' });
    expect(nextStep(s)?.key).toBe('install-app:hrms');
    expect(s.siteMayExist).toBe(true);
  });

  describe('rollback', () => {
    const failedTenant = [signup(), started(NEW_SITE), e.siteCreated, started(HRMS), failed(HRMS, false)];

    it('goes RollingBack -> (site dropped) -> RolledBack -> subdomain released', () => {
      const rolling = given(...failedTenant, e.rollback);
      expect(rolling.status).toBe('RollingBack');
      const dropping = given(...failedTenant, e.rollback, started({ step: 'drop-site' }));
      expect(dropping.status).toBe('RollingBack');
      expect(dropping.leases.map((l) => l.key)).toEqual(['drop-site']);
      expect(dropping.steps).toEqual(rolling.steps); // drop-site is not a provisioning step

      const dropped = given(...failedTenant, e.rollback, started({ step: 'drop-site' }), e.dropped);
      expect(dropped).toMatchObject({ status: 'RollingBack', siteMayExist: false, dbName: undefined, leases: [] });
      const done = given(...failedTenant, e.rollback, started({ step: 'drop-site' }), e.dropped, e.rolledBack, e.released);
      expect(done).toMatchObject({ status: 'RolledBack', subdomainReleased: true, siteMayExist: false, revision: 9 });
    });

    it('a failing drop-site keeps RollingBack, and TenantBroken marks it Broken', () => {
      const s = given(...failedTenant, e.rollback, started({ step: 'drop-site' }), failed({ step: 'drop-site' }, false));
      expect(s.status).toBe('RollingBack');
      expect(s.siteMayExist).toBe(true);
      const broken = given(...failedTenant, e.rollback, started({ step: 'drop-site' }), failed({ step: 'drop-site' }, false), e.broken);
      expect(broken).toMatchObject({ status: 'Broken', lastError: { step: { step: 'drop-site' }, classification: 'permanent' } });
    });

    it('ProvisioningRetried starts over with fresh steps and a new attempt number', () => {
      const s = given(...failedTenant, e.rollback, e.dropped, e.rolledBack, e.released, e.retried);
      expect(s).toMatchObject({ status: 'Requested', provisioningAttempt: 2, subdomainReleased: false, siteMayExist: false, lastError: undefined, leases: [], dbName: undefined });
      expect(s.steps.every((x) => x.status === 'pending' && x.attempts === 0 && x.startedAt === undefined)).toBe(true);
      expect(nextStep(s)?.key).toBe('new-site');
      expect(given(...failedTenant, e.rollback, e.dropped, e.rolledBack, e.released, e.retried, started(NEW_SITE)).status).toBe('Provisioning');
    });
  });

  describe('startable steps and leases', () => {
    const ADMIN: StepRef = { step: 'add-system-manager' };
    const KEYS: StepRef = { step: 'api-keys' };
    const HOST: StepRef = { step: 'set-host-name' };
    const keys = (s: TenantState) => startableSteps(s).map((x) => x.key);
    const apps = [signup(), started(NEW_SITE), e.siteCreated, started(ERPNEXT), e.installed('erpnext'), started(HRMS), e.installed('hrms')];

    it('new-site, then the apps one by one in the order asked, then the three finishing steps together', () => {
      expect(keys(given(signup()))).toEqual(['new-site']);
      expect(keys(given(signup(), started(NEW_SITE)))).toEqual(['new-site']);
      expect(keys(given(signup(), started(NEW_SITE), e.siteCreated))).toEqual(['install-app:erpnext']);
      expect(keys(given(signup(), started(NEW_SITE), e.siteCreated, started(ERPNEXT), e.installed('erpnext')))).toEqual(['install-app:hrms']);
      expect(keys(given(...apps))).toEqual(['add-system-manager', 'api-keys', 'set-host-name']);
      expect(keys(given(...apps, started(KEYS), e.keys))).toEqual(['add-system-manager', 'set-host-name']);
      expect(keys(given(...happyPath))).toEqual([]);
      // A claimed standby site has the site and its apps: the finishing steps may all start.
      expect(keys(given(signup(), e.standby))).toEqual(['add-system-manager', 'api-keys', 'set-host-name']);
    });

    it('holds one lease per running step and releases each with its own result', () => {
      const three = given(...apps, started(ADMIN), started(KEYS), started(HOST));
      expect(three.leases.map((l) => l.key)).toEqual(['add-system-manager', 'api-keys', 'set-host-name']);
      expect(three.steps.filter((x) => x.status === 'running').map((x) => x.key)).toEqual(['add-system-manager', 'api-keys', 'set-host-name']);
      const two = given(...apps, started(ADMIN), started(KEYS), started(HOST), e.keys);
      expect(two.leases.map((l) => l.key)).toEqual(['add-system-manager', 'set-host-name']);
      expect(given(...apps, started(ADMIN), started(KEYS), started(HOST), e.keys, failed(HOST, true)).leases.map((l) => l.key)).toEqual(['add-system-manager']);
      expect(liveLeases(three, Date.parse('2026-11-27T09:59:59.000Z'))).toHaveLength(3);
      expect(liveLeases(three, Date.parse('2026-11-27T10:00:00.000Z'))).toHaveLength(0);
    });

    it('a rollback keeps the leases of steps still running beside the failed one, and their late failure keeps the first error', () => {
      const rolling = given(...apps, started(ADMIN), started(KEYS), failed(KEYS, false), e.rollback);
      expect(rolling.status).toBe('RollingBack');
      expect(rolling.leases.map((l) => l.key)).toEqual(['add-system-manager']);
      const late = given(...apps, started(ADMIN), started(KEYS), failed(KEYS, false), e.rollback, failed(ADMIN, false));
      expect(late).toMatchObject({ status: 'RollingBack', leases: [], lastError: { step: { step: 'api-keys' } } });
    });
  });

  it('siteMayExist: set by StepStarted(new-site) or a claimed standby site, not by other steps, cleared by SiteDropped', () => {
    expect(given(signup(), started(ERPNEXT)).siteMayExist).toBe(false);
    expect(given(signup(), e.standby)).toMatchObject({ siteMayExist: true, standbySite: 'standby-7.example.com' });
    expect(given(signup(), started(NEW_SITE), failed(NEW_SITE, true)).siteMayExist).toBe(true);
    expect(given(signup(), started(NEW_SITE), e.dropped).siteMayExist).toBe(false);
  });

  it('suspends and resumes an active tenant', () => {
    const suspended = given(...happyPath, e.suspended);
    expect(suspended.status).toBe('Suspended');
    expect(given(...happyPath, e.suspended, e.resumed).status).toBe('Active');
  });

  it('deprovisions: Deprovisioning, then Deprovisioned with the sealed password forgotten', () => {
    expect(given(...happyPath, e.deprovision).status).toBe('Deprovisioning');
    const gone = given(...happyPath, e.deprovision, started({ step: 'drop-site' }), e.dropped, e.deprovisioned);
    expect(gone).toMatchObject({ status: 'Deprovisioned', siteMayExist: false, leases: [] });
    expect(gone.adminPassword).toBeUndefined();
    // A failing drop-site during deprovisioning does not turn the tenant into Failed.
    expect(given(...happyPath, e.deprovision, started({ step: 'drop-site' }), failed({ step: 'drop-site' }, false)).status).toBe('Deprovisioning');
  });

  describe('revision and hash tracking', () => {
    it('counts from -1, or takes the revision the loader passes', () => {
      const [first, second] = history([signup(), started(NEW_SITE)]);
      const s0 = evolve(initialTenantState, first);
      expect(s0.revision).toBe(0);
      expect(s0.lastHash).toBe(first.metadata.hash);
      const s1 = evolve(s0, second, 41);
      expect(s1.revision).toBe(41);
      expect(s1.lastHash).toBe(second.metadata.hash);
      expect(evolve(s1, second).revision).toBe(42);
    });

    it('folding from a snapshot equals folding the whole history', () => {
      const events = history(happyPath);
      const snapshot = foldTenant(events.slice(0, 6));
      expect(foldTenant(events.slice(6), snapshot)).toEqual(foldTenant(events));
    });

    it('never mutates the state it is given', () => {
      const events = history(happyPath);
      const mid = foldTenant(events.slice(0, 5));
      const copy = structuredClone(mid);
      foldTenant(events.slice(5), mid);
      expect(mid).toEqual(copy);
    });
  });
});

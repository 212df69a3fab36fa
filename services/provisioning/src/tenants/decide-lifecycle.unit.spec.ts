import { TENANT_ID, activeHistory, given, meta, rolledBackHistory, rollingBackHistory, sealedFake, signedUp, started } from './test-support/given.js';
import type { RequestSignup } from './commands.js';

const signup = (over: Partial<RequestSignup['data']> = {}): RequestSignup => ({
  type: 'RequestSignup',
  data: { ...(signedUp.data as RequestSignup['data']), ...over },
  metadata: meta(),
});
const suspended = [...activeHistory, { type: 'TenantSuspended' as const, data: { tenantId: TENANT_ID, reason: 'unpaid' } }];

describe('RequestSignup', () => {
  it('records the signup for a new tenant', () => given().when(signup()).then([signedUp]));
  it('records a Google signup without any password', () => {
    const [e] = given()
      .when(signup({ identityProvider: 'google', adminPassword: undefined, adminPasswordHash: undefined, emailVerification: 'proven-by-idp' }))
      .eventsOfTypes(['SignupRequested']);
    expect(e.data).not.toHaveProperty('adminPassword');
    expect(e.data).not.toHaveProperty('adminPasswordHash');
  });
  it('rejects a tenant id that already exists', () => given(signedUp).when(signup()).thenRejects('TENANT.ALREADY_EXISTS'));
  it('rejects a reserved subdomain', () =>
    given()
      .when(signup({ subdomain: 'admin' }))
      .thenRejects('SUBDOMAIN.RESERVED'));
  it('rejects an invalid subdomain', () =>
    given()
      .when(signup({ subdomain: 'a_b' }))
      .thenRejects('SUBDOMAIN.INVALID_CHARACTERS'));
  it('rejects a subdomain that is not normalised', () =>
    given()
      .when(signup({ subdomain: 'Acme' }))
      .thenRejects('SUBDOMAIN.INVALID_CHARACTERS'));
  it('rejects a blank organization', () =>
    given()
      .when(signup({ organization: '   ' }))
      .thenRejects('TENANT.INVALID_SIGNUP'));
  it('rejects a signup without apps', () =>
    given()
      .when(signup({ apps: [] }))
      .thenRejects('TENANT.INVALID_SIGNUP'));
  it('rejects a password signup without the sealed password', () =>
    given()
      .when(signup({ adminPassword: undefined }))
      .thenRejects('TENANT.INVALID_SIGNUP'));
  it('rejects a password signup that claims its email is already proven', () =>
    given()
      .when(signup({ emailVerification: 'proven-by-idp' }))
      .thenRejects('TENANT.INVALID_SIGNUP'));
  it('rejects a Google signup that would wait for a link', () =>
    given()
      .when(signup({ identityProvider: 'google', adminPassword: undefined, adminPasswordHash: undefined, emailVerification: 'pending' }))
      .thenRejects('TENANT.INVALID_SIGNUP'));
  it('rejects a Google signup that carries a password', () =>
    given()
      .when(signup({ identityProvider: 'google', adminPassword: sealedFake('x'), emailVerification: 'proven-by-idp' }))
      .thenRejects('TENANT.INVALID_SIGNUP'));
});

describe('every command but RequestSignup', () => {
  it('is rejected for a tenant that does not exist', () =>
    given()
      .when({ type: 'SuspendTenant', data: { tenantId: TENANT_ID, reason: 'x' }, metadata: meta() })
      .thenRejects('TENANT.NOT_FOUND'));
});

describe('RetryProvisioning', () => {
  const retry = { type: 'RetryProvisioning' as const, data: { tenantId: TENANT_ID }, metadata: meta() };
  it('starts a second provisioning after a rollback', () =>
    given(...rolledBackHistory)
      .when(retry)
      .then([{ type: 'ProvisioningRetried', data: { tenantId: TENANT_ID, provisioningAttempt: 2 } }]));
  it('is rejected while the tenant is rolling back', () =>
    given(...rollingBackHistory)
      .when(retry)
      .thenRejects('TENANT.NOT_ROLLED_BACK'));
  it('is rejected for an active tenant', () =>
    given(...activeHistory)
      .when(retry)
      .thenRejects('TENANT.NOT_ROLLED_BACK'));
});

describe('SuspendTenant', () => {
  const suspend = { type: 'SuspendTenant' as const, data: { tenantId: TENANT_ID, reason: 'unpaid' }, metadata: meta() };
  it('suspends an active tenant', () =>
    given(...activeHistory)
      .when(suspend)
      .then([{ type: 'TenantSuspended', data: { tenantId: TENANT_ID, reason: 'unpaid' } }]));
  it('is rejected for a tenant still provisioning', () => given(signedUp, started('new-site')).when(suspend).thenRejects('TENANT.NOT_ACTIVE'));
  it('is rejected for a tenant already suspended', () =>
    given(...suspended)
      .when(suspend)
      .thenRejects('TENANT.NOT_ACTIVE'));
});

describe('ResumeTenant', () => {
  const resume = { type: 'ResumeTenant' as const, data: { tenantId: TENANT_ID }, metadata: meta() };
  it('resumes a suspended tenant', () =>
    given(...suspended)
      .when(resume)
      .then([{ type: 'TenantResumed', data: { tenantId: TENANT_ID } }]));
  it('is rejected for an active tenant', () =>
    given(...activeHistory)
      .when(resume)
      .thenRejects('TENANT.NOT_SUSPENDED'));
});

describe('RequestDeprovision', () => {
  const deprovision = { type: 'RequestDeprovision' as const, data: { tenantId: TENANT_ID, reason: 'closed' }, metadata: meta() };
  it('asks for the site to be dropped when one exists', () =>
    given(...activeHistory)
      .when(deprovision)
      .then([{ type: 'DeprovisionRequested', data: { tenantId: TENANT_ID, reason: 'closed' } }]));
  it('deprovisions a suspended tenant the same way', () =>
    given(...suspended)
      .when(deprovision)
      .thenTypes(['DeprovisionRequested']));
  it('finishes at once when no site can exist (rolled back), without releasing the subdomain twice', () =>
    given(...rolledBackHistory)
      .when(deprovision)
      .then([
        { type: 'DeprovisionRequested', data: { tenantId: TENANT_ID, reason: 'closed' } },
        { type: 'TenantDeprovisioned', data: { tenantId: TENANT_ID, keyDestroyed: true } },
      ]));
  it('deprovisions a broken tenant (its site is dropped again)', () =>
    given(...rollingBackHistory, started('drop-site'), {
      type: 'TenantBroken',
      data: { tenantId: TENANT_ID, reason: 'db down', step: { step: 'drop-site' } },
    })
      .when(deprovision)
      .thenTypes(['DeprovisionRequested']));
  it('is rejected while provisioning runs', () => given(signedUp, started('new-site')).when(deprovision).thenRejects('TENANT.STILL_PROVISIONING'));
  it('is rejected while rolling back', () =>
    given(...rollingBackHistory)
      .when(deprovision)
      .thenRejects('TENANT.STILL_PROVISIONING'));
  it('is rejected twice', () =>
    given(...activeHistory, { type: 'DeprovisionRequested', data: { tenantId: TENANT_ID, reason: 'closed' } })
      .when(deprovision)
      .thenRejects('TENANT.ALREADY_DEPROVISIONED'));
});

import type { TenantDraft } from './decide.js';
import type { RecordStepFailed, RecordStepSucceeded, StartStep } from './commands.js';
import {
  NOW,
  TENANT_ID,
  activeHistory,
  adminConfigured,
  appInstalled,
  given,
  hostConfigured,
  keysIssued,
  meta,
  rollingBackHistory,
  sealedFake,
  signedUp,
  siteCreated,
  started,
} from './test-support/given.js';

const LEASE = '2026-11-27T08:30:00.000Z';
const start = (step: string, attempt = 1, app?: string, now = NOW): StartStep => ({
  type: 'StartStep',
  data: { tenantId: TENANT_ID, step: step as never, ...(app ? { app } : {}), attempt, runnerId: 'runner-b', leaseExpiresAt: LEASE },
  metadata: meta(now),
});
const succeeded = (step: string, result: Record<string, unknown>, attempt = 1, app?: string): RecordStepSucceeded => ({
  type: 'RecordStepSucceeded',
  // Tagged with its step as step-work.ts tags it (the spec's untyped fields stand for anything a runner could send).
  data: { tenantId: TENANT_ID, step: step as never, ...(app ? { app } : {}), attempt, durationMs: 7, result: { step, ...result } as never },
  metadata: meta(),
});
const failed = (step: string, willRetry: boolean, attempt = 1, app?: string): RecordStepFailed => ({
  type: 'RecordStepFailed',
  data: {
    tenantId: TENANT_ID,
    step: step as never,
    ...(app ? { app } : {}),
    attempt,
    classification: willRetry ? 'transient' : 'permanent',
    exitCode: 1,
    reason: 'It broke',
    stderrTail: 'tail',
    willRetry,
    durationMs: 9,
  },
  metadata: meta(),
});
const upToHost: TenantDraft[] = activeHistory.slice(0, 10);

describe('StartStep', () => {
  it('starts new-site first and takes the lease', () =>
    given(signedUp)
      .when(start('new-site'))
      .then([
        {
          type: 'StepStarted',
          data: { step: 'new-site', tenantId: TENANT_ID, attempt: 1, runnerId: 'runner-b', leaseExpiresAt: LEASE },
        },
      ]));
  it('starts install-app for the next app after the site exists', () =>
    given(signedUp, started('new-site'), siteCreated)
      .when(start('install-app', 1, 'erpnext'))
      .thenTypes(['StepStarted']));
  it('rejects a step whose prerequisites have not succeeded', () => given(signedUp).when(start('api-keys')).thenRejects('TENANT.STEP_OUT_OF_ORDER'));
  it('rejects an app that is not planned', () =>
    given(signedUp, started('new-site'), siteCreated)
      .when(start('install-app', 1, 'hrms'))
      .thenRejects('TENANT.STEP_OUT_OF_ORDER'));
  it('rejects a second runner while the lease is held', () => given(signedUp, started('new-site')).when(start('new-site', 2)).thenRejects('TENANT.STEP_LEASE_HELD'));
  it('lets another runner take over after the lease expired, with a newer attempt', () =>
    given(signedUp, started('new-site', 1, undefined, '2026-11-27T07:59:00.000Z'))
      .when(start('new-site', 2))
      .thenTypes(['StepStarted']));
  it('rejects a takeover that reuses the expired attempt number', () =>
    given(signedUp, started('new-site', 1, undefined, '2026-11-27T07:59:00.000Z'))
      .when(start('new-site', 1))
      .thenRejects('TENANT.STALE_RUNNER'));
  it('rejects an attempt number already used after a retryable failure', () =>
    given(signedUp, started('new-site'), {
      type: 'StepFailed',
      data: { tenantId: TENANT_ID, step: 'new-site', attempt: 1, classification: 'transient', exitCode: 1, reason: 'x', stderrTail: '', willRetry: true, durationMs: 1 },
    })
      .when(start('new-site', 1))
      .thenRejects('TENANT.STALE_RUNNER'));
  it('rejects attempt 0', () => given(signedUp).when(start('new-site', 0)).thenRejects('TENANT.STALE_RUNNER'));
  it('rejects a lease that has already ended', () =>
    given(signedUp)
      .when(start('new-site', 1, undefined, '2026-11-27T09:00:00.000Z'))
      .thenRejects('TENANT.STALE_RUNNER'));
  it('rejects provisioning steps for an active tenant', () =>
    given(...activeHistory)
      .when(start('new-site'))
      .thenRejects('TENANT.NOT_PROVISIONING'));
  it('starts drop-site while rolling back', () =>
    given(...rollingBackHistory)
      .when(start('drop-site'))
      .thenTypes(['StepStarted']));
  it('rejects drop-site outside a rollback or deprovisioning', () => given(signedUp).when(start('drop-site')).thenRejects('TENANT.NOT_PROVISIONING'));
  it('rejects drop-site when no site can exist', () =>
    given(...activeHistory, { type: 'DeprovisionRequested', data: { tenantId: TENANT_ID, reason: 'x' } }, started('drop-site'), {
      type: 'SiteDropped',
      data: { tenantId: TENANT_ID, siteName: 's', durationMs: 1 },
    })
      .when(start('drop-site', 2))
      .thenRejects('TENANT.STEP_OUT_OF_ORDER'));
});

describe('the finishing steps side by side', () => {
  // The site with its apps: admin, API keys and host name may all run now, each under its own lease.
  const withApps: TenantDraft[] = activeHistory.slice(0, 5);
  const keysFailed = (willRetry: boolean): TenantDraft => ({
    type: 'StepFailed',
    data: { tenantId: TENANT_ID, step: 'api-keys', attempt: 1, classification: willRetry ? 'transient' : 'permanent', exitCode: 1, reason: 'keys broke', stderrTail: '', willRetry, durationMs: 2 },
  });
  it('starts API keys while the admin step runs, and the host name while both run', () => {
    given(...withApps, started('add-system-manager'))
      .when(start('api-keys'))
      .thenTypes(['StepStarted']);
    given(...withApps, started('add-system-manager'), started('api-keys'))
      .when(start('set-host-name'))
      .thenTypes(['StepStarted']);
  });
  it('still refuses a second runner on a step whose lease is held', () =>
    given(...withApps, started('add-system-manager'), started('api-keys'))
      .when(start('api-keys', 2))
      .thenRejects('TENANT.STEP_LEASE_HELD'));
  it('still keeps the apps in order before them', () => given(signedUp, started('new-site'), siteCreated).when(start('add-system-manager')).thenRejects('TENANT.STEP_OUT_OF_ORDER'));
  it('activates with whichever finishing step reports last, at the URL the host-name step set', () => {
    const host: TenantDraft = { type: 'HostNameConfigured', data: { tenantId: TENANT_ID, hostName: 'http://acme.example.localhost:3000', durationMs: 5 } };
    const [, e] = given(...withApps, started('add-system-manager'), started('api-keys'), started('set-host-name'), host, keysIssued)
      .when(succeeded('add-system-manager', {}))
      .eventsOfTypes(['AdminConfigured', 'TenantActivated']);
    expect(e.data).toEqual({ tenantId: TENANT_ID, siteUrl: 'http://acme.example.localhost:3000' });
  });
  it('drop-site waits while a step beside the failed one still holds its lease', () =>
    given(...withApps, started('add-system-manager'), started('api-keys'), keysFailed(false), {
      type: 'RollbackStarted',
      data: { tenantId: TENANT_ID, reason: 'keys broke', failedStep: { step: 'api-keys' } },
    })
      .when(start('drop-site'))
      .thenRejects('TENANT.STEP_LEASE_HELD'));
  it('drop-site goes ahead once that lease has expired', () =>
    given(...withApps, started('add-system-manager', 1, undefined, '2026-11-27T07:59:00.000Z'), started('api-keys'), keysFailed(false), {
      type: 'RollbackStarted',
      data: { tenantId: TENANT_ID, reason: 'keys broke', failedStep: { step: 'api-keys' } },
    })
      .when(start('drop-site'))
      .thenTypes(['StepStarted']));
  it('a step that succeeds during the rollback is recorded but never activates the tenant', () =>
    given(...withApps, started('add-system-manager'), started('api-keys'), started('set-host-name'), hostConfigured, keysFailed(false), {
      type: 'RollbackStarted',
      data: { tenantId: TENANT_ID, reason: 'keys broke', failedStep: { step: 'api-keys' } },
    })
      .when(succeeded('add-system-manager', {}))
      .then([{ type: 'AdminConfigured', data: { tenantId: TENANT_ID, email: 'ada@acme.test', durationMs: 7 } }]));
  it('a step that fails during the rollback is recorded once, not retried, and starts no second rollback', () =>
    given(...withApps, started('add-system-manager'), started('api-keys'), keysFailed(false), {
      type: 'RollbackStarted',
      data: { tenantId: TENANT_ID, reason: 'keys broke', failedStep: { step: 'api-keys' } },
    })
      .when({ ...failed('add-system-manager', true), data: { ...failed('add-system-manager', true).data, retryAt: '2026-11-27T08:10:00.000Z' } })
      .then([
        {
          type: 'StepFailed',
          data: { tenantId: TENANT_ID, step: 'add-system-manager', attempt: 1, classification: 'transient', exitCode: 1, reason: 'It broke', stderrTail: 'tail', willRetry: false, durationMs: 9 },
        },
      ]));
});

describe('RecordStepSucceeded', () => {
  it('records the created site with its database', () =>
    given(signedUp, started('new-site'))
      .when(succeeded('new-site', { dbName: '_abc' }))
      .then([
        {
          type: 'SiteCreated',
          data: { tenantId: TENANT_ID, siteName: 'acme.example.localhost', dbName: '_abc', durationMs: 7 },
        },
      ]));
  it('accepts the tagged result form too', () =>
    given(signedUp, started('new-site'))
      .when(succeeded('new-site', { step: 'new-site', dbName: '_abc' }))
      .thenTypes(['SiteCreated']));
  it('records an installed app', () =>
    given(signedUp, started('new-site'), siteCreated, started('install-app', 1, 'erpnext'))
      .when(succeeded('install-app', {}, 1, 'erpnext'))
      .then([{ type: 'AppInstalled', data: { tenantId: TENANT_ID, app: 'erpnext', durationMs: 7 } }]));
  it('records the admin user with a sealed generated password', () => {
    const [e] = given(...activeHistory.slice(0, 6))
      .when(succeeded('add-system-manager', { generatedPassword: sealedFake('g') }))
      .eventsOfTypes(['AdminConfigured']);
    expect(e.data).toEqual({ tenantId: TENANT_ID, email: 'ada@acme.test', generatedPassword: sealedFake('g'), durationMs: 7 });
  });
  it('records the API keys with the secret sealed', () =>
    given(...activeHistory.slice(0, 8))
      .when(succeeded('api-keys', { apiKey: 'key1', apiSecret: sealedFake('sec') }))
      .then([{ type: 'ApiKeysIssued', data: { tenantId: TENANT_ID, apiKey: 'key1', apiSecret: sealedFake('sec'), durationMs: 7 } }]));
  it('refuses an API secret in plain text', () =>
    given(...activeHistory.slice(0, 8))
      .when(succeeded('api-keys', { apiKey: 'key1', apiSecret: 'plain' }))
      .thenRejects('TENANT.BAD_STEP_RESULT'));
  it('refuses a result tagged for another step (a runner mixing up its answers)', () =>
    given(signedUp, started('new-site'))
      .when({ ...succeeded('new-site', {}), data: { ...succeeded('new-site', {}).data, result: { step: 'drop-site' } } })
      .thenRejects('TENANT.BAD_STEP_RESULT'));
  it('refuses a new-site result without a database name', () => given(signedUp, started('new-site')).when(succeeded('new-site', {})).thenRejects('TENANT.BAD_STEP_RESULT'));
  it('activates the tenant in the same decision as its last step', () =>
    given(...upToHost)
      .when(succeeded('set-host-name', { hostName: 'acme.example.localhost', siteUrl: 'http://acme.example.localhost:8000' }))
      .then(
        [hostConfigured, { type: 'TenantActivated', data: { tenantId: TENANT_ID, siteUrl: 'http://acme.example.localhost:8000' } }].map((e) =>
          e.type === 'HostNameConfigured' ? { ...e, data: { ...e.data, durationMs: 7 } } : e,
        ) as TenantDraft[],
      ));
  it('rejects a result from a runner whose attempt is not the running one', () =>
    given(signedUp, started('new-site', 2))
      .when(succeeded('new-site', { dbName: '_abc' }, 1))
      .thenRejects('TENANT.STALE_RUNNER'));
  it('rejects a result for a step that is not running', () =>
    given(signedUp, started('new-site'))
      .when(succeeded('api-keys', { apiKey: 'k', apiSecret: sealedFake('s') }))
      .thenRejects('TENANT.STALE_RUNNER'));
  it('rolls back once the site is dropped during a rollback', () =>
    given(...rollingBackHistory, started('drop-site'))
      .when(succeeded('drop-site', { archivedTo: '/archive/acme' }))
      .then([
        { type: 'SiteDropped', data: { tenantId: TENANT_ID, siteName: 'acme.example.localhost', archivedTo: '/archive/acme', durationMs: 7 } },
        { type: 'RolledBack', data: { tenantId: TENANT_ID } },
        { type: 'SubdomainReleased', data: { tenantId: TENANT_ID, subdomain: 'acme' } },
      ]));
  it('deprovisions once the site is dropped during a deprovisioning', () =>
    given(...activeHistory, { type: 'DeprovisionRequested', data: { tenantId: TENANT_ID, reason: 'x' } }, started('drop-site'))
      .when(succeeded('drop-site', {}))
      .thenTypes(['SiteDropped', 'TenantDeprovisioned', 'SubdomainReleased']));
});

describe('RecordStepFailed', () => {
  it('records a failure that will be retried and stays provisioning', () => given(signedUp, started('new-site')).when(failed('new-site', true)).thenTypes(['StepFailed']));
  it('starts a rollback when a step fails for good after the site may exist', () => {
    const events = given(signedUp, started('new-site'), siteCreated, started('install-app', 1, 'erpnext'))
      .when(failed('install-app', false, 1, 'erpnext'))
      .eventsOfTypes(['StepFailed', 'RollbackStarted']);
    expect(events[1].data).toEqual({ tenantId: TENANT_ID, reason: 'It broke', failedStep: { step: 'install-app', app: 'erpnext' } });
  });
  it('treats a failed new-site as a possible half site (rollback drops it)', () => given(signedUp, started('new-site')).when(failed('new-site', false)).thenTypes(['StepFailed', 'RollbackStarted']));
  it('marks the tenant broken when dropping the site fails for good', () =>
    given(...rollingBackHistory, started('drop-site'))
      .when(failed('drop-site', false))
      .thenTypes(['StepFailed', 'TenantBroken']));
  it('keeps rolling back when a drop-site failure will be retried', () =>
    given(...rollingBackHistory, started('drop-site'))
      .when(failed('drop-site', true))
      .thenTypes(['StepFailed']));
  it('rejects a failure from a stale runner', () =>
    given(signedUp, started('new-site', 2))
      .when(failed('new-site', true, 1))
      .thenRejects('TENANT.STALE_RUNNER'));
  it('rejects a failure when nothing runs', () => given(signedUp).when(failed('new-site', true)).thenRejects('TENANT.STALE_RUNNER'));
});

describe('a whole life through decide and evolve', () => {
  it('reaches Active after every step, and no step is left pending', () => {
    const history: TenantDraft[] = [
      signedUp,
      started('new-site'),
      siteCreated,
      started('install-app', 1, 'erpnext'),
      appInstalled,
      started('add-system-manager'),
      adminConfigured,
      started('api-keys'),
      keysIssued,
      started('set-host-name'),
    ];
    given(...history)
      .when(succeeded('set-host-name', { hostName: 'acme.example.localhost' }))
      .thenTypes(['HostNameConfigured', 'TenantActivated']);
  });
});

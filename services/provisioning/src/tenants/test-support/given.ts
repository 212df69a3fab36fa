/**
 * Given/when/then for the decider: given past events (drafts get minimal metadata), when a
 * command, then the new events, or a rejection with a code. Shared by the unit specs.
 */
import { foldTenant, type SealedSecret, type TenantEvent, type TenantState } from '@tlc/tenant-events';
import { DomainError } from '../../shared/domain-error.js';
import type { CommandMetadata, TenantCommand } from '../commands.js';
import { decide, type TenantDraft } from '../decide.js';

export const TENANT_ID = '7d8f4a5e-1c2b-4d3e-9f00-aa11bb22cc33';
export const NOW = '2026-11-27T08:00:00.000Z';

export const meta = (now = NOW): CommandMetadata => ({
  commandId: 'c0ffee00-0000-4000-8000-000000000001',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: { kind: 'system', id: 'test' },
  now,
});

export const sealedFake = (label: string): SealedSecret => ({ alg: 'A256GCM', keyId: `tenant-${TENANT_ID}`, iv: 'aXY', tag: 'dGFn', ciphertext: label });

export function stateOf(drafts: readonly TenantDraft[], at = NOW): TenantState {
  const events = drafts.map((d, i) => ({
    ...d,
    metadata: {
      eventId: `e${i}`,
      correlationId: 'c',
      causationId: 'c',
      actor: { kind: 'system', id: 't' },
      occurredAt: at,
      schemaVersion: 1,
      prevHash: '',
      hash: `h${i}`,
    },
  })) as unknown as TenantEvent[];
  return foldTenant(events);
}

export function given(...history: TenantDraft[]) {
  return {
    when(command: TenantCommand) {
      const run = () => decide(command, stateOf(history));
      return {
        then(expected: TenantDraft[]) {
          expect(run()).toEqual(expected);
        },
        thenTypes(types: TenantDraft['type'][]): void {
          expect(run().map((e) => e.type)).toEqual(types);
        },
        eventsOfTypes(types: TenantDraft['type'][]): TenantDraft[] {
          expect(run().map((e) => e.type)).toEqual(types);
          return run();
        },
        thenRejects(code: string) {
          let caught: unknown;
          try {
            run();
          } catch (e) {
            caught = e;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
        },
      };
    },
  };
}

// ---- a history kit: the events of a tenant at each point of its life ----
export const signedUp: TenantDraft = {
  type: 'SignupRequested',
  data: {
    tenantId: TENANT_ID,
    organization: 'Acme',
    subdomain: 'acme',
    siteName: 'acme.example.localhost',
    adminEmail: 'ada@acme.test',
    identityProvider: 'password',
    adminPassword: sealedFake('pw'),
    adminPasswordHash: '$scrypt$x',
    apps: ['erpnext'],
    emailVerification: 'pending',
  },
};
const later = '2026-11-27T08:10:00.000Z';
export const started = (step: string, attempt = 1, app?: string, leaseExpiresAt = later): TenantDraft => ({
  type: 'StepStarted',
  data: { tenantId: TENANT_ID, step: step as never, ...(app ? { app } : {}), attempt, runnerId: 'runner-a', leaseExpiresAt },
});
export const siteCreated: TenantDraft = { type: 'SiteCreated', data: { tenantId: TENANT_ID, siteName: 'acme.example.localhost', dbName: '_abc', durationMs: 5 } };
export const appInstalled: TenantDraft = { type: 'AppInstalled', data: { tenantId: TENANT_ID, app: 'erpnext', durationMs: 5 } };
export const adminConfigured: TenantDraft = { type: 'AdminConfigured', data: { tenantId: TENANT_ID, email: 'ada@acme.test', durationMs: 5 } };
export const keysIssued: TenantDraft = { type: 'ApiKeysIssued', data: { tenantId: TENANT_ID, apiKey: 'k', apiSecret: sealedFake('s'), durationMs: 5 } };
export const hostConfigured: TenantDraft = { type: 'HostNameConfigured', data: { tenantId: TENANT_ID, hostName: 'acme.example.localhost', durationMs: 5 } };
export const activated: TenantDraft = { type: 'TenantActivated', data: { tenantId: TENANT_ID, siteUrl: 'https://acme.example.localhost' } };

export const activeHistory: TenantDraft[] = [
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
  hostConfigured,
  activated,
];
export const rollingBackHistory: TenantDraft[] = [
  signedUp,
  started('new-site'),
  siteCreated,
  started('install-app', 1, 'erpnext'),
  {
    type: 'StepFailed',
    data: { tenantId: TENANT_ID, step: 'install-app', app: 'erpnext', attempt: 1, classification: 'permanent', exitCode: 1, reason: 'App not found', stderrTail: '', willRetry: false, durationMs: 3 },
  },
  { type: 'RollbackStarted', data: { tenantId: TENANT_ID, reason: 'App not found', failedStep: { step: 'install-app', app: 'erpnext' } } },
];
export const rolledBackHistory: TenantDraft[] = [
  ...rollingBackHistory,
  started('drop-site'),
  { type: 'SiteDropped', data: { tenantId: TENANT_ID, siteName: 'acme.example.localhost', durationMs: 2 } },
  { type: 'RolledBack', data: { tenantId: TENANT_ID } },
  { type: 'SubdomainReleased', data: { tenantId: TENANT_ID, subdomain: 'acme' } },
];

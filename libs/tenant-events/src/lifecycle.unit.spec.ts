import { isBuilding, isSettled, stateAsOf, stepActivity, stepLabel, TENANT_STATUSES } from './lifecycle.js';

const at = (iso: string) => ({ occurredAt: iso });
const events = [
  {
    type: 'SignupRequested',
    recordedAt: '2026-01-01T00:00:05Z',
    metadata: at('2026-01-01T00:00:00Z'),
    data: { tenantId: 't', organization: 'Acme', subdomain: 'acme', siteName: 'acme.x', adminEmail: 'a@x', identityProvider: 'google', apps: ['erpnext'], emailVerification: 'proven-by-idp' },
  },
  { type: 'StepStarted', recordedAt: 'x', metadata: at('2026-01-01T00:01:00Z'), data: { tenantId: 't', step: 'new-site', attempt: 1, runnerId: 'r', leaseExpiresAt: '2026-01-01T01:00:00Z' } },
];

describe('lifecycle vocabulary', () => {
  it('lists every status once and sorts them into building and settled', () => {
    expect(new Set(TENANT_STATUSES).size).toBe(TENANT_STATUSES.length);
    expect(TENANT_STATUSES.filter(isBuilding)).toEqual(['Requested', 'Provisioning']);
    expect(TENANT_STATUSES.filter(isSettled)).toEqual(['Active', 'RolledBack', 'Broken', 'Suspended', 'Deprovisioned']);
    expect(isSettled('RollingBack')).toBe(false);
  });
  it('names steps for customers and for sentences, from a ref or a key', () => {
    expect(stepLabel('install-app:erpnext')).toBe('Install ERPNext');
    expect(stepLabel({ step: 'new-site' })).toBe('Create your site and its database');
    expect(stepActivity('install-app:hrms')).toBe('Installing hrms');
    expect(`${stepActivity({ step: 'new-site' })} failed`).toBe('Creating the site failed');
  });
  it('folds the state as of an instant by when each event happened', () => {
    expect(stateAsOf(events, Date.parse('2026-01-01T00:00:30Z'))).toMatchObject({ included: 1, state: { status: 'Requested' } });
    expect(stateAsOf(events, new Date('2026-01-01T00:02:00Z'))).toMatchObject({ included: 2, state: { status: 'Provisioning' } });
    expect(stateAsOf(events).included).toBe(2);
    expect(stateAsOf(events, 0)).toMatchObject({ included: 0, state: { status: 'None' } });
  });
});

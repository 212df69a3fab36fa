import { ProvisioningStats, quantile, successRate, type RecordedLike } from './provisioning-stats.js';

let position = 0;
const ev = (type: string, data: Record<string, unknown>, occurredAt: string): RecordedLike => ({ type, data, metadata: { occurredAt }, position: ++position, recordedAt: occurredAt });

describe('ProvisioningStats', () => {
  it('measures signup-to-Active from the first signup, across a rollback and retry', () => {
    const s = new ProvisioningStats();
    s.apply(ev('SignupRequested', { tenantId: 'a' }, '2026-12-04T10:00:00Z'));
    s.apply(ev('StepFailed', { tenantId: 'a', step: 'new-site', classification: 'permanent', willRetry: false }, '2026-12-04T10:00:30Z'));
    s.apply(ev('RolledBack', { tenantId: 'a' }, '2026-12-04T10:01:00Z'));
    s.apply(ev('ProvisioningRetried', { tenantId: 'a' }, '2026-12-04T10:05:00Z'));
    const effect = s.apply(ev('TenantActivated', { tenantId: 'a' }, '2026-12-04T11:00:00Z'));
    expect(effect).toEqual({ kind: 'activated', seconds: 3600 });
    expect([s.signups, s.activations, s.rollbacks]).toEqual([1, 1, 1]);
    expect(s.hours.get(Date.parse('2026-12-04T10:00:00Z'))).toMatchObject({ signups: 1, rollbacks: 1, activations: 0 });
    expect(s.hours.get(Date.parse('2026-12-04T11:00:00Z'))).toMatchObject({ activations: 1, durations: [3600] });
    expect(s.failures.get('new-site')?.get('permanent')).toEqual({ all: 1, final: 1 });
  });

  it('counts a tenant Broken until it is retried, and ignores events at or below its checkpoint', () => {
    const s = new ProvisioningStats();
    const broken = ev('TenantBroken', { tenantId: 'b', reason: 'drop-site failed', step: { step: 'drop-site' } }, '2026-12-04T10:00:00Z');
    s.apply(broken);
    expect(s.apply(broken)).toBeNull();
    expect(s.brokenTenants).toBe(1);
    s.apply(ev('ProvisioningRetried', { tenantId: 'b' }, '2026-12-04T10:10:00Z'));
    expect(s.brokenTenants).toBe(0);
    expect(s.brokenEvents).toBe(1);
  });

  it('skips events that are not tenant events (reservations, standby sites)', () => {
    const s = new ProvisioningStats();
    expect(s.apply(ev('SubdomainReserved', { tenantId: 'x' }, '2026-12-04T10:00:00Z'))).toBeNull();
    expect(s.signups).toBe(0);
    expect(s.checkpoint).toBe(position);
  });
});

describe('quantile and successRate', () => {
  it('uses the nearest rank and says null when there is nothing to measure', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([], 0.5)).toBeNull();
    expect(successRate(99, 1, 0)).toBeCloseTo(0.99);
    expect(successRate(0, 0, 0)).toBeNull();
  });
});

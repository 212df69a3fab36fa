import { initialTenantState, type TenantState } from '@tlc/tenant-events';
import { ORPHAN_GRACE_MS, judgeHolder } from './reservation-state.js';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 27, 8) + ms).toISOString();
const tenant = (patch: Partial<TenantState>): TenantState => ({ ...initialTenantState, exists: true, status: 'Requested', ...patch });

describe('judgeHolder', () => {
  it('keeps a live tenant', () => expect(judgeHolder(tenant({ status: 'Provisioning' }), at(0), at(10 * ORPHAN_GRACE_MS))).toBe('live'));
  it('frees the name of a rolled-back or deprovisioned tenant, even if the release event was lost', () => {
    expect(judgeHolder(tenant({ status: 'RolledBack' }), at(0), at(1))).toBe('released');
    expect(judgeHolder(tenant({ status: 'Deprovisioned' }), at(0), at(1))).toBe('released');
    expect(judgeHolder(tenant({ status: 'Deprovisioning', subdomainReleased: true }), at(0), at(1))).toBe('released');
  });
  it('waits for a tenant that may still be recorded, then calls it an orphan', () => {
    expect(judgeHolder(initialTenantState, at(0), at(ORPHAN_GRACE_MS))).toBe('pending');
    expect(judgeHolder(initialTenantState, at(0), at(ORPHAN_GRACE_MS + 1))).toBe('orphan');
  });
});

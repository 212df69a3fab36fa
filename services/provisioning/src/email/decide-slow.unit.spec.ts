import { evolve, initialTenantState, type TenantEvent, type TenantState } from '@tlc/tenant-events';
import type { NoteProvisioningSlow } from '../tenants/commands.js';
import { decideNoteSlow } from './decide-slow.js';

const building: TenantState = { ...initialTenantState, exists: true, tenantId: 't1', status: 'Provisioning', provisioningAttempt: 1 };
const note = (multiple: number, provisioningAttempt = 1): NoteProvisioningSlow => ({
  type: 'NoteProvisioningSlow',
  data: { tenantId: 't1', provisioningAttempt, multiple, expectedMs: 1000, elapsedMs: multiple * 1000 + 1 },
  metadata: { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { kind: 'system', id: 'test' }, now: '2026-01-01T00:00:00Z' },
});
const fold = (state: TenantState, drafts: ReturnType<typeof decideNoteSlow>) =>
  drafts.reduce((s, d) => evolve(s, { ...d, metadata: { occurredAt: '2026-01-01T00:00:00Z' } } as unknown as TenantEvent), state);

describe('decideNoteSlow', () => {
  it('records each multiple once per provisioning attempt, never a lower one after a higher', () => {
    const once = decideNoteSlow(note(2), building);
    expect(once).toEqual([{ type: 'ProvisioningSlow', data: { tenantId: 't1', provisioningAttempt: 1, multiple: 2, expectedMs: 1000, elapsedMs: 2001 } }]);
    const after = fold(building, once);
    expect(after.slow).toEqual({ attempt: 1, multiple: 2 });
    expect(decideNoteSlow(note(2), after)).toEqual([]);
    const four = fold(after, decideNoteSlow(note(4), after));
    expect(four.slow).toEqual({ attempt: 1, multiple: 4 });
    expect(decideNoteSlow(note(2), four)).toEqual([]);
  });

  it('records nothing for a build that ended or an attempt that is not the current one', () => {
    expect(decideNoteSlow(note(2), { ...building, status: 'Active' })).toEqual([]);
    expect(decideNoteSlow(note(2), { ...building, status: 'RollingBack' })).toEqual([]);
    expect(decideNoteSlow(note(2, 1), { ...building, provisioningAttempt: 2 })).toEqual([]);
    // A retried build starts counting again.
    expect(decideNoteSlow(note(2, 2), { ...building, provisioningAttempt: 2, slow: { attempt: 1, multiple: 8 } })).toHaveLength(1);
  });
});

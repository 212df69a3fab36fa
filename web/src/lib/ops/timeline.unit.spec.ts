import { asOfChoices, timelineRows } from './timeline';
import type { RecordedEventView } from './ops-types';

const rec = (revision: number, type: string, data: Record<string, unknown>, actor = { kind: 'system', id: 'process-manager' }): RecordedEventView => ({
  revision,
  position: revision + 1,
  type,
  data,
  metadata: { actor, occurredAt: `2026-12-04T10:0${revision}:00.000Z`, schemaVersion: 1 },
  recordedAt: '2026-12-04T10:00:00.000Z',
});

describe('timelineRows', () => {
  it("summarises like tenantctl, names the actor, and keeps a failure's reason and output", () => {
    const rows = timelineRows([
      rec(0, 'TenantSuspended', { tenantId: 't', reason: 'unpaid' }, { kind: 'operator', id: 'ops@example.test' }),
      rec(1, 'StepFailed', {
        tenantId: 't',
        step: 'new-site',
        attempt: 1,
        classification: 'permanent',
        exitCode: 1,
        reason: 'Database exists',
        stderrTail: 'pymysql.err',
        willRetry: false,
        durationMs: 5,
      }),
      rec(2, 'SomethingNew', {}),
    ]);
    expect(rows[0]).toMatchObject({ actor: 'operator:ops@example.test', summary: 'suspended: unpaid', failure: null });
    expect(rows[1]).toMatchObject({ summary: 'new-site failed (permanent, exit 1): Database exists', failure: { reason: 'Database exists', output: 'pymysql.err' } });
    expect(rows[2]).toMatchObject({ type: 'SomethingNew', summary: 'SomethingNew' });
  });

  it('offers each event\'s instant for "state as of", newest first', () => {
    const choices = asOfChoices([rec(0, 'RolledBack', { tenantId: 't' }), rec(1, 'TenantResumed', { tenantId: 't' })]);
    expect(choices.map((c) => c.value)).toEqual(['2026-12-04T10:01:00.000Z', '2026-12-04T10:00:00.000Z']);
    expect(choices[0].label).toBe('2026-12-04 10:01:00 UTC after #1 TenantResumed');
  });
});

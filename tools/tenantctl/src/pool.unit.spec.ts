import type { RecordedEvent } from '@tlc/event-store';
import { formatPoolStatus, poolStatus } from './pool.js';

const rec = (stream: string, list: Array<[string, Record<string, unknown>]>): RecordedEvent[] =>
  list.map(([type, data], i) => ({
    streamId: stream,
    eventId: `${stream}-${i}`,
    type,
    data: { site: stream, ...data },
    metadata: { occurredAt: `2026-11-27T08:00:0${i}.000Z` },
    revision: i,
    position: i,
    recordedAt: '',
  }));
const built = (s: string, buildMs: number): Array<[string, Record<string, unknown>]> => [
  ['StandbyRequested', { apps: ['erpnext'] }],
  ['StandbyStepStarted', { step: 'new-site', attempt: 1, runnerId: 'r', leaseExpiresAt: '2099-01-01T00:00:00Z' }],
  ['StandbySiteCreated', { dbName: `_${s}`, durationMs: 1 }],
  ['StandbyStepStarted', { step: 'install-app', app: 'erpnext', attempt: 1, runnerId: 'r', leaseExpiresAt: '2099-01-01T00:00:00Z' }],
  ['StandbyAppInstalled', { app: 'erpnext', durationMs: 1 }],
  ['StandbyReady', { buildMs }],
];

describe('tenantctl pool status', () => {
  it('counts standby sites by state from their streams, ignoring every other stream', () => {
    const streams = new Map<string, RecordedEvent[]>([
      ['standby-aaaaaaaa', rec('standby-aaaaaaaa', built('a', 2000))],
      ['standby-bbbbbbbb', rec('standby-bbbbbbbb', [...built('b', 4000), ['StandbyClaimed', { tenantId: 't1' }]])],
      ['standby-cccccccc', rec('standby-cccccccc', built('c', 3000).slice(0, 4))],
      ['standby-dddddddd', rec('standby-dddddddd', [...built('d', 1000), ['StandbyClaimed', { tenantId: 't2' }], ['StandbyReturned', { tenantId: 't2', reason: 'clean' }]])],
      ['tenant-x', rec('tenant-x', [['SignupRequested', {}]])],
    ]);
    const p = poolStatus(streams);
    expect(p.counts).toEqual({ Ready: 2, Building: 1, Claimed: 1, Failed: 0, Dropped: 0 });
    expect(p).toMatchObject({ claims: 2, returns: 1, buildSeconds: { count: 3, p50: 2, max: 4 } });
    expect(p.sites.find((s) => s.site === 'standby-cccccccc')).toMatchObject({ status: 'Building', step: 'install-app:erpnext' });
    const text = formatPoolStatus(p);
    expect(text).toMatch(/^standby sites: 2 ready, 1 building, 1 claimed, 0 failed, 0 dropped/);
    expect(text).toMatch(/standby-bbbbbbbb {2}Claimed {2}tenant t1/);
  });
});

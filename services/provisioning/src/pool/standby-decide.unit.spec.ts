import { foldStandby, nextStandbyStep, type StandbyEvent, type StandbyEventDraft, type StandbyState } from '@tlc/tenant-events';
import type { CommandMetadata } from '../tenants/commands.js';
import { PoolError } from './pool-error.js';
import { decideStandby, type StandbyCommand } from './standby-decide.js';

const SITE = 'standby-1a2b3c4d';
const T0 = '2026-11-27T08:00:00.000Z';
const meta = (now = T0): CommandMetadata => ({ commandId: 'c1', correlationId: 'c', causationId: 'c', actor: { kind: 'system', id: 'pool' }, now });
const at = (sec: number) => new Date(Date.parse(T0) + sec * 1000).toISOString();

function fold(drafts: StandbyEventDraft[], times: string[] = []): StandbyState {
  return foldStandby(
    drafts.map((d, i) => ({
      ...d,
      metadata: { eventId: `e${i}`, correlationId: 'c', causationId: 'c', actor: { kind: 'system', id: 'p' }, occurredAt: times[i] ?? T0, schemaVersion: 1, prevHash: '', hash: `h${i}` },
    })) as unknown as StandbyEvent[],
  );
}
const decide = (cmd: Omit<StandbyCommand, 'metadata'> & { metadata?: CommandMetadata }, history: StandbyEventDraft[], times?: string[]) =>
  decideStandby({ metadata: meta(), ...cmd } as StandbyCommand, fold(history, times));
function rejects(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(PoolError);
  expect((caught as PoolError).code).toBe(code);
}

const requested: StandbyEventDraft = { type: 'StandbyRequested', data: { site: SITE, apps: ['erpnext', 'hrms'] } };
const started = (step: 'new-site' | 'install-app' | 'api-key' | 'drop-site', app?: string, attempt = 1, lease = at(60)): StandbyEventDraft => ({
  type: 'StandbyStepStarted',
  data: { site: SITE, step, ...(app ? { app } : {}), attempt, runnerId: 'r1', leaseExpiresAt: lease },
});
const created: StandbyEventDraft = { type: 'StandbySiteCreated', data: { site: SITE, dbName: '_abc', durationMs: 5 } };
const installed = (app: string): StandbyEventDraft => ({ type: 'StandbyAppInstalled', data: { site: SITE, app, durationMs: 5 } });
const keyed: StandbyEventDraft = { type: 'StandbyApiKeyCreated', data: { site: SITE, apiKey: 'k0123456789abcd', durationMs: 4 } };
const readyHistory: StandbyEventDraft[] = [
  requested,
  started('new-site'),
  created,
  started('install-app', 'erpnext'),
  installed('erpnext'),
  started('install-app', 'hrms'),
  installed('hrms'),
  started('api-key'),
  keyed,
  { type: 'StandbyReady', data: { site: SITE, buildMs: 10 } },
];
const claimed: StandbyEventDraft = { type: 'StandbyClaimed', data: { site: SITE, tenantId: 't1' } };

describe('standby decide/evolve', () => {
  it("builds new-site, then each app in order, then Administrator's API key, which makes the site Ready in the same decision", () => {
    expect(nextStandbyStep(fold([requested]))).toEqual({ step: 'new-site' });
    expect(nextStandbyStep(fold([requested, started('new-site'), created]))).toEqual({ step: 'install-app', app: 'erpnext' });
    const lastApp = decide({ type: 'RecordStandbyStepSucceeded', data: { site: SITE, step: 'install-app', app: 'hrms', attempt: 1, durationMs: 7 } }, readyHistory.slice(0, 6));
    expect(lastApp).toEqual([{ type: 'StandbyAppInstalled', data: { site: SITE, app: 'hrms', durationMs: 7 } }]);
    expect(nextStandbyStep(fold(readyHistory.slice(0, 7)))).toEqual({ step: 'api-key' });
    const last = decide(
      { type: 'RecordStandbyStepSucceeded', data: { site: SITE, step: 'api-key', attempt: 1, durationMs: 4, apiKey: 'k0123456789abcd' }, metadata: meta(at(12)) },
      readyHistory.slice(0, 8),
      readyHistory.slice(0, 8).map(() => T0),
    );
    expect(last).toEqual([keyed, { type: 'StandbyReady', data: { site: SITE, buildMs: 12000 } }]);
    rejects(() => decide({ type: 'RecordStandbyStepSucceeded', data: { site: SITE, step: 'api-key', attempt: 1, durationMs: 4 } }, readyHistory.slice(0, 8)), 'POOL.BAD_STEP_RESULT');
    const s = fold(readyHistory);
    expect(s).toMatchObject({ status: 'Ready', siteCreated: true, installed: ['erpnext', 'hrms'], apiKey: 'k0123456789abcd', dbName: '_abc', running: undefined });
    expect(nextStandbyStep(s)).toBeUndefined();
  });

  it('refuses a step out of order, a held lease, an old attempt, and a result from a stale runner', () => {
    rejects(
      () => decide({ type: 'StartStandbyStep', data: { site: SITE, step: 'install-app', app: 'erpnext', attempt: 1, runnerId: 'r2', leaseExpiresAt: at(60) } }, [requested]),
      'POOL.STEP_OUT_OF_ORDER',
    );
    rejects(
      () => decide({ type: 'StartStandbyStep', data: { site: SITE, step: 'new-site', attempt: 2, runnerId: 'r2', leaseExpiresAt: at(60) } }, [requested, started('new-site')]),
      'POOL.STEP_LEASE_HELD',
    );
    rejects(
      () => decide({ type: 'StartStandbyStep', data: { site: SITE, step: 'new-site', attempt: 1, runnerId: 'r2', leaseExpiresAt: at(120) }, metadata: meta(at(90)) }, [requested, started('new-site')]),
      'POOL.STALE_RUNNER',
    );
    rejects(
      () => decide({ type: 'RecordStandbyStepSucceeded', data: { site: SITE, step: 'new-site', attempt: 2, durationMs: 1, dbName: '_x' } }, [requested, started('new-site')]),
      'POOL.STALE_RUNNER',
    );
    rejects(() => decide({ type: 'RecordStandbyStepSucceeded', data: { site: SITE, step: 'new-site', attempt: 1, durationMs: 1 } }, [requested, started('new-site')]), 'POOL.BAD_STEP_RESULT');
  });

  it('a claim needs a Ready site: a Claimed, Building or Dropped one is refused', () => {
    expect(decide({ type: 'ClaimStandby', data: { site: SITE, tenantId: 't1' } }, readyHistory)).toEqual([claimed]);
    rejects(() => decide({ type: 'ClaimStandby', data: { site: SITE, tenantId: 't2' } }, [...readyHistory, claimed]), 'POOL.STANDBY_NOT_READY');
    rejects(() => decide({ type: 'ClaimStandby', data: { site: SITE, tenantId: 't2' } }, [requested]), 'POOL.STANDBY_NOT_READY');
    rejects(() => decide({ type: 'ClaimStandby', data: { site: SITE, tenantId: 't2' } }, []), 'POOL.STANDBY_NOT_FOUND');
  });

  it('only the claimant can return a site, which is then Ready again and claimable once more', () => {
    rejects(() => decide({ type: 'ReturnStandby', data: { site: SITE, tenantId: 't2', reason: 'x' } }, [...readyHistory, claimed]), 'POOL.NOT_CLAIMED_BY');
    const back: StandbyEventDraft = { type: 'StandbyReturned', data: { site: SITE, tenantId: 't1', reason: 'x' } };
    expect(decide({ type: 'ReturnStandby', data: { site: SITE, tenantId: 't1', reason: 'x' } }, [...readyHistory, claimed])).toEqual([back]);
    expect(fold([...readyHistory, claimed, back])).toMatchObject({ status: 'Ready', claimedBy: undefined, claims: 1 });
    expect(decide({ type: 'ClaimStandby', data: { site: SITE, tenantId: 't3' } }, [...readyHistory, claimed, back])).toHaveLength(1);
  });

  it('a failed build is dropped next; an abandoned build (lease expired) is failed first, a live one is not', () => {
    const failed: StandbyEventDraft = { type: 'StandbyBuildFailed', data: { site: SITE, step: 'new-site', exitCode: 1, reason: 'boom', stderrTail: '' } };
    expect(decide({ type: 'RecordStandbyStepFailed', data: { site: SITE, step: 'new-site', attempt: 1, exitCode: 1, reason: 'boom', stderrTail: '' } }, [requested, started('new-site')])).toEqual([
      failed,
    ]);
    expect(nextStandbyStep(fold([requested, started('new-site'), failed]))).toEqual({ step: 'drop-site' });
    rejects(() => decide({ type: 'AbandonStandby', data: { site: SITE, reason: 'dead', silentSince: at(0) }, metadata: meta(at(30)) }, [requested, started('new-site')]), 'POOL.STEP_LEASE_HELD');
    expect(decide({ type: 'AbandonStandby', data: { site: SITE, reason: 'dead', silentSince: at(0) }, metadata: meta(at(61)) }, [requested, started('new-site')])).toEqual([
      { type: 'StandbyBuildFailed', data: { site: SITE, step: 'new-site', exitCode: null, reason: 'dead', stderrTail: '' } },
    ]);
    const dropped = decide({ type: 'RecordStandbyStepSucceeded', data: { site: SITE, step: 'drop-site', attempt: 1, durationMs: 3, reason: 'boom' } }, [
      requested,
      started('new-site'),
      failed,
      started('drop-site'),
    ]);
    expect(fold([requested, started('new-site'), failed, started('drop-site'), ...dropped])).toMatchObject({ status: 'Dropped', siteMayExist: false });
  });
});

/**
 * The workflow's rules, given a history, the time and the runners' heartbeats: what the process
 * manager does next. Each rule here used to be reachable only through a bench run.
 */
import { decideFailure, decideNext, leaseHolder, stepTimeoutMs, type RunnerHeartbeats, type WorkflowPolicy } from './decide-next.js';
import type { TenantDraft } from './decide.js';
import { TENANT_ID, activeHistory, adminConfigured, appInstalled, keysIssued, rollingBackHistory, signedUp, siteCreated, started, stateOf } from './test-support/given.js';

const T0 = Date.parse('2026-11-27T08:00:00.000Z');
const policy: WorkflowPolicy = {
  heavyStepTimeoutMs: 45 * 60_000,
  lightStepTimeoutMs: 5 * 60_000,
  leaseGraceMs: 30_000,
  maxAttempts: 3,
  backoffBaseMs: 2_000,
  backoffMaxMs: 60_000,
  runnerDeadAfterMs: 20_000,
  poolEnabled: false,
};
const alive = (at = T0): RunnerHeartbeats => new Map([['runner-a', { lastSeenAt: at, stopped: false }]]);
const nobody: RunnerHeartbeats = new Map();
const failed = (step: string, willRetry: boolean, retryAt?: string, attempt = 1): TenantDraft => ({
  type: 'StepFailed',
  data: {
    tenantId: TENANT_ID,
    step: step as never,
    attempt,
    classification: willRetry ? 'transient' : 'permanent',
    exitCode: 1,
    reason: 'x',
    stderrTail: '',
    willRetry,
    ...(retryAt ? { retryAt } : {}),
    durationMs: 1,
  },
});
const next = (history: TenantDraft[], now = T0, runners = alive(), p = policy) => decideNext(stateOf(history), now, p, runners);
const iso = (ms: number): string => new Date(ms).toISOString();

describe('decideNext: provisioning', () => {
  it('starts new-site first on a fresh signup, with a lease of its timeout plus grace', () => {
    expect(next([signedUp])).toEqual([{ type: 'StartStep', ref: { step: 'new-site' }, attempt: 1, leaseExpiresAt: iso(T0 + 45 * 60_000 + 30_000) }]);
  });
  it('asks for a standby site first when the pool is on, and still plans the cold path behind it', () => {
    const actions = next([signedUp], T0, alive(), { ...policy, poolEnabled: true });
    expect(actions.map((a) => a.type)).toEqual(['ClaimStandby', 'StartStep']);
  });
  it('does not claim a standby once new-site has started', () => {
    expect(next([signedUp, started('new-site')], T0, alive(), { ...policy, poolEnabled: true }).map((a) => a.type)).toEqual(['WakeAt']);
  });
  it('installs apps one after another, after the site', () => {
    expect(next([signedUp, started('new-site'), siteCreated])).toMatchObject([{ type: 'StartStep', ref: { step: 'install-app', app: 'erpnext' }, attempt: 1 }]);
  });
  it('starts the three finishing steps side by side, the host name first', () => {
    const actions = next([signedUp, started('new-site'), siteCreated, started('install-app', 1, 'erpnext'), appInstalled]);
    expect(actions.map((a) => (a.type === 'StartStep' ? a.ref.step : a.type))).toEqual(['set-host-name', 'add-system-manager', 'api-keys']);
  });
  it('gives the light steps two light timeouts (two bench calls each)', () => {
    expect(stepTimeoutMs(policy, 'api-keys')).toBe(10 * 60_000);
    expect(stepTimeoutMs(policy, 'install-app')).toBe(45 * 60_000);
  });
  it('settles an Active tenant', () => expect(next(activeHistory)).toEqual([{ type: 'Settled' }]));
});

describe('decideNext: leases and liveness', () => {
  const running = [signedUp, started('new-site', 1, undefined, iso(T0 + 40 * 60_000))];
  it('never takes over a step whose runner heartbeats, and looks again when it could be declared dead', () => {
    expect(next(running, T0, alive(T0 - 5_000))).toEqual([{ type: 'WakeAt', at: T0 - 5_000 + 20_000 }]);
  });
  it('takes a step over from a runner silent for longer than runnerDeadAfterMs, long before its lease ends', () => {
    const [a] = next(running, T0, alive(T0 - 21_000));
    expect(a).toMatchObject({ type: 'StartStep', ref: { step: 'new-site' }, attempt: 2, takeover: { runnerId: 'runner-a', attempt: 1, lastSeenAt: iso(T0 - 21_000) } });
  });
  it('takes over at once from a runner that said goodbye (graceful stop)', () => {
    const stopped: RunnerHeartbeats = new Map([['runner-a', { lastSeenAt: T0, stopped: true }]]);
    expect(next(running, T0, stopped)[0]).toMatchObject({ type: 'StartStep', attempt: 2, takeover: { runnerId: 'runner-a' } });
  });
  it('counts a runner it has never heard of as dead', () => {
    expect(next(running, T0, nobody)[0]).toMatchObject({ type: 'StartStep', attempt: 2, takeover: { runnerId: 'runner-a', attempt: 1 } });
  });
  it('takes an expired lease without takeover evidence, even from a live runner (it killed its bench at the timeout)', () => {
    const expired = [signedUp, started('new-site', 1, undefined, iso(T0 - 1))];
    const [a] = next(expired, T0, alive(T0));
    expect(a).toMatchObject({ type: 'StartStep', attempt: 2 });
    expect(a).not.toHaveProperty('takeover');
  });
  it('wakes at the lease end when that comes before the runner could be declared dead', () => {
    expect(leaseHolder(stateOf(running).leases[0], T0, alive(T0), { ...policy, runnerDeadAfterMs: 60 * 60_000 })).toEqual({ held: true, until: T0 + 40 * 60_000 });
  });
});

describe('decideNext: retries', () => {
  it('waits until retryAt after a failure that will be retried, then makes the next attempt', () => {
    const retryAt = iso(T0 + 4_000);
    const history = [signedUp, started('new-site'), failed('new-site', true, retryAt)];
    expect(next(history, T0)).toEqual([{ type: 'WakeAt', at: T0 + 4_000 }]);
    expect(next(history, T0 + 4_000)[0]).toMatchObject({ type: 'StartStep', ref: { step: 'new-site' }, attempt: 2 });
  });
  it('forgets a retry time once the step started again', () => {
    const s = stateOf([signedUp, started('new-site'), failed('new-site', true, iso(T0 + 4_000)), started('new-site', 2)]);
    expect(s.steps[0].retryAt).toBeUndefined();
  });
});

describe('decideNext: compensation', () => {
  it('drops the site once no other step runs', () => {
    expect(next(rollingBackHistory)).toMatchObject([{ type: 'StartStep', ref: { step: 'drop-site' }, attempt: 1 }]);
  });
  it('waits for a step still running beside the failed one on a live runner', () => {
    const beside = [
      signedUp,
      started('new-site'),
      siteCreated,
      started('install-app', 1, 'erpnext'),
      appInstalled,
      started('add-system-manager', 1, undefined, iso(T0 + 60_000)),
      failed('api-keys', false),
      { type: 'RollbackStarted', data: { tenantId: TENANT_ID, reason: 'x', failedStep: { step: 'api-keys' } } } as TenantDraft,
    ];
    expect(next(beside, T0, alive(T0))).toEqual([{ type: 'WakeAt', at: T0 + 20_000 }]);
    expect(next(beside, T0, nobody)).toMatchObject([{ type: 'StartStep', ref: { step: 'drop-site' }, deadRunners: ['runner-a'] }]);
  });
  it('counts drop-site attempts in this compensation and waits for its retry time', () => {
    const history = [...rollingBackHistory, started('drop-site'), failed('drop-site', true, iso(T0 + 8_000))];
    expect(next(history, T0)).toEqual([{ type: 'WakeAt', at: T0 + 8_000 }]);
    expect(next(history, T0 + 8_000)[0]).toMatchObject({ type: 'StartStep', ref: { step: 'drop-site' }, attempt: 2 });
  });
  it('does nothing while rolling back a tenant that has no site', () => {
    const noSite = [signedUp, failed('new-site', false), { type: 'RollbackStarted', data: { tenantId: TENANT_ID, reason: 'x', failedStep: { step: 'new-site' } } } as TenantDraft];
    // new-site never started here, so no site may exist.
    expect(next(noSite)).toEqual([]);
  });
  it('keeps no stale state across finishing steps', () => {
    expect(
      next([signedUp, started('new-site'), siteCreated, started('install-app', 1, 'erpnext'), appInstalled, started('add-system-manager'), adminConfigured, started('api-keys'), keysIssued]).map(
        (a) => a.type,
      ),
    ).toEqual(['StartStep']);
  });
});

describe('decideFailure', () => {
  it('rolls back a permanent failure at once', () => expect(decideFailure('permanent', 1, T0, policy, 0)).toEqual({ willRetry: false, loud: false }));
  it('retries a transient failure with doubling backoff until the last attempt', () => {
    expect(decideFailure('transient', 1, T0, policy, 1)).toEqual({ willRetry: true, retryAt: iso(T0 + 2_000), loud: false });
    expect(decideFailure('timeout', 2, T0, policy, 1)).toEqual({ willRetry: true, retryAt: iso(T0 + 4_000), loud: false });
    expect(decideFailure('transient', 3, T0, policy, 1)).toEqual({ willRetry: false, loud: false });
  });
  it('caps the backoff and jitters it down by at most 20 %', () => {
    expect(decideFailure('transient', 2, T0, { ...policy, maxAttempts: 100 }, 0).retryAt).toBe(iso(T0 + 3_200));
    expect(decideFailure('configuration', 50, T0, policy, 1).retryAt).toBe(iso(T0 + 60_000));
  });
  it('never gives up on a configuration failure, and says so loudly', () => {
    expect(decideFailure('configuration', 99, T0, policy, 1)).toMatchObject({ willRetry: true, loud: true });
  });
});

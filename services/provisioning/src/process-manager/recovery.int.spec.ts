/**
 * Recovery with the default step timeouts (new-site: 45 min + 30 s grace of lease). Liveness
 * comes from heartbeats, not from the lease: after a SIGKILL mid new-site the restarted
 * service takes the step over as soon as the dead runner's heartbeat is PM_RUNNER_DEAD_AFTER_MS
 * old (20 s by default), with the takeover and its evidence recorded in the tenant's history;
 * after a graceful stop (SIGTERM) the runner says goodbye and the step is taken over at once.
 * The measured times are printed (the soak reports them too); the assertions are about what
 * happened, not how fast.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '@tlc/event-store';
import { makeStack, type Service, type Stack } from './test-support/stack.js';

jest.setTimeout(300_000);
const DEFAULTS = {
  BENCH_STEP_TIMEOUT_MS: String(45 * 60_000),
  BENCH_LIGHT_STEP_TIMEOUT_MS: String(5 * 60_000),
  PM_LEASE_GRACE_MS: '30000',
  PM_SCAN_INTERVAL_MS: '30000',
  BENCH_SIM_LATENCY: 'new-site:6s,*:100ms',
};
let s: Stack;
beforeAll(async () => {
  s = await makeStack(DEFAULTS);
});
afterAll(async () => s?.close());

type Started = { step: string; attempt: number; runnerId: string; leaseExpiresAt: string; takeover?: { runnerId: string; attempt: number; lastSeenAt?: string } };
const newSiteStarts = (evs: RecordedEvent[]) =>
  evs.filter((e) => e.type === 'StepStarted' && (e.data as Started).step === 'new-site').map((e) => ({ ...(e.data as Started), at: Date.parse(e.recordedAt) }));

async function untilStarted(id: string, n: number, ms = 120_000) {
  const end = Date.now() + ms;
  for (;;) {
    const starts = newSiteStarts(await s.events(id));
    if (starts.length >= n) return starts;
    if (Date.now() > end) throw new Error(`new-site was started ${starts.length} times, not ${n}: ${JSON.stringify(await s.events(id))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopMidNewSite(how: (svc: Service) => Promise<void>, label: string) {
  const sub = `rec-${label}-${randomBytes(2).toString('hex')}`;
  const first = await s.start();
  const id = await s.signup(first, sub);
  const [mine] = await untilStarted(id, 1);
  const stoppedAt = Date.now();
  await how(first);
  s.killOrphanBenches();
  const second = await s.start();
  const starts = await untilStarted(id, 2);
  const evs = await s.waitFor(id, ['Active', 'RolledBack', 'Broken'], 180_000);
  await second.kill();
  const resumedAfterMs = starts[1].at - stoppedAt;
  console.log(
    `${label}: new-site resumed ${(resumedAfterMs / 1000).toFixed(1)} s after the stop (lease would have ended in ${((Date.parse(mine.leaseExpiresAt) - stoppedAt) / 60_000).toFixed(1)} min)`,
  );
  expect(evs.map((e) => e.type)).toContain('TenantActivated');
  return { mine, again: starts[1], stoppedAt };
}

it('SIGKILL mid new-site: the restarted service takes the step over from the dead runner long before its lease ends', async () => {
  const { mine, again, stoppedAt } = await stopMidNewSite((svc) => svc.kill(), 'sigkill');
  expect(again.attempt).toBe(2);
  expect(again.runnerId).not.toBe(mine.runnerId);
  expect(again.takeover).toMatchObject({ runnerId: mine.runnerId, attempt: 1 });
  // Taken over on the heartbeat, not on the lease (which still had ~45 minutes to run).
  expect(again.at).toBeLessThan(Date.parse(mine.leaseExpiresAt));
  expect(Date.parse(again.takeover!.lastSeenAt!)).toBeLessThanOrEqual(stoppedAt);
});

it('SIGTERM mid new-site: the runner says goodbye and the step is taken over without waiting for it to be declared dead', async () => {
  const { mine, again } = await stopMidNewSite((svc) => svc.terminate(), 'sigterm');
  expect(again.takeover).toMatchObject({ runnerId: mine.runnerId, attempt: 1 });
  // Goodbye recorded at the stop: the takeover did not wait PM_RUNNER_DEAD_AFTER_MS (20 s) past the last beat.
  expect(again.at - Date.parse(again.takeover!.lastSeenAt!)).toBeLessThan(20_000);
});

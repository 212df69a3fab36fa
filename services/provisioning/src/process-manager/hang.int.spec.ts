/** A hung bench is killed at the step timeout (with its whole tree), retried, then compensated. */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { alive } from '../../../../tools/bench-simulator/src/test-support/sim.js';
import { makeStack, ROOT_DOMAIN, type Stack } from './test-support/stack.js';

jest.setTimeout(300_000);
const sub = `hang-${randomBytes(2).toString('hex')}`;
let s: Stack;
afterAll(async () => s?.close());

it('times the hung install-app out twice (timeout is retryable), then rolls back with nothing left running', async () => {
  s = await makeStack({
    BENCH_SIM_HANG: `install-app:${sub}.${ROOT_DOMAIN}`,
    BENCH_STEP_TIMEOUT_MS: '8000',
    PM_MAX_ATTEMPTS: '2',
    PM_LEASE_GRACE_MS: '500',
  });
  const svc = await s.start();
  const id = await s.signup(svc, sub);
  const evs = await s.waitFor(id, ['RolledBack', 'Broken']);
  // On a loaded machine another step may time out too; this spec is about the hung install-app.
  const fails = evs
    .filter((e) => e.type === 'StepFailed' && (e.data as { step: string }).step === 'install-app')
    .map((e) => e.data as { step: string; classification: string; willRetry: boolean; attempt: number });
  expect(fails.map((f) => [f.step, f.classification, f.attempt, f.willRetry])).toEqual([
    ['install-app', 'timeout', 1, true],
    ['install-app', 'timeout', 2, false],
  ]);
  expect(evs.map((e) => e.type)).toEqual(expect.arrayContaining(['RollbackStarted', 'SiteDropped', 'RolledBack', 'SubdomainReleased']));
  // Dropped, and bench's archive of it (db password, encryption key) removed too.
  expect(s.sitesOf(sub)).toEqual({ live: false, archived: 0 });
  const hangs = s.simLog().filter((l) => l.event === 'hang');
  expect(hangs).toHaveLength(2);
  for (let i = 0; i < 30 && hangs.some((h) => alive(Number(h.pid)) || alive(Number(h.childPid))); i++) await new Promise((r) => setTimeout(r, 100));
  expect(hangs.flatMap((h) => [alive(Number(h.pid)), alive(Number(h.childPid))])).toEqual([false, false, false, false]);
  expect((await s.dbCount()).dbs).toEqual([]);
});

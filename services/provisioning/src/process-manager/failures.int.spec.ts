/**
 * A failure injected at each step rolls the tenant back completely (site archived, database
 * and user gone, subdomain free again); a transient failure is retried; a failed compensation
 * leaves the tenant Broken with the reason. One service, one tenant per case, run together.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { makeStack, ROOT_DOMAIN, type Service, type Stack } from './test-support/stack.js';

jest.setTimeout(300_000);
const tag = randomBytes(2).toString('hex');
const sub = (name: string) => `${name}-${tag}`;
const site = (name: string) => `${sub(name)}.${ROOT_DOMAIN}`;
const PERMANENT: Array<[string, string]> = [
  ['new-site', `new-site:${site('fnew')}*1`],
  ['install-app:erpnext', `install-app:${site('fapp')}*1`],
  ['add-system-manager', `add-system-manager:${site('fadm')}*1`],
  ['api-keys', `execute:${site('fkey')}*1`],
  // set-host-name runs no bench command any more (the service edits site_config.json itself), so
  // the simulator cannot fail it; site-config-file.int.spec.ts covers its lock and link failures.
];
const NAMES = ['fnew', 'fapp', 'fadm', 'fkey'];

let s: Stack;
let svc: Service;
beforeAll(async () => {
  const fail = [
    ...PERMANENT.map(([, rule]) => rule),
    `install-app:${site('tlock')}=lock*2`,
    `add-system-manager:${site('tdb')}=db-down*1`,
    `new-site:${site('broke')}*1`,
    `drop-site:${site('broke')}`,
  ].join(',');
  s = await makeStack({ BENCH_SIM_FAIL: fail, BENCH_SIM_LATENCY: '*:5ms' });
  svc = await s.start();
});
afterAll(async () => s?.close());

it('rolls back a permanent failure at every step and frees the subdomain for a new signup', async () => {
  const ids = await Promise.all(NAMES.map((n) => s.signup(svc, sub(n))));
  for (const [i, id] of ids.entries()) {
    const evs = await s.waitFor(id, ['RolledBack', 'Broken']);
    const types = evs.map((e) => e.type);
    const failed = evs.find((e) => e.type === 'StepFailed')!.data as { step: string; app?: string; classification: string; willRetry: boolean; stderrTail: string };
    expect([failed.app ? `${failed.step}:${failed.app}` : failed.step, failed.classification, failed.willRetry]).toEqual([PERMANENT[i][0], 'permanent', false]);
    expect(failed.stderrTail).toContain('Simulated failure');
    expect(types).toEqual(expect.arrayContaining(['RollbackStarted', 'SiteDropped', 'RolledBack', 'SubdomainReleased']));
    expect(s.sitesOf(sub(NAMES[i]))).toEqual({ live: false, archived: 0 });
    expect(evs.find((e) => e.type === 'SiteDropped')?.data).toMatchObject({ archiveRemoved: true });
  }
  const { dbs, users } = await s.dbCount();
  expect([dbs, users]).toEqual([[], []]);
  // The subdomains are free again: the same names sign up and (failures were one-shot) go Active.
  const again = await Promise.all(NAMES.map((n) => s.signup(svc, sub(n))));
  for (const [i, id] of again.entries()) {
    await s.waitFor(id, ['Active']);
    expect(s.sitesOf(sub(NAMES[i]))).toEqual({ live: true, archived: 0 });
  }
  const after = await s.dbCount();
  expect([after.dbs.length, after.users.length]).toEqual([NAMES.length, NAMES.length]);
});

it('retries transient failures (lock held, database unreachable) with backoff and ends Active', async () => {
  const [lock, db] = await Promise.all([s.signup(svc, sub('tlock')), s.signup(svc, sub('tdb'))]);
  for (const [id, n] of [
    [lock, 2],
    [db, 1],
  ] as const) {
    const evs = await s.waitFor(id, ['Active', 'RolledBack']);
    const fails = evs.filter((e) => e.type === 'StepFailed').map((e) => e.data as { classification: string; willRetry: boolean; retryAt?: string });
    expect(fails).toHaveLength(n);
    expect(fails.every((f) => f.classification === 'transient' && f.willRetry && f.retryAt)).toBe(true);
    expect(evs.map((e) => e.type)).toContain('TenantActivated');
  }
});

it('marks the tenant Broken, with the reason, when compensation fails', async () => {
  const id = await s.signup(svc, sub('broke'));
  const evs = await s.waitFor(id, ['Broken']);
  const broken = evs.find((e) => e.type === 'TenantBroken')!.data as { reason: string; step: { step: string } };
  expect(broken.step.step).toBe('drop-site');
  expect(broken.reason).toContain('Simulated failure of drop-site');
  expect(s.sitesOf(sub('broke')).live).toBe(true);
  const st = await fetch(`${svc.url}/v1/tenants/${id}`, { headers: { authorization: `Bearer ${(await import('./test-support/stack.js')).API_SECRET}` } });
  expect(await st.json()).toMatchObject({ status: 'Broken' });
});

/**
 * Crash suite: SIGKILL the service (and, as a machine crash would, the bench it was running)
 * in the middle of each step and right after each step's bench finished (before or while its
 * result is recorded), restart it, and check that the tenant ends Active with exactly one site
 * and one database. Simulator latency holds every step open long enough to land inside it.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeStack, ROOT_DOMAIN, type Stack } from './test-support/stack.js';

jest.setTimeout(900_000);
// The host-name step runs no bench command (the service edits site_config.json itself).
const COMMANDS = ['new-site', 'enable-scheduler', 'install-app', 'add-system-manager', 'set-password', 'execute'] as const;
type Point = { command: (typeof COMMANDS)[number]; when: 'inside' | 'after' };
const POINTS: Point[] = COMMANDS.flatMap((command) => [
  { command, when: 'inside' as const },
  { command, when: 'after' as const },
]).filter((p) => !process.env.CRASH_ONLY || `${p.when} ${p.command}` === process.env.CRASH_ONLY);

let s: Stack;
beforeAll(async () => {
  s = await makeStack({
    BENCH_SIM_LATENCY: '*:800ms',
    BENCH_STEP_TIMEOUT_MS: '15000',
    BENCH_LIGHT_STEP_TIMEOUT_MS: '8000',
    PM_LEASE_GRACE_MS: '500',
  });
});
afterAll(async () => s?.close());

async function until(cond: () => boolean, what: string, tenantId: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) {
      const evs = await s.events(tenantId);
      throw new Error(`never saw ${what}: ${JSON.stringify(evs.map((e) => [e.type, e.data]))}\n${JSON.stringify(s.simLog().slice(-12))}`);
    }
    await new Promise((r) => setTimeout(r, 30));
  }
}

const tag = randomBytes(2).toString('hex');
const active: string[] = [];

it.each(POINTS.map((p, i) => [`${p.when} ${p.command}`, p, i] as const))('SIGKILL %s, restart: exactly one site and one database', async (_label, point, i) => {
  const sub = `crash${i}-${tag}`;
  const site = `${sub}.${ROOT_DOMAIN}`;
  const svc = await s.start();
  const id = await s.signup(svc, sub);
  const mine = () => s.simLog().filter((l) => l.site === site && l.command === point.command);
  if (point.when === 'inside') {
    await until(() => mine().some((l) => l.event === 'start'), `${point.command} start`, id);
  } else {
    await until(() => mine().some((l) => l.event === 'exit'), `${point.command} exit`, id);
  }
  await svc.kill();
  s.killOrphanBenches();
  const again = await s.start();
  const evs = await s.waitFor(id, ['Active', 'RolledBack', 'Broken']);
  await again.kill();
  const types = evs.map((e) => e.type);
  const failures = evs.filter((e) => e.type === 'StepFailed').map((e) => e.data);
  if (!types.includes('TenantActivated')) throw new Error(`not Active: ${types.join(', ')}\n${JSON.stringify(failures)}\n${again.output().slice(-4000)}`);
  active.push(site);
  // One live site per Active tenant, no stray folder; every Active tenant has its one database and user.
  const live = readdirSync(join(s.bench.root, 'sites')).filter((d) => existsSync(join(s.bench.root, 'sites', d, 'site_config.json')));
  expect(live.sort()).toEqual([...active].sort());
  const { dbs, users } = await s.dbCount();
  expect([dbs.length, users.length]).toEqual([active.length, active.length]);
  expect(s.sitesOf(sub).archived).toBe(0);
});

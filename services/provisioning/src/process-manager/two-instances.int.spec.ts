/**
 * Two service instances on one PostgreSQL event store share 20 signups. The lease in
 * StepStarted (appended at the expected revision) lets only one instance start each step, so
 * the simulator's log shows every bench command exactly once per tenant.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { makeStack, ROOT_DOMAIN, type Stack } from './test-support/stack.js';

jest.setTimeout(600_000);
let s: Stack;
afterAll(async () => s?.close());

it('provisions 20 tenants with two instances, each step run exactly once per tenant', async () => {
  s = await makeStack({ BENCH_SIM_LATENCY: '*:0ms' });
  const [a, b] = [await s.start(), await s.start()];
  const tag = randomBytes(2).toString('hex');
  const subs = Array.from({ length: 20 }, (_, i) => `two${i}-${tag}`);
  const ids = await Promise.all(subs.map((sub, i) => s.signup(i % 2 ? b : a, sub)));
  for (const id of ids) {
    const evs = await s.waitFor(id, ['Active', 'RolledBack', 'Broken'], 400_000);
    expect(evs.map((e) => e.type)).toContain('TenantActivated');
    expect(evs.filter((e) => e.type === 'StepFailed')).toEqual([]);
  }
  const exits = s.simLog().filter((l) => l.event === 'exit' && l.command !== 'init');
  for (const sub of subs) {
    const site = `${sub}.${ROOT_DOMAIN}`;
    const ran = exits
      .filter((l) => l.site === site)
      .map((l) => `${l.command}:${l.exitCode}`)
      .sort();
    expect({ site, ran }).toEqual({ site, ran: ['add-system-manager:0', 'enable-scheduler:0', 'execute:0', 'execute:0', 'install-app:0', 'new-site:0', 'set-password:0'] });
  }
  // Both instances did work (the lease, not luck, kept them apart).
  const runners = new Set<string>();
  for (const id of ids) for (const e of await s.events(id)) if (e.type === 'StepStarted') runners.add((e.data as { runnerId: string }).runnerId);
  expect(runners.size).toBe(2);
});

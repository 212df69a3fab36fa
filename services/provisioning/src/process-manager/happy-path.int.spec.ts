/** The real service process drives the real simulator to an Active tenant. */
import { jest } from '@jest/globals';
import { makeStack, ROOT_DOMAIN, type Stack, type Service } from './test-support/stack.js';

jest.setTimeout(300_000);
let s: Stack;
let svc: Service;
beforeAll(async () => {
  s = await makeStack({ BENCH_SIM_LATENCY: '*:10ms' });
  svc = await s.start();
});
afterAll(async () => s?.close());

it('provisions a signup to Active, with every step event, its duration, one site and one database', async () => {
  const sub = `happy-${Date.now().toString(36)}`;
  const id = await s.signup(svc, sub);
  const evs = await s.waitFor(id, ['Active']);
  const types = evs.map((e) => e.type);
  // new-site, then the app, in order; then the admin, the API keys and the host name side by
  // side (their events in any order), and TenantActivated with the last of them.
  expect(types.slice(0, 5)).toEqual(['SignupRequested', 'StepStarted', 'SiteCreated', 'StepStarted', 'AppInstalled']);
  expect(types.slice(5, -1).sort()).toEqual(['AdminConfigured', 'ApiKeysIssued', 'HostNameConfigured', 'StepStarted', 'StepStarted', 'StepStarted'].sort());
  expect(types.at(-1)).toBe('TenantActivated');
  const finishing = evs
    .slice(5)
    .filter((e) => e.type === 'StepStarted')
    .map((e) => (e.data as { step: string }).step)
    .sort();
  expect(finishing).toEqual(['add-system-manager', 'api-keys', 'set-host-name']);
  for (const e of evs.filter((x) => ['SiteCreated', 'AppInstalled', 'AdminConfigured', 'ApiKeysIssued', 'HostNameConfigured'].includes(x.type))) {
    expect((e.data as { durationMs: number }).durationMs).toBeGreaterThan(0);
  }
  expect(evs.find((e) => e.type === 'TenantActivated')?.data).toMatchObject({ siteUrl: `http://${sub}.${ROOT_DOMAIN}:8000` });
  const keys = evs.find((e) => e.type === 'ApiKeysIssued')?.data as { apiKey: string; apiSecret: { alg: string } };
  expect(keys.apiKey).toMatch(/^[0-9a-f]{15}$/);
  expect(keys.apiSecret.alg).toBe('A256GCM');
  expect(s.sitesOf(sub)).toEqual({ live: true, archived: 0 });
  const { dbs, users } = await s.dbCount();
  expect([dbs.length, users.length]).toEqual([1, 1]);
  // No secret reached the event log or the bench invocation log.
  const all = JSON.stringify(evs) + JSON.stringify(s.simLog());
  expect(all).not.toContain('correct horse battery');
  const ran = s
    .simLog()
    // Not the start-up check's `bench --version` (no command).
    .filter((l) => l.event === 'exit' && l.command !== 'init' && l.command !== undefined)
    .map((l) => l.command);
  // The scheduler is enabled with the site (v15 leaves it off); the password goes to set-password on
  // stdin; the host name is written by the service itself (no set-config).
  expect(ran.slice(0, 3)).toEqual(['new-site', 'enable-scheduler', 'install-app']);
  expect(ran.slice(3).sort()).toEqual(['add-system-manager', 'execute', 'execute', 'set-password']);
});

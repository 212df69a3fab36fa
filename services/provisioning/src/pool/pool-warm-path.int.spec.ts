/**
 * The warm path end to end (real app with its process manager, real simulator): a signup claims
 * a standby site and reaches Active without new-site or install-app; a failure that leaves
 * nothing of the customer's on the site gives the site back to the pool; a failure after the
 * admin user exists drops the site and the refiller replaces it. The admin and API-key steps run
 * side by side, so "nothing of the customer's" means both failed.
 */
import { existsSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { tenantStream } from '@tlc/tenant-events';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { startPoolHarness, waitFor, type PoolHarness } from './test-support/pool-harness.js';

jest.setTimeout(300_000);

const types = async (h: PoolHarness, stream: string) => (await h.stream(stream)).map((e) => e.type);
const lastOf = async (h: PoolHarness, tenantId: string, wanted: string[]) =>
  waitFor(`tenant ${tenantId} to reach ${wanted.join('/')}`, async () => ((await types(h, tenantStream(tenantId))).some((t) => wanted.includes(t)) ? true : undefined), 120_000);
/** generate_keys calls the simulator logged on `site` (its build's api-key step, a claim's new secret, a return's). */
const generateKeys = (h: PoolHarness, site: string): number =>
  readFileSync(join(h.benchPath, 'logs', 'bench-sim.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; site?: string; argv: string[] })
    .filter((l) => l.event === 'exit' && l.site === site && l.argv.includes('frappe.core.doctype.user.user.generate_keys')).length;
/**
 * Builds the pool without failures, then restarts the app with these ones (the builds' own bench
 * calls must not fail). `benchKeys`: the ready sites lose their kept API credentials, so a claim
 * issues keys with bench (generate_keys), as for a site built before they were kept.
 */
async function readyThenFail(fail: string, benchKeys = false): Promise<PoolHarness> {
  const h = await startPoolHarness(env);
  await waitFor('2 ready', () => (h.index().counts().ready >= 2 ? true : undefined));
  if (benchKeys) for (const s of h.index().ready()) rmSync(join(h.benchPath, 'sites', s.site, 'private', 'provisioning-api-credentials.json'));
  process.env.BENCH_SIM_FAIL = fail;
  await h.restart();
  await waitFor('2 ready after the restart', () => (h.index().counts().ready >= 2 ? true : undefined));
  return h;
}
const env = { POOL_SIZE: '2', PROVISIONING_CONCURRENCY: '2', PM_BACKOFF_BASE_MS: '50', PM_SCAN_INTERVAL_MS: '200', SITE_URL_TEMPLATE: 'http://{subdomain}.example.localhost:3000' };

describe('warm path through the process manager', () => {
  let h: PoolHarness;
  afterEach(async () => {
    await h?.close();
    delete process.env.BENCH_SIM_FAIL;
    delete process.env.BENCH_SIM_LATENCY;
  });

  it('a signup with a ready standby site is Active without new-site or install-app; its history names the site', async () => {
    process.env.BENCH_SIM_FAIL = '';
    // A slow step keeps the claim finishing for a while: the refill must wait for it.
    process.env.BENCH_SIM_LATENCY = 'add-system-manager:800ms';
    h = await startPoolHarness(env);
    await waitFor('2 ready', () => (h.index().counts().ready >= 2 ? true : undefined));
    const tenantId = await h.signup('w1');
    await lastOf(h, tenantId, ['TenantActivated', 'RolledBack']);
    const events = await h.stream(tenantStream(tenantId));
    const t = events.map((e) => e.type);
    expect(t).toContain('TenantActivated');
    expect(t).not.toContain('SiteCreated');
    expect(t).not.toContain('AppInstalled');
    const site = (events.find((e) => e.type === 'StandbySiteClaimed')!.data as { standbySite: string }).standbySite;
    expect(site).toMatch(/^standby-[0-9a-f]{8}$/);
    // Administrator's key and secret were made while building and kept in the site's folder: the claim hands them over without a bench call.
    const built = (await h.stream(site)).find((e) => e.type === 'StandbyApiKeyCreated')!.data as { apiKey: string };
    expect((events.find((e) => e.type === 'ApiKeysIssued')!.data as { apiKey: string }).apiKey).toBe(built.apiKey);
    expect(built.apiKey).toMatch(/^[0-9a-f]{15}$/);
    expect(generateKeys(h, site)).toBe(1);
    // The customer's name leads to the site (Frappe finds a site by its folder name).
    expect(readlinkSync(join(h.benchPath, 'sites', 'shop-w1.example.localhost'))).toBe(site);
    expect(t.indexOf('StandbySiteClaimed')).toBeLessThan(t.indexOf('StepStarted'));
    expect(h.siteConfig(site)).toMatchObject({ domains: ['shop-w1.example.localhost'], host_name: 'http://shop-w1.example.localhost:3000' });
    // The site is the tenant's now: it stays Claimed, and the pool is refilled to 2 ready.
    expect(h.index().get(site)?.status).toBe('Claimed');
    await waitFor('refilled', () => (h.index().counts().ready >= 2 ? true : undefined));
    // The replacement's first bench command waited until the claim had finished (claim-activity.ts).
    const at = (type: string) => Date.parse(events.find((e) => e.type === type)!.recordedAt);
    const replacements = h
      .index()
      .all()
      .filter((s) => s.requestedAt && Date.parse(s.requestedAt) >= at('StandbySiteClaimed'));
    expect(replacements.length).toBeGreaterThanOrEqual(1);
    for (const r of replacements) {
      const firstStep = (await h.stream(r.site)).find((e) => e.type === 'StandbyStepStarted')!;
      expect(Date.parse(firstStep.recordedAt)).toBeGreaterThanOrEqual(at('TenantActivated'));
    }
  });

  it('a tenant never drops a standby site it no longer holds (given back, and claimed by the next signup)', async () => {
    process.env.BENCH_SIM_FAIL = '';
    h = await startPoolHarness({ ...env, POOL_SIZE: '1' });
    await waitFor('1 ready', () => (h.index().counts().ready >= 1 ? true : undefined));
    const next = await h.signup('n1');
    await lastOf(h, next, ['TenantActivated', 'RolledBack']);
    const { state } = await h.service.app.get(TenantRepository).load(next);
    const site = state.standbySite!;
    // What an earlier claimant's redo of drop-site sees: the site in its history, claimed by someone else now.
    expect(await h.pool().releaseIfClean({ ...state, tenantId: 'an-earlier-claimant' })).toBe(true);
    expect(h.index().get(site)).toMatchObject({ status: 'Claimed', claimedBy: next });
    expect(existsSync(join(h.benchPath, 'sites', site))).toBe(true);
  });

  it("add-system-manager and api-keys both fail: the site holds nothing of the customer's and goes back to the pool", async () => {
    h = await readyThenFail('add-system-manager,execute:frappe.core.doctype.user.user.generate_keys*1', true);
    const tenantId = await h.signup('f1');
    await lastOf(h, tenantId, ['RolledBack', 'TenantBroken']);
    const events = await h.stream(tenantStream(tenantId));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['StandbySiteClaimed', 'StepFailed', 'RollbackStarted', 'SiteDropped', 'RolledBack']));
    const site = (events.find((e) => e.type === 'StandbySiteClaimed')!.data as { standbySite: string }).standbySite;
    expect((await types(h, site)).slice(-2)).toEqual(['StandbyClaimed', 'StandbyReturned']);
    expect(existsSync(join(h.benchPath, 'sites', site))).toBe(true);
    expect(h.siteConfig(site).domains).toEqual([]);
    expect(h.siteConfig(site).host_name).toBeUndefined();
    expect(h.index().get(site)?.status).toBe('Ready');
  });

  it('the API secret was issued but the admin user failed: the secret is rotated away and the site goes back to the pool', async () => {
    h = await readyThenFail('add-system-manager');
    const tenantId = await h.signup('f3');
    await lastOf(h, tenantId, ['RolledBack', 'TenantBroken']);
    const events = await h.stream(tenantStream(tenantId));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['StandbySiteClaimed', 'ApiKeysIssued', 'StepFailed', 'RolledBack']));
    const site = (events.find((e) => e.type === 'StandbySiteClaimed')!.data as { standbySite: string }).standbySite;
    expect((await types(h, site)).slice(-2)).toEqual(['StandbyClaimed', 'StandbyReturned']);
    // Built, then returned with a new secret: the one the rolled-back tenant holds no longer works.
    expect(generateKeys(h, site)).toBe(2);
    expect(h.index().get(site)?.status).toBe('Ready');
  });

  it('api-keys fails after the admin user exists: the site is dropped and replaced', async () => {
    h = await readyThenFail('execute:frappe.core.doctype.user.user.generate_keys*1', true);
    const before = h
      .index()
      .ready()
      .map((s) => s.site);
    const tenantId = await h.signup('f2');
    await lastOf(h, tenantId, ['RolledBack', 'TenantBroken']);
    const events = await h.stream(tenantStream(tenantId));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['StandbySiteClaimed', 'AdminConfigured', 'RollbackStarted', 'SiteDropped', 'RolledBack']));
    const site = (events.find((e) => e.type === 'StandbySiteClaimed')!.data as { standbySite: string }).standbySite;
    expect(existsSync(join(h.benchPath, 'sites', site))).toBe(false);
    expect(await types(h, site)).not.toContain('StandbyReturned');
    const refilled = await waitFor('a replacement', () => {
      const ready = h
        .index()
        .ready()
        .map((s) => s.site);
      return ready.length >= 2 && ready.some((s) => !before.includes(s)) ? ready : undefined;
    });
    expect(refilled).not.toContain(site);
  });
});

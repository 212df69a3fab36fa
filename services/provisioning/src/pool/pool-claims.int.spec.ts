/**
 * The warm pool against a real app and the real bench simulator: concurrent claims never share a
 * site, and a claimant that dies between its two appends leaves neither a lost nor a
 * double-used site once the claim is settled (recorded or returned, by one rule).
 */
import { join, resolve } from 'node:path';
import { jest } from '@jest/globals';
import { execa } from 'execa';
import { tenantStream, type StandbyState } from '@tlc/tenant-events';
import { TenantCommandService } from '../tenants/tenant-command.service.js';
import { PoolRefiller } from './refiller.js';
import { SIM_BIN, startPoolHarness, waitFor, type PoolHarness } from './test-support/pool-harness.js';

jest.setTimeout(300_000);
const TENANTCTL = resolve(SIM_BIN, '../../../../node_modules/.bin/tenantctl');

const readySites = (h: PoolHarness, n: number) =>
  waitFor(`${n} ready standby sites`, () =>
    h.index().counts().ready >= n
      ? h
          .index()
          .ready()
          .map((s) => s.site)
      : undefined,
  );

describe('warm pool claims (real app, real simulator)', () => {
  let h: PoolHarness;
  afterEach(async () => {
    await h?.close();
  });

  it('20 concurrent signups against a pool of 10: 10 warm, 10 cold, all Active, every standby site used once', async () => {
    process.env.BENCH_SIM_LATENCY = 'new-site:300ms,install-app:100ms';
    h = await startPoolHarness({ POOL_SIZE: '10', PROVISIONING_CONCURRENCY: '4', PM_ENABLED: 'true', PM_BACKOFF_BASE_MS: '50', PM_SCAN_INTERVAL_MS: '500' });
    const ready = await readySites(h, 10);
    expect(ready).toHaveLength(10);
    // Held at these 10 during the burst, so "10 warm" cannot depend on how fast a refill is.
    h.service.app.get(PoolRefiller).pause();

    const tenants = await Promise.all(Array.from({ length: 20 }, (_, i) => h.signup(`c${i}`)));
    const histories = await Promise.all(
      tenants.map((t) =>
        waitFor(
          `tenant ${t} Active`,
          async () => {
            const events = await h.stream(tenantStream(t));
            if (events.some((e) => e.type === 'RolledBack')) throw new Error(`tenant ${t} rolled back`);
            return events.some((e) => e.type === 'TenantActivated') ? events : undefined;
          },
          240_000,
        ),
      ),
    );
    const claims = histories.map((events) => events.filter((e) => e.type === 'StandbySiteClaimed').map((e) => (e.data as { standbySite: string }).standbySite));
    const warm = claims.filter((c) => c.length === 1).map((c) => c[0]);
    expect(claims.every((c) => c.length <= 1)).toBe(true);
    expect(warm).toHaveLength(10);
    expect([...warm].sort()).toEqual([...ready].sort());
    // Warm ones skipped new-site and install-app; cold ones made their own site.
    histories.forEach((events, i) => {
      const created = events.some((e) => e.type === 'SiteCreated');
      expect(created).toBe(claims[i].length === 0);
    });
    for (const site of ready) {
      const events = await h.stream(site);
      const claimsOfSite = events.filter((e) => e.type === 'StandbyClaimed');
      expect(claimsOfSite).toHaveLength(1);
      const n = tenants.indexOf((claimsOfSite[0].data as { tenantId: string }).tenantId);
      expect(claims[n]).toEqual([site]);
      expect(h.siteConfig(site)).toMatchObject({ domains: [`shop-c${n}.example.localhost`] });
    }

    // Refilling resumes: 10 new ready sites.
    h.service.app.get(PoolRefiller).resume();
    const refilled = await readySites(h, 10);
    expect(refilled.filter((s) => ready.includes(s))).toEqual([]);
    const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/provisioning_pool_claims_total\{outcome="warm"\} 10/);
    expect(metrics).toMatch(/provisioning_pool_misses_total 10/);
    expect(metrics).toMatch(/provisioning_pool_refill_seconds_count 20/);
    expect(metrics).toMatch(/provisioning_pool_sites\{state="ready"\} 10/);
    // The operator's view, read from the event store by the real tenantctl binary.
    const cli = await execa(TENANTCTL, ['pool', 'status', '--json'], { env: { EVENT_STORE_URL: `sqlite:${join(h.dir, 'events.db')}` }, reject: false });
    expect(cli.exitCode).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ counts: { Ready: 10, Claimed: 10, Building: 0 }, claims: 10, returns: 0, buildSeconds: { count: 20 } });
  });

  it('a crash between the standby append and the tenant append: the claim is recorded if the tenant can still take it, else the site goes back', async () => {
    process.env.BENCH_SIM_LATENCY = 'new-site:150ms,install-app:100ms';
    // The process manager stays off: this spec plays the claimant and its crash itself.
    h = await startPoolHarness({ POOL_SIZE: '3', POOL_CLAIM_GRACE_MS: '3600000', PM_ENABLED: 'false' });
    await readySites(h, 3);
    const [resumes, movesOn] = [await h.signup('k1'), await h.signup('k2')];
    const crash = new Error('simulated crash between the two appends');
    h.pool().faults = {
      afterStandbyClaimed: async () => {
        throw crash;
      },
    };
    await expect(h.pool().claimFor(resumes)).rejects.toBe(crash);
    await expect(h.pool().claimFor(movesOn)).rejects.toBe(crash);
    const claimedSite = (t: string) =>
      h
        .index()
        .all()
        .find((s: StandbyState) => s.status === 'Claimed' && s.claimedBy === t)?.site;
    const [siteA, siteB] = [claimedSite(resumes)!, claimedSite(movesOn)!];
    expect(siteA && siteB && siteA !== siteB).toBe(true);
    for (const t of [resumes, movesOn]) {
      expect((await h.stream(tenantStream(t))).some((e) => e.type === 'StandbySiteClaimed')).toBe(false);
    }
    // Meanwhile the second tenant went the normal way: its first step started.
    await h.service.app.get(TenantCommandService).handle({
      type: 'StartStep',
      data: { tenantId: movesOn, step: 'new-site', attempt: 1, runnerId: 'other-runner', leaseExpiresAt: new Date(Date.now() + 600_000).toISOString() },
      metadata: { commandId: `start-${movesOn}`, correlationId: 'c', causationId: 'c', actor: { kind: 'system', id: 'test' }, now: new Date().toISOString() },
    });

    // Restart (a new process on the same log and bench), with the sweep allowed to settle at once.
    await h.restart({ POOL_CLAIM_GRACE_MS: '0' });
    await waitFor('both claims settled', async () => {
      const a = (await h.stream(tenantStream(resumes))).some((e) => e.type === 'StandbySiteClaimed');
      const b = (await h.stream(siteB)).some((e) => e.type === 'StandbyReturned');
      return a && b ? true : undefined;
    });
    // The tenant that could still take it got exactly that site, once.
    const recorded = (await h.stream(tenantStream(resumes))).filter((e) => e.type === 'StandbySiteClaimed');
    expect(recorded.map((e) => (e.data as { standbySite: string }).standbySite)).toEqual([siteA]);
    expect(await h.pool().claimFor(resumes)).toBe(siteA);
    // The claim is appends only: the customer's domain comes with the tenant's set-host-name step.
    expect(h.siteConfig(siteA).domains).toBeUndefined();
    // The other site is Ready again, without the customer's name, and claimable by someone else.
    expect(h.siteConfig(siteB).domains).toEqual([]);
    expect(h.siteConfig(siteB).host_name).toBeUndefined();
    const third = await h.signup('k3');
    h.pool().faults = undefined;
    const got = await h.pool().claimFor(third);
    expect(got).toBeDefined();
    // No site is claimed twice without a return in between, none is lost.
    for (const s of h.index().all()) {
      const events = await h.stream(s.site);
      let holders = 0;
      for (const e of events) {
        if (e.type === 'StandbyClaimed') holders++;
        if (e.type === 'StandbyReturned') holders--;
        expect(holders === 0 || holders === 1).toBe(true);
      }
    }
    expect((await h.stream(tenantStream(movesOn))).some((e) => e.type === 'StandbySiteClaimed')).toBe(false);
  });
});

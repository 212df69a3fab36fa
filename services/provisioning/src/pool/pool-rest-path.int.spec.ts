/**
 * The warm path on Frappe's REST API (FRAPPE_URL set): real app, real simulator and its web
 * server. A claim adds the customer's System Manager with one request, hands over the API key
 * made while building, and writes the host name itself: no bench command runs for it. And no
 * password reaches any bench command line, cold or warm.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { startSimulatorWeb, type SimulatorWeb } from '@tlc/bench-simulator';
import { tenantStream } from '@tlc/tenant-events';
import { startPoolHarness, waitFor, type PoolHarness } from './test-support/pool-harness.js';

jest.setTimeout(300_000);

const PASSWORD = 'correct horse battery';
const env = { POOL_SIZE: '1', PROVISIONING_CONCURRENCY: '2', PM_BACKOFF_BASE_MS: '50', PM_SCAN_INTERVAL_MS: '200', SITE_URL_TEMPLATE: 'http://{subdomain}.example.localhost:3000' };
type LogLine = { event: string; site?: string; argv: string[]; time: string };
const benchLog = (h: PoolHarness): LogLine[] =>
  readFileSync(join(h.benchPath, 'logs', 'bench-sim.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as LogLine);

describe('warm path over REST (FRAPPE_URL)', () => {
  let h: PoolHarness | undefined;
  let web: SimulatorWeb | undefined;
  afterEach(async () => {
    await h?.close();
    await web?.stop();
    delete process.env.FRAPPE_URL;
  });

  it('claims with no bench command: user over REST, the kept API key, host name and the customer-name link written by the service', async () => {
    process.env.BENCH_SIM_FAIL = '';
    // The harness makes the bench; the web server must serve it before the app starts claiming.
    h = await startPoolHarness({ ...env, POOL_SIZE: '0' });
    web = await startSimulatorWeb({ benchRoot: h.benchPath, env: {} });
    await h.restart({ ...env, FRAPPE_URL: web.url });
    await waitFor('1 ready', () => (h!.index().counts().ready >= 1 ? true : undefined), 120_000);
    const claimedAt = new Date().toISOString();
    const tenantId = await h.signup('r1');
    await waitFor('Active', async () => ((await h!.stream(tenantStream(tenantId))).some((e) => ['TenantActivated', 'RolledBack', 'TenantBroken'].includes(e.type)) ? true : undefined), 120_000);
    const events = await h.stream(tenantStream(tenantId));
    expect(events.map((e) => e.type)).toContain('TenantActivated');
    const site = (events.find((e) => e.type === 'StandbySiteClaimed')!.data as { standbySite: string }).standbySite;

    // No bench command on the claimed site after the claim.
    expect(benchLog(h).filter((l) => l.event === 'start' && l.site === site && l.time >= claimedAt)).toEqual([]);
    const db = JSON.parse(readFileSync(join(h.benchPath, 'sites', site, 'private', 'sim-db.json'), 'utf8'));
    expect(db.users['admin-r1@shop.test']).toMatchObject({ password_set: true, user_type: 'System User', roles: expect.arrayContaining(['System Manager', 'Accounts Manager']) });
    expect(readlinkSync(join(h.benchPath, 'sites', 'shop-r1.example.localhost'))).toBe(site);
    expect(h.siteConfig(site)).toMatchObject({ domains: ['shop-r1.example.localhost'], host_name: 'http://shop-r1.example.localhost:3000' });

    // The issued key is the site's, and works on the customer's name.
    const kept = JSON.parse(readFileSync(join(h.benchPath, 'sites', site, 'private', 'provisioning-api-credentials.json'), 'utf8'));
    expect((events.find((e) => e.type === 'ApiKeysIssued')!.data as { apiKey: string }).apiKey).toBe(kept.api_key);
    const me = await fetch(`${web.url}/api/resource/User/admin-r1@shop.test`, {
      headers: { Authorization: `token ${kept.api_key}:${kept.api_secret}`, 'X-Frappe-Site-Name': 'shop-r1.example.localhost' },
    });
    expect(me.status).toBe(200);

    // No password on any command line the service started (the standby's build included).
    for (const l of benchLog(h).filter((x) => x.event === 'start')) {
      expect(l.argv.join(' ')).not.toMatch(/--(admin-|db-root-|mariadb-root-)?password|\*\*\*/);
      expect(l.argv.join(' ')).not.toContain(PASSWORD);
    }
  });
});

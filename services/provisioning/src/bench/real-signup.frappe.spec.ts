/**
 * `npm run test:frappe`, part two (issue 16): whole signups through the product (the real app, its
 * process manager and pool) on a REAL frappe-bench: FRAPPE_BENCH_PATH (as in
 * real-frappe.frappe.spec.ts) and FRAPPE_URL (the bench's gunicorn, e.g. http://127.0.0.1:8000).
 * Optional: FRAPPE_BENCH_BIN (bench), FRAPPE_DB_ROOT_USER (root), FRAPPE_APPS (frappe: ERPNext's
 * install-app takes minutes). Each signup must end Active with an API key that works on the
 * customer's site, an admin who can log in with the signup's password, and the scheduler on.
 * The cold signup builds its own site; the warm one claims a standby site built first. Every
 * site is dropped afterwards. Without both variables: one skip line.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore } from '@tlc/event-store';
import { tenantStream, type SealedSecret } from '@tlc/tenant-events';
import { createProvisioningApp, type ProvisioningApp } from '../bootstrap.js';
import { parseConfig } from '../config/config.js';
import { SecretsService } from '../secrets/secrets.service.js';
import { BenchOperations } from './bench-operations.js';
import { BenchRunner } from './bench-runner.js';
import { unlinkSiteNames } from './site-config-file.js';

const benchPath = process.env.FRAPPE_BENCH_PATH;
const frappeUrl = process.env.FRAPPE_URL;
const run = benchPath && frappeUrl ? describe : describe.skip;
if (!benchPath || !frappeUrl) process.stdout.write('real Frappe signup suite SKIPPED: FRAPPE_BENCH_PATH and FRAPPE_URL are not both set (no frappe-bench with its gunicorn here)\n');

const SLOW = 30 * 60_000;
const PASSWORD = `Pw-${randomBytes(9).toString('base64url')}`;
const API_SECRET = `real-frappe-${randomBytes(8).toString('hex')}`;
const bin = process.env.FRAPPE_BENCH_BIN ?? 'bench';
const runner = new BenchRunner({ bin, path: benchPath ?? '' });
const ops = new BenchOperations(runner);
const standbys = (): string[] => (benchPath ? readdirSync(join(benchPath, 'sites')).filter((s) => s.startsWith('standby-')) : []);

run('a whole signup on a real frappe-bench', () => {
  const dir = mkdtempSync(join(tmpdir(), 'real-frappe-'));
  const sites: string[] = [];
  let store: EventStore;
  let app: ProvisioningApp;
  let baseUrl: string;

  const boot = async (poolSize: number): Promise<void> => {
    const env = {
      PROVISIONING_API_SECRET: API_SECRET,
      SECRETS_KEY: randomBytes(32).toString('hex'),
      EVENT_STORE_URL: `sqlite:${join(dir, 'events.db')}`,
      KEY_STORE_URL: `sqlite:${join(dir, 'keys.db')}`,
      PROVISIONING_PORT: '0',
      SCRYPT_LOG_N: '10',
      LOG_LEVEL: 'warn',
      ROOT_DOMAIN: 'localhost',
      BENCH_BIN: bin,
      BENCH_PATH: benchPath!,
      BENCH_DB_ROOT_USERNAME: process.env.FRAPPE_DB_ROOT_USER ?? 'root',
      FRAPPE_URL: frappeUrl!,
      PROVISIONING_APPS: process.env.FRAPPE_APPS ?? 'frappe',
      POOL_SIZE: String(poolSize),
      PM_SCAN_INTERVAL_MS: '500',
      SITE_URL_TEMPLATE: 'http://{site}',
    };
    Object.assign(process.env, env); // the process manager reads its settings from process.env
    app = await createProvisioningApp(parseConfig(env), { eventStore: store });
    baseUrl = await app.listen();
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    const end = Date.now() + SLOW;
    for (;;) {
      const v = await probe();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  const signup = async (sub: string): Promise<{ tenantId: string; site: string }> => {
    const res = await fetch(`${baseUrl}/v1/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_SECRET}`, 'content-type': 'application/json', 'idempotency-key': `k-${sub}` },
      body: JSON.stringify({ organization: `Org ${sub}`, subdomain: sub, adminEmail: `admin@${sub}.test`, adminPassword: PASSWORD }),
    });
    const body = (await res.json()) as { tenantId?: string };
    expect(res.status).toBe(202);
    sites.push(`${sub}.localhost`);
    return { tenantId: body.tenantId!, site: `${sub}.localhost` };
  };
  /** Waits for Active, then checks the API key, the admin's login and the scheduler on the customer's name. */
  const checkActive = async (tenantId: string, site: string): Promise<string | undefined> => {
    const events = await until('Active', async () => {
      const es = await store.readStream(tenantStream(tenantId)).catch(() => []);
      return es.some((e) => ['TenantActivated', 'RolledBack', 'TenantBroken'].includes(e.type)) ? es : undefined;
    });
    expect(events.map((e) => e.type)).toContain('TenantActivated');
    const keys = events.find((e) => e.type === 'ApiKeysIssued')!.data as { apiKey: string; apiSecret: SealedSecret };
    const secret = await app.app.get(SecretsService).open(keys.apiSecret);
    const headers = { 'X-Frappe-Site-Name': site, Accept: 'application/json' };
    const me = await fetch(`${frappeUrl}/api/method/frappe.auth.get_logged_user`, { headers: { ...headers, Authorization: `token ${keys.apiKey}:${secret}` } });
    expect([me.status, ((await me.json()) as { message?: string }).message]).toEqual([200, 'Administrator']);
    const login = await fetch(`${frappeUrl}/api/method/login`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ usr: `admin@${site.replace('.localhost', '')}.test`, pwd: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const disabled = await runner.run(['--site', site, 'execute', 'frappe.utils.scheduler.is_scheduler_disabled'], { timeoutMs: SLOW });
    expect(disabled.ok && disabled.stdout.trim()).not.toBe('true');
    return (events.find((e) => e.type === 'StandbySiteClaimed')?.data as { standbySite?: string } | undefined)?.standbySite;
  };

  const before = standbys();
  beforeAll(async () => {
    store = await createEventStore(`sqlite:${join(dir, 'events.db')}`, { pollMs: 50 });
  });
  afterAll(async () => {
    await app?.close();
    // This run's sites, and the standby sites its pool built (a claimed one's customer name is a link: unlinkSiteNames).
    for (const s of standbys()) if (!before.includes(s)) sites.push(s);
    for (const s of sites) {
      await unlinkSiteNames(benchPath!, s);
      if (existsSync(join(benchPath!, 'sites', s))) await ops.dropSite(s, { username: process.env.FRAPPE_DB_ROOT_USER ?? 'root' }, SLOW);
    }
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }, SLOW);

  it(
    'cold: new-site, apps, admin, keys and host name; Active with a working key and login',
    async () => {
      await boot(0);
      const sub = `tlc${randomBytes(3).toString('hex')}`;
      const { tenantId, site } = await signup(sub);
      await checkActive(tenantId, site);
    },
    SLOW,
  );

  it(
    'warm: a claimed standby site answers on the customer name, over REST',
    async () => {
      await app.close();
      await boot(1);
      const sub = `tlc${randomBytes(3).toString('hex')}`;
      // The standby is built first (new-site and apps): the signup waits for it by being posted after.
      await until('a ready standby site', async () => ((await (await fetch(`${baseUrl}/metrics`)).text()).match(/^provisioning_pool_sites\{state="ready"\} [1-9]/m) ? true : undefined));
      const { tenantId, site } = await signup(sub);
      const standby = await checkActive(tenantId, site);
      expect(standby).toMatch(/^standby-/);
      expect(lstatSync(join(benchPath!, 'sites', site)).isSymbolicLink()).toBe(true);
      sites.splice(sites.indexOf(site), 1); // dropped as its standby folder
    },
    SLOW,
  );
});

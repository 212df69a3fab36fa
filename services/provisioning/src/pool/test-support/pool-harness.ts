/**
 * A real provisioning app (Fastify, SQLite file store) driving the real bench simulator in a
 * throw-away bench, for the pool's integration specs. `restart()` closes the app and opens a new
 * one on the same store and bench: what a crash and a redeploy look like to the event log.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventStore, type EventStore, type RecordedEvent } from '@tlc/event-store';
import { execa } from 'execa';
import { createProvisioningApp, type ProvisioningApp } from '../../bootstrap.js';
import { parseConfig } from '../../config/config.js';
import { readStreamOrEmpty } from '../../tenants/tenant-repository.js';
import { PoolIndex } from '../pool-index.js';
import { PoolService } from '../pool.service.js';

export const SIM_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../tools/bench-simulator/bin/bench-sim.js');
const API_SECRET = 'pool-test-secret-' + randomBytes(8).toString('hex');

export interface PoolHarness {
  readonly dir: string;
  readonly benchPath: string;
  readonly store: EventStore;
  service: ProvisioningApp;
  baseUrl: string;
  pool(): PoolService;
  index(): PoolIndex;
  signup(n: number | string): Promise<string>;
  stream(name: string): Promise<RecordedEvent[]>;
  siteConfig(site: string): Record<string, unknown>;
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startPoolHarness(env: Record<string, string>): Promise<PoolHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'pool-it-'));
  const benchPath = join(dir, 'frappe-bench');
  await execa(process.execPath, [SIM_BIN, 'init', benchPath], { env: { BENCH_SIM_MARIADB_URL: '' } });
  const url = `sqlite:${join(dir, 'events.db')}`;
  const store = await createEventStore(url, { pollMs: 20 });
  const secretsKey = randomBytes(32).toString('hex');
  const boot = async (extra: Record<string, string>) => {
    // The process manager reads its settings (PM_*, SITE_URL_TEMPLATE) from process.env.
    Object.assign(process.env, env, extra);
    const config = parseConfig({
      PROVISIONING_API_SECRET: API_SECRET,
      SECRETS_KEY: secretsKey,
      EVENT_STORE_URL: url,
      KEY_STORE_URL: `sqlite:${join(dir, 'keys.db')}`,
      PROVISIONING_PORT: '0',
      SCRYPT_LOG_N: '10',
      RATE_LIMIT_SIGNUPS_PER_MINUTE: '100000',
      LOG_LEVEL: process.env.SHOW_LOGS ? 'info' : 'warn',
      BENCH_BIN: SIM_BIN,
      BENCH_PATH: benchPath,
      POOL_REFILL_INTERVAL_MS: '50',
      ...env,
      ...extra,
    });
    const service = await createProvisioningApp(config, { eventStore: store });
    return { service, baseUrl: await service.listen() };
  };
  // The simulator reads its controls (BENCH_SIM_LATENCY, BENCH_SIM_FAIL) from the environment it inherits.
  process.env.BENCH_SIM_MARIADB_URL = '';
  const h: PoolHarness = {
    dir,
    benchPath,
    store,
    ...(await boot({})),
    pool: () => h.service.app.get(PoolService),
    index: () => h.service.app.get(PoolIndex),
    async signup(n) {
      const res = await fetch(`${h.baseUrl}/v1/tenants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_SECRET}`, 'content-type': 'application/json', 'idempotency-key': `k-${n}-${randomBytes(4).toString('hex')}` },
        body: JSON.stringify({ organization: `Org ${n}`, subdomain: `shop-${n}`, adminEmail: `admin-${n}@shop.test`, adminPassword: 'correct horse battery' }),
      });
      const body = (await res.json()) as { tenantId?: string };
      if (res.status !== 202 || !body.tenantId) throw new Error(`signup ${n}: ${res.status} ${JSON.stringify(body)}`);
      return body.tenantId;
    },
    stream: (name) => readStreamOrEmpty(store, name),
    siteConfig: (site) => JSON.parse(readFileSync(join(benchPath, 'sites', site, 'site_config.json'), 'utf8')) as Record<string, unknown>,
    async restart(extra = {}) {
      await h.service.close();
      Object.assign(h, await boot(extra));
    },
    async close() {
      await h.service.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

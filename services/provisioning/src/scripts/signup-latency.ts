/**
 * Signup latency over HTTP: N sequential POST /v1/tenants against a real app on a fresh SQLite
 * event store (a file, WAL), reporting p50/p99. A measurement, not a test.
 *   node services/provisioning/dist/scripts/signup-latency.js [count=1000]
 * SCRYPT_LOG_N (default 15, as in production) dominates the figure; it is printed with it.
 * The process manager is off (PM_ENABLED=false unless set): it would run bench for every
 * signup on the same two cores, and this measures the write side's answer, not provisioning.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createProvisioningApp } from '../bootstrap.js';
import { parseConfig } from '../config/config.js';

const count = Number(process.argv[2] ?? 1000);
process.env.PM_ENABLED ??= 'false';
const dir = mkdtempSync(join(tmpdir(), 'signup-latency-'));
const secret = randomBytes(24).toString('hex');
const config = parseConfig({
  ...process.env,
  PROVISIONING_API_SECRET: secret,
  SECRETS_KEY: randomBytes(32).toString('hex'),
  EVENT_STORE_URL: `sqlite:${join(dir, 'events.db')}`,
  PROVISIONING_PORT: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  RATE_LIMIT_SIGNUPS_PER_MINUTE: '1000000',
});
const quiet = new Writable({
  write(_c, _e, cb) {
    cb();
  },
});
const service = await createProvisioningApp(config, { logStream: quiet });
const base = await service.listen();

const run = randomBytes(3).toString('hex');
const times: number[] = [];
for (let i = 0; i < count; i++) {
  const body = { organization: `Org ${i}`, subdomain: `lat-${run}-${i}`, adminEmail: `admin-${run}-${i}@example.test`, adminPassword: 'a long enough password' };
  const t0 = process.hrtime.bigint();
  const res = await fetch(`${base}/v1/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  if (res.status !== 202) throw new Error(`signup ${i} answered ${res.status}`);
}
await service.close();
rmSync(dir, { recursive: true, force: true });

times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(
  JSON.stringify({
    signups: count,
    store: 'sqlite (file, WAL)',
    scryptLogN: config.scryptLogN,
    processManager: process.env.PM_ENABLED !== 'false',
    p50ms: +pct(50).toFixed(1),
    p90ms: +pct(90).toFixed(1),
    p99ms: +pct(99).toFixed(1),
    maxms: +times[times.length - 1].toFixed(1),
    meanms: +mean.toFixed(1),
  }),
);

/**
 * Real processes for the process-manager specs: a fresh PostgreSQL database as event store, a
 * throw-away bench driven by the built simulator (through a `bench` wrapper, as on a real
 * PATH), MariaDB for the per-site databases, and the provisioning service started from dist.
 */
import { execa, type ResultPromise } from 'execa';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { createEventStore, type EventStore, type RecordedEvent } from '@tlc/event-store';
import { makeBench, SIM_BIN, type TmpBench } from '../../../../../tools/bench-simulator/src/test-support/sim.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const MAIN = resolve(HERE, '../../../dist/main.js');
export const MARIADB_URL = process.env.BENCH_SIM_MARIADB_URL || 'mysql://root@127.0.0.1:3306';
const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const API_SECRET = 'pm-test-secret-' + randomBytes(8).toString('hex');

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

export interface Service {
  readonly url: string;
  readonly proc: ResultPromise;
  readonly output: () => string;
  kill(): Promise<void>;
  /** SIGTERM: a graceful stop, as an orchestrator's rolling upgrade does. */
  terminate(): Promise<void>;
}

export interface Stack {
  readonly bench: TmpBench;
  readonly store: EventStore;
  readonly pgUrl: string;
  start(env?: Record<string, string>): Promise<Service>;
  signup(svc: Service, subdomain: string): Promise<string>;
  events(tenantId: string): Promise<RecordedEvent[]>;
  waitFor(tenantId: string, statuses: string[], timeoutMs?: number): Promise<RecordedEvent[]>;
  simLog(): Array<Record<string, unknown>>;
  sitesOf(subdomain: string): { live: boolean; archived: number };
  dbCount(prefixSql?: string): Promise<{ dbs: string[]; users: string[] }>;
  killOrphanBenches(): void;
  close(): Promise<void>;
}

export const ROOT_DOMAIN = 'example.test';
const TERMINAL_EVENT: Record<string, string> = { Active: 'TenantActivated', RolledBack: 'RolledBack', Broken: 'TenantBroken' };

export async function makeStack(baseEnv: Record<string, string> = {}): Promise<Stack> {
  const dbName = `pm_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${dbName}`;
  const pgUrl = u.toString();
  const store = await createEventStore(pgUrl);
  const bench = await makeBench();
  const bin = join(bench.root, '..', 'bench');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${SIM_BIN}" "$@"\n`);
  chmodSync(bin, 0o755);
  const services: Service[] = [];
  const siteDbs = new Set<string>();

  const stack: Stack = {
    bench,
    store,
    pgUrl,
    async start(env = {}) {
      const port = await freePort();
      let out = '';
      const proc = execa(process.execPath, [MAIN], {
        reject: false,
        extendEnv: false,
        cleanup: true,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME ?? '/tmp',
          EVENT_STORE_URL: pgUrl,
          PROVISIONING_API_SECRET: API_SECRET,
          SECRETS_KEY: 'a'.repeat(64),
          PROVISIONING_PORT: String(port),
          ROOT_DOMAIN,
          BENCH_PATH: bench.root,
          BENCH_BIN: bin,
          BENCH_SIM_MARIADB_URL: MARIADB_URL,
          SCRYPT_LOG_N: '10',
          LOG_LEVEL: 'info',
          PM_SCAN_INTERVAL_MS: '300',
          PM_BACKOFF_BASE_MS: '200',
          PM_BACKOFF_MAX_MS: '1000',
          BENCH_STEP_TIMEOUT_MS: '20000',
          BENCH_LIGHT_STEP_TIMEOUT_MS: '20000',
          PM_LEASE_GRACE_MS: '1000',
          RATE_LIMIT_SIGNUPS_PER_MINUTE: '100000',
          SITE_URL_TEMPLATE: `http://{subdomain}.${ROOT_DOMAIN}:8000`,
          ...baseEnv,
          ...env,
        },
      });
      proc.stdout?.on('data', (c) => {
        out += String(c);
      });
      proc.stderr?.on('data', (c) => {
        out += String(c);
      });
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${url}/health`)).status < 500) break;
        } catch {
          /* not up yet */
        }
        if (proc.exitCode !== null || i > 300) throw new Error(`service did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const svc: Service = {
        url,
        proc,
        output: () => out,
        async kill() {
          proc.kill('SIGKILL');
          await proc;
        },
        async terminate() {
          proc.kill('SIGTERM');
          await proc;
        },
      };
      services.push(svc);
      return svc;
    },
    async signup(svc, subdomain) {
      const r = await fetch(`${svc.url}/v1/tenants`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_SECRET}`, 'content-type': 'application/json', 'idempotency-key': `k-${randomBytes(8).toString('hex')}` },
        body: JSON.stringify({ organization: 'Acme Ltd', subdomain, adminEmail: `admin@${subdomain}.test`, adminPassword: 'correct horse battery' }),
      });
      const body = (await r.json()) as { tenantId?: string };
      if (r.status !== 202 || !body.tenantId) throw new Error(`signup ${subdomain}: ${r.status} ${JSON.stringify(body)}`);
      return body.tenantId;
    },
    async events(tenantId) {
      try {
        return await store.readStream(`tenant-${tenantId}`);
      } catch {
        return [];
      }
    },
    async waitFor(tenantId, statuses, timeoutMs = 90_000) {
      const wanted = statuses.map((s) => TERMINAL_EVENT[s] ?? s);
      const until = Date.now() + timeoutMs;
      for (;;) {
        const evs = await stack.events(tenantId);
        if (evs.some((e) => wanted.includes(e.type))) return evs;
        if (Date.now() > until)
          throw new Error(`tenant ${tenantId} never reached ${statuses.join('/')}: ${evs.map((e) => e.type).join(', ')}\n${services.map((s) => s.output().slice(-3000)).join('\n---\n')}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    simLog() {
      const f = join(bench.root, 'logs', 'bench-sim.jsonl');
      if (!existsSync(f)) return [];
      // Read while benches append: a line being written may show in part; only whole lines count.
      const text = readFileSync(f, 'utf8');
      return text
        .slice(0, text.lastIndexOf('\n') + 1)
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    sitesOf(subdomain) {
      const site = `${subdomain}.${ROOT_DOMAIN}`;
      const archived = existsSync(join(bench.root, 'archived/sites'))
        ? readdirSync(join(bench.root, 'archived/sites')).filter((n) => n === site || n.startsWith(`${site}_`) || new RegExp(`^${site.replace(/\./g, '\\.')}\\d+$`).test(n)).length
        : 0;
      return { live: existsSync(join(bench.root, 'sites', site)), archived };
    },
    async dbCount() {
      // Database names of this bench's sites: read from every site_config.json, live or archived.
      const roots = [join(bench.root, 'sites'), join(bench.root, 'archived/sites')].filter(existsSync);
      for (const r of roots)
        for (const d of readdirSync(r)) {
          const f = join(r, d, 'site_config.json');
          if (existsSync(f)) siteDbs.add(String(JSON.parse(readFileSync(f, 'utf8')).db_name));
        }
      const names = [...siteDbs];
      if (names.length === 0) return { dbs: [], users: [] };
      const c = await mysql.createConnection(MARIADB_URL);
      try {
        const [d] = await c.query('SELECT SCHEMA_NAME AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (?)', [names]);
        const [us] = await c.query('SELECT User AS n FROM mysql.user WHERE User IN (?)', [names]);
        return { dbs: (d as Array<{ n: string }>).map((x) => x.n), users: (us as Array<{ n: string }>).map((x) => x.n) };
      } finally {
        await c.end();
      }
    },
    killOrphanBenches() {
      // A whole-machine crash also ends the bench processes the service had started.
      const started = stack
        .simLog()
        .filter((l) => l.event === 'start')
        .map((l) => Number(l.pid));
      const ended = new Set(
        stack
          .simLog()
          .filter((l) => l.event === 'exit')
          .map((l) => Number(l.pid)),
      );
      for (const pid of started)
        if (!ended.has(pid))
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* gone */
          }
      for (const l of stack.simLog())
        if (l.event === 'hang')
          try {
            process.kill(Number(l.childPid), 'SIGKILL');
          } catch {
            /* gone */
          }
    },
    async close() {
      for (const s of services) if (s.proc.exitCode === null) await s.kill();
      stack.killOrphanBenches();
      await store.close();
      const names = [...siteDbs];
      const c = await mysql.createConnection(MARIADB_URL);
      for (const n of names) {
        await c.query(`DROP DATABASE IF EXISTS \`${n}\``);
        await c.query(`DROP USER IF EXISTS '${n}'@'%'`);
      }
      await c.end();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
      bench.cleanup();
    },
  };
  return stack;
}

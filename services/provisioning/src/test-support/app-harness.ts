/**
 * Starts the real app (Fastify, real event store) for integration specs and gives them
 * `app.inject()` helpers, the captured log lines and the store. PostgreSQL runs get a fresh
 * database each, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createEventStore, type EventStore } from '@tlc/event-store';
import pg from 'pg';
import { createProvisioningApp, type ProvisioningApp } from '../bootstrap.js';
import { parseConfig } from '../config/config.js';
import { OpenApiResponseValidator } from '../http/test-support/openapi-validator.js';

// The root config's per-project testTimeout is not applied by Jest (it is a global option), and
// on a loaded 2-core machine an app start can take longer than the 5 s default.
(import.meta as unknown as { jest?: { setTimeout(ms: number): void } }).jest?.setTimeout(120_000);
// These specs play the process manager themselves (drive.ts): the real one stays off in-process.
process.env.PM_ENABLED ??= 'false';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = ['sqlite', 'postgres'];

export const API_SECRET = 'test-api-secret-' + randomBytes(12).toString('hex');
export const auth = { authorization: `Bearer ${API_SECRET}` };
const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Harness {
  readonly service: ProvisioningApp;
  readonly store: EventStore;
  readonly logs: string[];
  readonly baseUrl: string;
  /** The PostgreSQL URL of this run's own database (undefined on SQLite). */
  readonly pgUrl?: string;
  /** Checks answers against the served OpenAPI document; `inject` runs it on every answer. */
  readonly contract: OpenApiResponseValidator;
  /**
   * fetch against the app. Every answer is checked against the OpenAPI document (an
   * undocumented status, header or field throws), unless `unchecked` is set: only for answers
   * the spec then checks itself with `contract`, such as a stream read in part.
   */
  inject(opts: { method: string; url: string; headers?: Record<string, string>; payload?: unknown; body?: string; unchecked?: boolean }): Promise<{
    statusCode: number;
    headers: Record<string, unknown>;
    body: string;
    json: () => any;
  }>;
  close(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startHarness(backend: Backend, env: Record<string, string> = {}, opts: { sqliteFile?: string } = {}): Promise<Harness> {
  let url = opts.sqliteFile ? `sqlite:${opts.sqliteFile}` : 'sqlite::memory:';
  let dbName: string | undefined;
  if (backend === 'postgres') {
    dbName = `prov_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${dbName}`);
    const u = new URL(ADMIN_URL);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  const config = parseConfig({
    PROVISIONING_API_SECRET: API_SECRET,
    SECRETS_KEY: randomBytes(32).toString('hex'),
    EVENT_STORE_URL: url,
    KEY_STORE_URL: opts.sqliteFile ? `sqlite:${opts.sqliteFile}.keys` : url,
    PROVISIONING_PORT: '0',
    SCRYPT_LOG_N: '12',
    RATE_LIMIT_SIGNUPS_PER_MINUTE: '100000',
    RATE_LIMIT_CHECKS_PER_MINUTE: '100000',
    RATE_LIMIT_CREDENTIAL_CHECKS_PER_MINUTE: '100000',
    LOG_LEVEL: 'info',
    // parseConfig reads only the env it is given: pass the process manager's switch on.
    PM_ENABLED: process.env.PM_ENABLED,
    ...env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      if (process.env.SHOW_LOGS) process.stderr.write(chunk);
      cb();
    },
  });
  const store = await createEventStore(url);
  const service = await createProvisioningApp(config, { eventStore: store, logStream });
  const baseUrl = await service.listen();
  const contract = new OpenApiResponseValidator((await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as Record<string, unknown>);
  return {
    service,
    store,
    logs,
    contract,
    pgUrl: dbName ? url : undefined,
    baseUrl,
    // A real listening port and fetch: light-my-request (app.inject) pulls ESM-only `cookie`
    // through require, which Jest's loader on Node 20 cannot do.
    async inject(opts) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      let body: string | undefined = opts.body;
      if (body === undefined && opts.payload !== undefined) {
        body = JSON.stringify(opts.payload);
        if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
      }
      const res = await fetch(baseUrl + opts.url, { method: opts.method, headers, body });
      const text = await res.text();
      const headersOut = Object.fromEntries(res.headers.entries());
      if (!opts.unchecked) contract.assert({ method: opts.method, url: opts.url }, { status: res.status, headers: headersOut, body: text });
      return { statusCode: res.status, headers: headersOut, body: text, json: () => JSON.parse(text) };
    },
    async close() {
      await service.close();
      await store.close();
      if (dbName) await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}

let counter = 0;
/** A fresh valid signup body; `n` makes subdomain and email unique. */
export function signupBody(over: Record<string, unknown> = {}) {
  const n = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  return { organization: 'Acme Ltd', subdomain: `acme-${n}`, adminEmail: `ada-${n}@acme.test`, adminPassword: 'correct horse battery', ...over };
}

export const idem = () => ({ 'idempotency-key': `idem-${randomBytes(8).toString('hex')}` });

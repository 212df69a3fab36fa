/**
 * tenantctl end to end through the real binary: verify names a tampered event in SQLite and in
 * PostgreSQL tables, history --as-of folds to the right instant, export carries the hashes but
 * no secret (nor a deprovisioned tenant's email) unless asked, and the documented exit codes hold.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createEventStore, type EventStore } from '@tlc/event-store';
import { appendSampleHistories, sampleHistories, type SampleHistory } from '@tlc/tenant-lookup';
import { assertBuilt, json, tenantctl } from './test-support/run-cli.js';
import { createTestDatabase } from '@tlc/event-store/testing';

const T = 120_000;

interface Report {
  ok: boolean;
  streams: number;
  problems: Array<{ stream: string; revision: number; kind: string }>;
}

describe('tenantctl on a SQLite event store', () => {
  let dir: string;
  let env: Record<string, string>;
  let hs: SampleHistory[];
  let dbFile: string;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'tenantctl-'));
    dbFile = join(dir, 'events.db');
    const es = await createEventStore(`sqlite:${dbFile}`);
    hs = sampleHistories(12);
    await appendSampleHistories(es, hs);
    await es.close();
    env = { EVENT_STORE_URL: `sqlite:${dbFile}`, READ_MODEL_URL: `sqlite:${join(dir, 'read-model.db')}`, PROVISIONING_URL: 'http://127.0.0.1:9' };
  }, T);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'verifies an untouched store clean (exit 0)',
    async () => {
      const r = await tenantctl(['verify', '--all', '--json'], env);
      expect(r.exitCode).toBe(0);
      expect(json<Report>(r)).toMatchObject({ ok: true, streams: 12, problems: [] });
      expect((await tenantctl(['verify', hs[0].subdomain], env)).stdout).toMatch(/^OK: 1 stream/);
    },
    T,
  );

  it(
    'history --as-of shows the state before and after a step at the right instants',
    async () => {
      const t = hs[0];
      const at = (n: number) => t.events[n].metadata.occurredAt; // 1: new-site started, 2: SiteCreated
      const before = json<{ state: { status: string; steps: Array<{ key: string; status: string }> }; eventsIncluded: number; timeline: unknown[] }>(
        await tenantctl(['history', t.subdomain, '--as-of', new Date(Date.parse(at(2)) - 1).toISOString(), '--json'], env),
      );
      expect(before.eventsIncluded).toBe(2);
      expect(before.state.status).toBe('Provisioning');
      expect(before.state.steps.find((s) => s.key === 'new-site')?.status).toBe('running');
      expect(before.timeline).toHaveLength(t.events.length);
      expect(JSON.stringify(before)).not.toMatch(/ciphertext|scrypt/);

      const after = json<typeof before>(await tenantctl(['history', t.tenantId, '--as-of', at(2), '--json'], env));
      expect(after.eventsIncluded).toBe(3);
      expect(after.state.steps.find((s) => s.key === 'new-site')?.status).toBe('succeeded');

      const none = json<typeof before>(await tenantctl(['history', t.tenantId, '--as-of', '2020-01-01T00:00:00Z', '--json'], env));
      expect(none).toMatchObject({ eventsIncluded: 0, state: { status: 'None' } });

      const text = await tenantctl(['history', t.subdomain], env);
      expect(text.exitCode).toBe(0);
      expect(text.stdout).toContain('SignupRequested');
      expect(text.stdout).toContain('user:admin0@example.com');
      expect(text.stdout).toContain(t.events[0].metadata.correlationId);
      expect(text.stdout).toContain(`active at https://${t.subdomain}.example.com`);
    },
    T,
  );

  it(
    'exports the full history with raw metadata and hashes',
    async () => {
      const r = await tenantctl(['export', hs[1].subdomain], env);
      expect(r.exitCode).toBe(0);
      const doc = json<{ events: Array<{ metadata: { hash: string; prevHash: string } }>; hashChain: { ok: boolean } }>(r);
      expect(doc.hashChain.ok).toBe(true);
      expect(doc.events).toHaveLength(hs[1].events.length);
      expect(doc.events[1].metadata.prevHash).toBe(doc.events[0].metadata.hash);
    },
    T,
  );

  it(
    'export redacts the password hash and sealed secrets by default, and says what it left out (finding 9)',
    async () => {
      const r = await tenantctl(['export', hs[1].subdomain], env);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toMatch(/\$scrypt\$|ciphertext/);
      expect(r.stderr).toBe('');
      const doc = json<{ events: Array<{ data: Record<string, unknown> }>; redaction: { applied: boolean; fields: Array<{ path: string; kind: string }> }; hashChain: { ok: boolean } }>(r);
      expect(doc.hashChain.ok).toBe(true);
      expect(doc.events[0].data).toMatchObject({ adminPasswordHash: '[redacted]', adminPassword: '[redacted]', adminEmail: ' Admin1@Example.COM ' });
      expect(doc.redaction.applied).toBe(true);
      expect(doc.redaction.fields).toEqual(expect.arrayContaining([{ revision: 0, type: 'SignupRequested', path: 'data.adminPasswordHash', kind: 'password-hash' }]));
      // An output transformation only: the stored history still verifies.
      expect((await tenantctl(['verify', hs[1].subdomain], env)).exitCode).toBe(0);

      const full = await tenantctl(['export', hs[1].subdomain, '--include-secrets'], env);
      expect(full.exitCode).toBe(0);
      expect(full.stdout).toMatch(/\$scrypt\$/);
      expect(full.stderr).toMatch(/WARNING: --include-secrets/);
    },
    T,
  );

  it(
    "export and history leave out a deprovisioned tenant's email unless asked (finding 9)",
    async () => {
      const gone = hs[8];
      const r = await tenantctl(['export', gone.subdomain], env);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toMatch(/admin8@example\.com/i);
      expect(json<{ stateNow: { status: string; adminEmail: string } }>(r).stateNow).toMatchObject({ status: 'Deprovisioned', adminEmail: '[redacted]' });
      const history = await tenantctl(['history', gone.tenantId], env);
      expect(history.exitCode).toBe(0);
      expect(history.stdout).toContain('TenantDeprovisioned');
      expect(history.stdout).not.toMatch(/admin8@example\.com/i);
      expect((await tenantctl(['history', gone.tenantId, '--json'], env)).stdout).not.toMatch(/admin8@example\.com/i);

      const asked = await tenantctl(['export', gone.subdomain, '--include-personal-data'], env);
      expect(asked.stdout).toMatch(/admin8@example\.com/i);
      expect(asked.stdout).not.toMatch(/\$scrypt\$/);
      expect(asked.stderr).toMatch(/WARNING: --include-personal-data/);
    },
    T,
  );

  it(
    'keeps its documented exit codes',
    async () => {
      expect((await tenantctl(['frobnicate'], env)).exitCode).toBe(2);
      expect((await tenantctl(['history', hs[0].subdomain, '--as-of', 'yesterday'], env)).exitCode).toBe(2);
      expect((await tenantctl(['verify'], env)).exitCode).toBe(2);
      expect((await tenantctl(['history', 'no-such-tenant'], env)).exitCode).toBe(1);
      expect((await tenantctl(['verify', '--all'], { ...env, EVENT_STORE_URL: `sqlite:${join(dir, 'missing.db')}` })).exitCode).toBe(3);
      const down = await tenantctl(['tenants', 'list'], env);
      expect(down.exitCode).toBe(3);
      expect(down.stderr).toContain('PROVISIONING_URL');
      // No read model yet: status says it cannot reach one (and does not create an empty one).
      expect((await tenantctl(['projections', 'status'], env)).exitCode).toBe(3);
      expect((await tenantctl(['projections', 'rebuild', 'nope'], env)).exitCode).toBe(2);
    },
    T,
  );

  it(
    'rebuilds the read model with plain progress lines off a TTY, then reports status and lag',
    async () => {
      const rebuilt = await tenantctl(['projections', 'rebuild', 'tenant-lookup', '--batch-size', '50'], env);
      expect(rebuilt.exitCode).toBe(0);
      expect(rebuilt.stdout).toMatch(/^rebuilt tenant-lookup: generation 2 is live/);
      expect(rebuilt.stderr).toMatch(/rebuild tenant-lookup g2: 100% \(checkpoint \d+\), \d+ events this run, \d+ events\/s, ETA 0s/);
      const status = await tenantctl(['projections', 'status', '--json'], env);
      expect(status.exitCode).toBe(0);
      expect(json(status)).toMatchObject({ projection: 'tenant-lookup', generation: 2, eventsBehind: 0, secondsBehind: 0, rebuilding: null });
    },
    T,
  );

  it(
    'names an event edited directly in the SQLite table, and exits 1',
    async () => {
      const victim = hs[5];
      const db = new Database(dbFile);
      db.prepare(`UPDATE events SET data = json_set(data, '$.organization', 'Evil Corp') WHERE stream_id = ? AND revision = 0`).run(victim.stream);
      db.prepare(`DELETE FROM events WHERE stream_id = ? AND revision = 3`).run(hs[7].stream);
      db.close();
      const r = await tenantctl(['verify', '--all', '--json'], env);
      expect(r.exitCode).toBe(1);
      const report = json<Report>(r);
      expect(report.problems).toEqual(
        expect.arrayContaining([expect.objectContaining({ stream: victim.stream, revision: 0, kind: 'edited' }), expect.objectContaining({ stream: hs[7].stream, revision: 4, kind: 'removed' })]),
      );
      expect(report.problems.every((p) => p.stream === victim.stream || p.stream === hs[7].stream)).toBe(true);
      const one = await tenantctl(['verify', victim.subdomain], env);
      expect(one.exitCode).toBe(1);
      expect(one.stdout).toContain(`${victim.stream} revision 0 [edited]`);
      expect((await tenantctl(['verify', hs[6].tenantId], env)).exitCode).toBe(0);
    },
    T,
  );
});

describe('tenantctl verify on a PostgreSQL event store', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let es: EventStore;
  let hs: SampleHistory[];
  let env: Record<string, string>;

  beforeAll(async () => {
    assertBuilt();
    db = await createTestDatabase('tenantctl');
    es = await createEventStore(db.url);
    hs = sampleHistories(6);
    await appendSampleHistories(es, hs);
    env = { EVENT_STORE_URL: db.url, READ_MODEL_URL: db.url };
  }, T);
  afterAll(async () => {
    await es.close();
    await db.drop();
  }, T);

  it(
    'verifies clean, then names the event edited in es_events and exits 1',
    async () => {
      const clean = await tenantctl(['verify', '--all', '--json'], env);
      expect(clean.exitCode).toBe(0);
      expect(json<Report>(clean)).toMatchObject({ ok: true, streams: 6 });

      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query(`UPDATE es_events SET data = jsonb_set(data::jsonb, '{durationMs}', '1')::json WHERE stream_id = $1 AND revision = 2`, [hs[2].stream]);
      await c.end();
      const r = await tenantctl(['verify', '--all', '--json'], env);
      expect(r.exitCode).toBe(1);
      expect(json<Report>(r).problems).toEqual([expect.objectContaining({ stream: hs[2].stream, revision: 2, kind: 'edited' })]);
      expect((await tenantctl(['verify', hs[2].tenantId], env)).exitCode).toBe(1);
      expect((await tenantctl(['verify', hs[3].tenantId], env)).exitCode).toBe(0);
    },
    T,
  );
  it(
    'a signed checkpoint (the real binary) still verifies after appends, and names the tail cut off a stream and a re-timed event',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tenantctl-cp-'));
      try {
        const key = join(dir, 'audit.pem');
        writeFileSync(key, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
        const file = join(dir, 'checkpoints.jsonl');
        const cpEnv = { ...env, AUDIT_SIGNING_KEY_FILE: key };
        const made = await tenantctl(['audit', 'checkpoint', '--file', file, '--json'], cpEnv);
        expect(made.exitCode).toBe(0);
        expect(json<{ checkpoint: number; streams: number }>(made)).toMatchObject({ checkpoint: 1, streams: 6 });
        await appendSampleHistories(es, sampleHistories(1)); // later events extend the log: still fine
        expect((await tenantctl(['verify', '--all', '--checkpoints', file], cpEnv)).stdout).toMatch(/the log extends 1 of 1 signed checkpoint/);

        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        await c.query(`DELETE FROM es_events WHERE stream_id = $1 AND revision = (SELECT max(revision) FROM es_events WHERE stream_id = $1)`, [hs[4].stream]);
        await c.query(`UPDATE es_events SET recorded_at = recorded_at - interval '1 day' WHERE stream_id = $1 AND revision = 1`, [hs[5].stream]);
        await c.end();
        const r = await tenantctl(['verify', '--all', '--checkpoints', file, '--json'], cpEnv);
        expect(r.exitCode).toBe(1);
        const found = json<{ checkpoints: { problems: Array<{ stream: string; revision: number; kind: string }> } }>(r).checkpoints.problems;
        expect(found).toHaveLength(2);
        expect(found).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ stream: hs[4].stream, revision: hs[4].events.length - 1, kind: 'truncated' }),
            expect.objectContaining({ stream: hs[5].stream, revision: 1, kind: 'timestamp-or-place-changed' }),
          ]),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    T,
  );
});

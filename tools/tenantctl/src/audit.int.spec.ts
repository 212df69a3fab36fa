/**
 * Issue 19: tamper evidence. A store built by real signups (the provisioning app over HTTP, the
 * email outbox sending through a real SMTP catcher, a process-manager checkpoint) verifies clean
 * with its operational streams declared out of scope; then each class of tampering, applied by
 * SQL to a copy of that store, is named by stream and revision, by the hash chain where it can
 * see it and by a signed checkpoint taken before the tampering otherwise. Runs tenantctl in
 * process (`run`), so it needs no build.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startMailCatcher, type MailCatcher } from '@tlc/mail-catcher';
import { computeHash } from '@tlc/tenant-events';
import { auth, idem, signupBody, startHarness } from '../../../services/provisioning/src/test-support/app-harness.js';
import { driver } from '../../../services/provisioning/src/test-support/drive.js';
import { run } from './cli.js';

const T = 180_000;

interface Problem {
  stream: string | null;
  revision: number | null;
  kind: string;
  message: string;
  checkpoint?: number;
}
interface Report {
  ok: boolean;
  streams: number;
  problems: Problem[];
  outOfScope: Array<{ prefix: string; streams: number }>;
  notes: string[];
  checkpoints?: { checkpoints: number; verified: number; problems: Problem[] };
}

describe('tenantctl audit: tamper corpus against a store built by real signups', () => {
  let dir: string;
  let original: string;
  let keyFile: string;
  let otherKeyFile: string;
  let cpFile: string;
  const tenants: Array<{ tenantId: string; subdomain: string }> = [];
  let copies = 0;

  async function cli(args: string[], env: Record<string, string | undefined>) {
    const saved = { ...process.env };
    Object.assign(process.env, { PROVISIONING_URL: 'http://127.0.0.1:9', AUDIT_PUBLIC_KEY_FILE: '', AUDIT_SIGNING_KEY_FILE: '', ...env });
    let out = '';
    let err = '';
    try {
      const code = await run(args, {
        out: (t) => {
          out += `${t}\n`;
        },
        err: (t) => {
          err += `${t}\n`;
        },
      });
      return { code, out, err };
    } finally {
      process.env = saved;
    }
  }
  const envFor = (db: string, key = keyFile) => ({ EVENT_STORE_URL: `sqlite:${db}`, READ_MODEL_URL: `sqlite:${join(dir, 'rm.db')}`, AUDIT_SIGNING_KEY_FILE: key });

  /** A copy of the checkpointed store, tampered by `sql`, verified with the checkpoint file. */
  async function tampered(change: (db: Database.Database) => void) {
    const file = join(dir, `copy-${++copies}.db`);
    copyFileSync(original, file);
    const db = new Database(file);
    change(db);
    db.close();
    const r = await cli(['verify', '--all', '--checkpoints', cpFile, '--json'], envFor(file));
    return { code: r.code, report: JSON.parse(r.out) as Report, file };
  }
  const streamOf = (i: number) => `tenant-${tenants[i].tenantId}`;
  const rows = (db: Database.Database, stream: string) =>
    db.prepare('SELECT position, revision, type, data, metadata, recorded_at FROM events WHERE stream_id = ? ORDER BY revision').all(stream) as Array<{
      position: number;
      revision: number;
      type: string;
      data: string;
      metadata: string;
      recorded_at: string;
    }>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tenantctl-audit-'));
    original = join(dir, 'events.db');
    const catcher: MailCatcher = await startMailCatcher({ smtpPort: 0 });
    const h = await startHarness('sqlite', { SMTP_URL: catcher.smtpUrl, WEB_URL: 'http://example.localhost:3000', MAIL_FROM: 'ERP <no-reply@example.localhost>' }, { sqliteFile: original });
    try {
      for (let i = 0; i < 3; i++) {
        const body = signupBody();
        const res = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
        expect(res.statusCode).toBe(202);
        tenants.push({ tenantId: res.json().tenantId, subdomain: body.subdomain });
        await catcher.waitFor((m) => m.to.includes(body.adminEmail));
      }
      const drive = driver(h.service);
      await drive.activate(tenants[0].tenantId);
      await drive.activate(tenants[1].tenantId);
      // What the process manager writes at each checkpoint (services/provisioning/src/process-manager/checkpoint.ts).
      await h.store.append(
        'pm-checkpoint-tenant-provisioning',
        [{ type: 'ProcessManagerCheckpoint', data: { position: await h.store.headPosition(), inFlight: [] }, metadata: { eventId: randomUUID(), occurredAt: new Date().toISOString() } }],
        'any',
      );
      await new Promise((r) => setTimeout(r, 500)); // let the outbox record its deliveries
    } finally {
      await h.close();
      await catcher.close();
    }
    const pair = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    keyFile = join(dir, 'audit.key');
    otherKeyFile = join(dir, 'other.key');
    writeFileSync(keyFile, pair(), { mode: 0o600 });
    writeFileSync(otherKeyFile, pair(), { mode: 0o600 });
    cpFile = join(dir, 'checkpoints.jsonl');
    const cp = await cli(['audit', 'checkpoint', '--file', cpFile], envFor(original));
    expect(cp.err).toBe('');
    expect(cp.code).toBe(0);
    expect(cp.out).toMatch(/^checkpoint 1 appended/);
  }, T);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'an untouched store verifies clean: operational streams are out of scope with the reason; it extends its checkpoint',
    async () => {
      const text = await cli(['verify', '--all'], envFor(original));
      expect(text.code).toBe(0);
      expect(text.out).toMatch(/^OK: /);
      for (const prefix of ['idempotency-', 'mail-', 'pm-checkpoint-']) expect(text.out).toMatch(new RegExp(`out of scope: \\d+ ${prefix}\\* stream\\(s\\).*: \\S`));
      const r = await cli(['verify', '--all', '--checkpoints', cpFile, '--json'], envFor(original));
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out) as Report;
      expect(report).toMatchObject({ ok: true, problems: [], checkpoints: { checkpoints: 1, verified: 1, problems: [] } });
      expect(report.streams).toBeGreaterThanOrEqual(9); // 3 tenant + 3 subdomain + 3 admin-email
      expect(report.outOfScope.map((o) => o.prefix).sort()).toEqual(['idempotency-', 'mail-', 'pm-checkpoint-']);
      // The public key alone is enough to verify.
      const pub = join(dir, 'audit.pub');
      const { createPrivateKey, createPublicKey } = await import('node:crypto');
      writeFileSync(
        pub,
        createPublicKey(createPrivateKey(readFileSync(keyFile, 'utf8')))
          .export({ type: 'spki', format: 'pem' })
          .toString(),
      );
      expect((await cli(['verify', '--all', '--checkpoints', cpFile], { ...envFor(original), AUDIT_SIGNING_KEY_FILE: '', AUDIT_PUBLIC_KEY_FILE: pub })).code).toBe(0);
    },
    T,
  );

  it(
    'names the last events of a tenant stream cut off (1 to 3)',
    async () => {
      for (const cut of [1, 2, 3]) {
        const { code, report } = await tampered((db) => {
          const last = rows(db, streamOf(0)).at(-1)!.revision;
          db.prepare('DELETE FROM events WHERE stream_id = ? AND revision > ?').run(streamOf(0), last - cut);
        });
        expect(code).toBe(1);
        expect(report.problems).toEqual([]); // the hash chain cannot see a cut-off tail
        const p = report.checkpoints!.problems;
        expect(p).toHaveLength(1);
        expect(p[0]).toMatchObject({ stream: streamOf(0), kind: 'truncated' });
        expect(p[0].message).toContain(cut === 1 ? 'revision' : 'revisions');
      }
    },
    T,
  );

  it(
    'names a deleted tenant stream and a deleted subdomain stream',
    async () => {
      const t = await tampered((db) => db.prepare('DELETE FROM events WHERE stream_id = ?').run(streamOf(1)));
      expect(t.code).toBe(1);
      expect(t.report.checkpoints!.problems).toEqual([expect.objectContaining({ stream: streamOf(1), revision: 0, kind: 'stream-deleted' })]);
      expect(t.report.notes.join('\n')).toContain(`tenant ${tenants[1].tenantId}, whose stream does not exist`);

      const s = await tampered((db) => db.prepare('DELETE FROM events WHERE stream_id = ?').run(`subdomain-${tenants[2].subdomain}`));
      expect(s.code).toBe(1);
      // Without a checkpoint too: the tenant's signup was reserved there first.
      expect(s.report.problems).toEqual([expect.objectContaining({ stream: `subdomain-${tenants[2].subdomain}`, kind: 'removed' })]);
      expect(s.report.checkpoints!.problems).toEqual([expect.objectContaining({ stream: `subdomain-${tenants[2].subdomain}`, kind: 'stream-deleted' })]);
    },
    T,
  );

  it(
    'names an edited recorded_at',
    async () => {
      const { code, report } = await tampered((db) => db.prepare("UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE stream_id = ? AND revision = 2").run(streamOf(0)));
      expect(code).toBe(1);
      expect(report.problems).toEqual([]);
      expect(report.checkpoints!.problems).toEqual([expect.objectContaining({ stream: streamOf(0), revision: 2, kind: 'timestamp-or-place-changed' })]);
    },
    T,
  );

  it(
    'names an event edited and the rest of the chain re-hashed',
    async () => {
      const { code, report } = await tampered((db) => {
        let prev: string | undefined;
        for (const r of rows(db, streamOf(0))) {
          const data = JSON.parse(r.data) as Record<string, unknown>;
          const md = JSON.parse(r.metadata) as Record<string, unknown>;
          if (r.revision === 1) data.forged = true;
          if (prev !== undefined) md.prevHash = prev;
          md.hash = computeHash(r.type, data, md as never);
          prev = md.hash as string;
          db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(JSON.stringify(data), JSON.stringify(md), r.position);
        }
      });
      expect(code).toBe(1);
      expect(report.problems).toEqual([]); // an unkeyed chain re-hashes cleanly
      const p = report.checkpoints!.problems;
      expect(p[0]).toMatchObject({ stream: streamOf(0), revision: 1, kind: 'changed' });
      expect(p.every((x) => x.stream === streamOf(0) && x.revision! >= 1)).toBe(true);
    },
    T,
  );

  it(
    'names reordering, insertion and a swapped stream',
    async () => {
      const reorder = await tampered((db) => {
        db.prepare('UPDATE events SET revision = -1 WHERE stream_id = ? AND revision = 2').run(streamOf(0));
        db.prepare('UPDATE events SET revision = 2 WHERE stream_id = ? AND revision = 3').run(streamOf(0));
        db.prepare('UPDATE events SET revision = 3 WHERE stream_id = ? AND revision = -1').run(streamOf(0));
      });
      expect(reorder.code).toBe(1);
      expect(reorder.report.problems.some((p) => p.stream === streamOf(0) && p.kind === 'reordered')).toBe(true);
      expect(reorder.report.checkpoints!.problems.map((p) => [p.stream, p.revision, p.kind])).toEqual([
        [streamOf(0), 2, 'reordered'],
        [streamOf(0), 3, 'reordered'],
      ]);

      const insert = await tampered((db) => {
        const r = rows(db, streamOf(0));
        // A copy of revision 1 slipped in as revision 2, the rest shifted up; positions are the store's own.
        for (const x of [...r].reverse()) if (x.revision >= 2) db.prepare('UPDATE events SET revision = ? WHERE stream_id = ? AND revision = ?').run(x.revision + 1, streamOf(0), x.revision);
        db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, 2, ?, ?, ?, ?, ?)').run(
          streamOf(0),
          randomUUID(),
          r[1].type,
          r[1].data,
          r[1].metadata,
          r[1].recorded_at,
        );
      });
      expect(insert.code).toBe(1);
      expect(insert.report.problems.some((p) => p.stream === streamOf(0) && p.kind === 'inserted')).toBe(true);
      // The new row's position is past the checkpoint's head: the checkpoint names the shifted revisions.
      expect(insert.report.checkpoints!.problems.some((p) => p.stream === streamOf(0) && p.revision === 2)).toBe(true);
      expect(insert.report.checkpoints!.problems.some((p) => p.stream === streamOf(0) && p.kind === 'reordered')).toBe(true);

      const swap = await tampered((db) => {
        db.prepare("UPDATE events SET stream_id = 'x' WHERE stream_id = ?").run(streamOf(0));
        db.prepare('UPDATE events SET stream_id = ? WHERE stream_id = ?').run(streamOf(0), streamOf(1));
        db.prepare("UPDATE events SET stream_id = ? WHERE stream_id = 'x'").run(streamOf(1));
      });
      expect(swap.code).toBe(1);
      const named = new Set(swap.report.checkpoints!.problems.map((p) => p.stream));
      expect(named).toEqual(new Set([streamOf(0), streamOf(1)]));
    },
    T,
  );

  it(
    'refuses a forged checkpoint and one signed with another key',
    async () => {
      const [line] = readFileSync(cpFile, 'utf8').trim().split('\n');
      const forged = JSON.parse(line) as { body: { headPosition: number; root: string } };
      forged.body.root = forged.body.root.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      const forgedFile = join(dir, 'forged.jsonl');
      writeFileSync(forgedFile, `${line}\n${JSON.stringify(forged)}\n`);
      const f = await cli(['verify', '--all', '--checkpoints', forgedFile], envFor(original));
      expect(f.code).toBe(1);
      expect(f.out).toMatch(/checkpoint 2 \[checkpoint-refused\]: checkpoint 2 refused: its signature does not verify/);
      expect(f.out).toMatch(/extends 1 of 2 signed checkpoint/);

      const otherFile = join(dir, 'other.jsonl');
      expect((await cli(['audit', 'checkpoint', '--file', otherFile], envFor(original, otherKeyFile))).code).toBe(0);
      const o = await cli(['verify', '--all', '--checkpoints', otherFile, '--json'], envFor(original));
      expect(o.code).toBe(1);
      expect((JSON.parse(o.out) as Report).checkpoints!.problems).toEqual([expect.objectContaining({ kind: 'checkpoint-refused', message: expect.stringContaining('signed with another key') })]);
    },
    T,
  );

  it(
    "audit prove exports one tenant's proof that check-proof accepts without the store, and rejects when altered",
    async () => {
      const p = await cli(['audit', 'prove', tenants[0].subdomain, '--at', 'latest', '--file', cpFile], envFor(original));
      expect(p.code).toBe(0);
      const proofFile = join(dir, 'proof.json');
      writeFileSync(proofFile, p.out);
      expect(p.out).not.toMatch(/scrypt|ciphertext/); // redacted like export
      const ok = await cli(['audit', 'check-proof', proofFile], { EVENT_STORE_URL: 'sqlite:/nonexistent/none.db' });
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/^OK: tenant-.*redacted event\(s\) taken on their stated content hash/s);

      const proof = JSON.parse(p.out) as { events: Array<{ data: Record<string, unknown>; contentHash?: string; recordedAt: string }> };
      const plain = proof.events.findIndex((e) => e.contentHash === undefined);
      const edited = structuredClone(proof);
      edited.events[plain].recordedAt = '2020-01-01T00:00:00.000Z';
      writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited));
      const bad = await cli(['audit', 'check-proof', join(dir, 'edited.json')], {});
      expect(bad.code).toBe(1);
      expect(bad.out).toMatch(/FAILED[\s\S]*do not hash to the signed stream entry[\s\S]*inclusion proof fails/);

      const cut = structuredClone(proof);
      cut.events.pop();
      writeFileSync(join(dir, 'cut.json'), JSON.stringify(cut));
      expect((await cli(['audit', 'check-proof', join(dir, 'cut.json')], {})).out).toMatch(/events were removed or added/);

      const other = await cli(['audit', 'check-proof', proofFile], { AUDIT_SIGNING_KEY_FILE: otherKeyFile });
      expect(other.code).toBe(1);
      expect(other.out).toMatch(/signed with another key/);

      // A tampered store cannot produce a proof for the checkpoint.
      const { file } = await tampered((db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = (SELECT max(revision) FROM events WHERE stream_id = ?)').run(streamOf(0), streamOf(0)));
      const refused = await cli(['audit', 'prove', tenants[0].tenantId, '--at', '1', '--file', cpFile], envFor(file));
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/no longer matches this checkpoint.*truncated/);
      expect(existsSync(file)).toBe(true);
    },
    T,
  );
});

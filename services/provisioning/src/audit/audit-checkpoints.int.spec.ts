/**
 * Issue 19: with AUDIT_SIGNING_KEY_FILE set, the service itself writes signed checkpoints (at
 * start-up, then on its timer; none for a period in which nothing was appended), and an auditor
 * holding only the public key proves the log extends every one of them with tenantctl, and sees
 * a cut-off tail named once the store is tampered with.
 */
import { generateKeyPairSync, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, type SignedCheckpoint } from '@tlc/tenant-events';
import { run } from '../../../../tools/tenantctl/src/cli.js';
import { auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';

const T = 120_000;
const lines = (file: string): SignedCheckpoint[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as SignedCheckpoint)
    : [];

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function tenantctl(args: string[], env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, { PROVISIONING_URL: 'http://127.0.0.1:9', AUDIT_SIGNING_KEY_FILE: '', AUDIT_PUBLIC_KEY_FILE: '', ...env });
  let out = '';
  try {
    const code = await run(args, {
      out: (t) => {
        out += `${t}\n`;
      },
      err: (t) => {
        out += `${t}\n`;
      },
    });
    return { code, out };
  } finally {
    process.env = saved;
  }
}

describe('provisioning service: signed checkpoints on a timer (AUDIT_SIGNING_KEY_FILE)', () => {
  let dir: string;
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'writes a checkpoint at start-up and after appends, each verifiable with the public key alone',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'prov-audit-'));
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const keyFile = join(dir, 'audit.key');
      const pubFile = join(dir, 'audit.pub');
      const cpFile = join(dir, 'checkpoints.jsonl');
      const db = join(dir, 'events.db');
      writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      writeFileSync(pubFile, publicKey.export({ type: 'spki', format: 'pem' }));
      h = await startHarness('sqlite', { AUDIT_SIGNING_KEY_FILE: keyFile, AUDIT_CHECKPOINT_FILE: cpFile, AUDIT_CHECKPOINT_EVERY_MINUTES: '0.05' }, { sqliteFile: db });

      const first = await until('the start-up checkpoint', () => lines(cpFile)[0]);
      expect(verify(null, Buffer.from(canonicalJson(first.body)), publicKey, Buffer.from(first.signature, 'base64'))).toBe(true);

      const body = signupBody();
      const res = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
      expect(res.statusCode).toBe(202);
      const stream = `tenant-${res.json().tenantId as string}`;
      const head = await h.store.headPosition();
      const after = await until('a checkpoint covering the signup', () => lines(cpFile).find((c) => c.body.headPosition >= head));
      expect(after.detail.map((d) => d[0])).toContain(stream);
      expect(after.body.events).toBeGreaterThan(first.body.events);

      // Two more periods: a period in which the head did not move writes no new line.
      const settled = await h.store.headPosition();
      await until('the head to stay put for two periods', async () => {
        const n = lines(cpFile).length;
        await new Promise((r) => setTimeout(r, 6_500));
        return (await h!.store.headPosition()) === settled && lines(cpFile).length === n ? true : undefined;
      });
      const heads = lines(cpFile).map((c) => c.body.headPosition);
      expect(heads.filter((p, i) => i > 0 && p === heads[i - 1])).toEqual([]);
      expect(h.logs.join('')).toMatch(/audit: checkpoint written/);
      expect(h.logs.join('')).not.toMatch(/PRIVATE KEY/);
      await h.close();
      h = undefined;

      // The auditor: public key only.
      const env = { EVENT_STORE_URL: `sqlite:${db}`, READ_MODEL_URL: `sqlite:${join(dir, 'rm.db')}`, AUDIT_PUBLIC_KEY_FILE: pubFile };
      const n = lines(cpFile).length;
      const ok = await tenantctl(['verify', '--all', '--checkpoints', cpFile, '--json'], env);
      expect(JSON.parse(ok.out).checkpoints).toEqual({ checkpoints: n, verified: n, problems: [] });
      expect(ok.code).toBe(0);

      // Cut the tenant stream's last (here: only) event: the hash chain cannot see it, the checkpoints do.
      const sql = new Database(db);
      sql.prepare('DELETE FROM events WHERE position = (SELECT max(position) FROM events WHERE stream_id = ?)').run(stream);
      sql.close();
      const cut = await tenantctl(['verify', '--all', '--checkpoints', cpFile, '--json'], env);
      expect(cut.code).not.toBe(0);
      const report = JSON.parse(cut.out);
      expect(report.problems).toEqual([]);
      expect(report.checkpoints.problems).toEqual([expect.objectContaining({ stream, revision: 0, kind: 'stream-deleted' })]);
    },
    T,
  );
});

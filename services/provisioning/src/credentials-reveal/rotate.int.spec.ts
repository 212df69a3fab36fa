/**
 * API secret rotation through the real app and store, against a simulated bench site: an Active
 * tenant gets a new secret from the site (generate_keys for its Administrator), recorded sealed,
 * revealable once again; the old one is no longer the recorded one. Two rotations at once: one
 * runs, the other is refused (409), so the recorded secret is the site's. Not active: 409.
 * Without the bearer: 401. No secret in plain text in the raw SQLite rows or the logs.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBench, SIM_BIN, type TmpBench } from '../../../../tools/bench-simulator/src/test-support/sim.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { API_SECRET_PLAINTEXT, driver } from '../test-support/drive.js';
import { sqliteRows } from '../test-support/raw-rows.js';

describe('API secret rotation', () => {
  let h: Harness;
  let bench: TmpBench;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prov-rotate-'));
    bench = await makeBench();
    // A `bench` on no database server: the simulator keeps each site's users in a file.
    const bin = join(dir, 'bench');
    writeFileSync(bin, `#!/bin/sh\nBENCH_SIM_MARIADB_URL= exec "${process.execPath}" "${SIM_BIN}" "$@"\n`);
    chmodSync(bin, 0o755);
    h = await startHarness('sqlite', { BENCH_PATH: bench.root, BENCH_BIN: bin, BENCH_LIGHT_STEP_TIMEOUT_MS: '20000' }, { sqliteFile: join(dir, 'events.db') });
  });
  afterAll(async () => {
    await h?.close();
    bench?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const rotate = (id: string, headers: Record<string, string> = auth) => h.inject({ method: 'POST', url: `/v1/tenants/${id}/credentials/api-secret/rotate`, headers });
  const reveal = (id: string) => h.inject({ method: 'POST', url: `/v1/tenants/${id}/credentials/api-secret/reveal`, headers: auth });
  /** The secret's digest the site checks token auth against (the simulator's user table). */
  const siteDigest = (site: string): string =>
    (JSON.parse(readFileSync(join(bench.root, 'sites', site, 'private', 'sim-db.json'), 'utf8')) as { users: Record<string, { api_secret_sha256?: string }> }).users.Administrator.api_secret_sha256 ??
    '';
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

  /** A signup whose site exists on the bench (keys made, as the api-keys step does) and which the driver then activates. */
  async function activeTenant(): Promise<{ id: string; site: string }> {
    const res = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: signupBody() });
    expect(res.statusCode).toBe(202);
    const id = res.json().tenantId as string;
    const site = (await h.service.app.get(TenantRepository).load(id)).state.siteName;
    expect((await bench.run(['new-site', site], {}, 'Adm1n-pw\nAdm1n-pw\n')).exitCode).toBe(0);
    expect((await bench.run(['--site', site, 'execute', 'frappe.core.doctype.user.user.generate_keys', '--args', "['Administrator']"])).exitCode).toBe(0);
    await driver(h.service).activate(id);
    return { id, site };
  }

  it('makes a new secret on the site, recorded sealed and revealable once again', async () => {
    const { id, site } = await activeTenant();
    expect((await reveal(id)).json().apiSecret).toBe(API_SECRET_PLAINTEXT);

    const rotated = await rotate(id);
    expect(rotated.statusCode).toBe(200);
    expect(rotated.headers['cache-control']).toBe('no-store');
    expect(rotated.json()).toMatchObject({ tenantId: id, apiKey: `key-${id.slice(0, 8)}`, apiSecret: 'available' });

    const shown = await reveal(id);
    expect(shown.statusCode).toBe(200);
    const secret = shown.json().apiSecret as string;
    expect(secret).toMatch(/^[0-9a-f]{15}$/);
    expect(secret).not.toBe(API_SECRET_PLAINTEXT);
    expect(siteDigest(site)).toBe(sha256(secret)); // the recorded secret is the one the site checks
    expect((await reveal(id)).json()).toMatchObject({ code: 'CREDENTIALS.ALREADY_REVEALED' });

    // Once more: another new secret, and the one before is no longer the recorded one.
    expect((await rotate(id)).json().apiSecret).toBe('available');
    const third = (await reveal(id)).json().apiSecret as string;
    expect(third).not.toBe(secret);
    expect(siteDigest(site)).toBe(sha256(third));

    const stream = await h.store.readStream(`tenant-${id}`);
    expect(stream.map((e) => e.type).filter((t) => t.startsWith('ApiSecret'))).toEqual(['ApiSecretRotationStarted', 'ApiSecretRotated', 'ApiSecretRotationStarted', 'ApiSecretRotated']);
    const rows = sqliteRows(join(dir, 'events.db')) + sqliteRows(join(dir, 'events.db.keys'));
    expect(rows).toContain('ApiSecretRotated'); // the dump is real
    for (const plain of [secret, third]) {
      expect(rows).not.toContain(plain);
      expect(h.logs.join('')).not.toContain(plain);
      expect(JSON.stringify(stream)).not.toContain(plain);
    }
    // The tenant's history shows the events with the sealed value redacted.
    const history = await h.inject({ method: 'GET', url: `/v1/tenants/${id}/history`, headers: auth });
    expect(history.body).toContain('ApiSecretRotated');
    expect(history.body).not.toContain(third);
  });

  it('runs one of two rotations at once; the recorded secret is the one the site has', async () => {
    const { id, site } = await activeTenant();
    const answers = await Promise.all([rotate(id), rotate(id)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json()).toMatchObject({ code: 'CREDENTIALS.ROTATION_IN_PROGRESS' });
    expect(siteDigest(site)).toBe(sha256((await reveal(id)).json().apiSecret as string));
  });

  it('refuses a tenant that is not active (409), an unknown one (404) and a caller without the bearer (401)', async () => {
    const res = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: signupBody() });
    const building = await rotate(res.json().tenantId);
    expect(building.statusCode).toBe(409);
    expect(building.headers['content-type']).toContain('application/problem+json');
    expect(building.json()).toMatchObject({ code: 'TENANT.NOT_ACTIVE' });
    expect((await rotate('00000000-0000-4000-8000-000000000000')).json()).toMatchObject({ code: 'TENANT.NOT_FOUND' });
    const anonymous = await rotate(res.json().tenantId, {});
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'AUTH.UNAUTHORIZED' });
  });

  it('an API-only instance without a bench says so (503), instead of failing as if the site had', async () => {
    const apiOnly = await startHarness('sqlite', { BENCH_PATH: join(dir, 'no-bench-here'), BENCH_BIN: join(dir, 'bench') });
    try {
      const res = await apiOnly.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: signupBody() });
      const id = res.json().tenantId as string;
      await driver(apiOnly.service).activate(id);
      const answer = await apiOnly.inject({ method: 'POST', url: `/v1/tenants/${id}/credentials/api-secret/rotate`, headers: auth });
      expect([answer.statusCode, answer.json().code]).toEqual([503, 'CREDENTIALS.ROTATION_UNAVAILABLE']);
      expect((await apiOnly.store.readStream(`tenant-${id}`)).map((e) => e.type)).not.toContain('ApiSecretRotationStarted');
    } finally {
      await apiOnly.close();
    }
  });

  it('ends a rotation the site failed, as 502 problem+json, and the next one may run', async () => {
    const { id, site } = await activeTenant();
    rmSync(join(bench.root, 'sites', site), { recursive: true, force: true }); // no site: generate_keys fails
    const failed = await rotate(id);
    expect(failed.statusCode).toBe(502);
    expect(failed.json()).toMatchObject({ code: 'CREDENTIALS.ROTATION_FAILED' });
    const stream = await h.store.readStream(`tenant-${id}`);
    expect(stream.map((e) => e.type).slice(-2)).toEqual(['ApiSecretRotationStarted', 'ApiSecretRotationFailed']);
    // Not held: another try reaches the bench again (and fails the same way), never 409 in progress.
    expect((await rotate(id)).json()).toMatchObject({ code: 'CREDENTIALS.ROTATION_FAILED' });
  });
});

/**
 * `npm run test:frappe`: BenchOperations against a REAL frappe-bench (issue 16), opt-in. Set
 * FRAPPE_BENCH_PATH to a frappe-bench folder (v15, `frappe_user` and `root_password` in its
 * common_site_config.json, see docs/bench.md); optionally FRAPPE_BENCH_BIN (default `bench`)
 * and FRAPPE_DB_ROOT_USER. Without FRAPPE_BENCH_PATH it prints one skip line: nothing here can
 * run real Frappe. Every answer is checked against what the recording
 * (tools/bench-simulator/fixtures/frappe-v15) says real bench prints; a site of its own is
 * created and dropped.
 */
import { randomBytes } from 'node:crypto';
import { BenchOperations } from './bench-operations.js';
import { BenchRunner } from './bench-runner.js';

const benchPath = process.env.FRAPPE_BENCH_PATH;
const run = benchPath ? describe : describe.skip;
if (!benchPath) process.stdout.write('real Frappe suite SKIPPED: FRAPPE_BENCH_PATH is not set (no frappe-bench here); set it to run BenchOperations against a real bench\n');

run('BenchOperations on a real frappe-bench', () => {
  const site = `tlc-${randomBytes(4).toString('hex')}.localhost`;
  const root = { username: process.env.FRAPPE_DB_ROOT_USER ?? 'root' };
  const ops = new BenchOperations(new BenchRunner({ bin: process.env.FRAPPE_BENCH_BIN ?? 'bench', path: benchPath ?? '' }));
  const slow = 10 * 60_000;

  afterAll(async () => {
    await ops.dropSite(site, root, slow);
  });

  it(
    'creates a site (root password from common_site_config.json, none on the command line)',
    async () => {
      const r = await ops.newSite({ site, adminPassword: `A-${randomBytes(9).toString('base64url')}`, root, force: false }, slow);
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value.dbName).toMatch(/^_[0-9a-f]+$/);
    },
    slow,
  );

  it(
    'treats installing an app that is there already as done',
    async () => {
      expect((await ops.installApp(site, 'frappe', slow)).ok).toBe(true);
    },
    slow,
  );

  it(
    'adds a system manager, and a second add of the same user counts as done',
    async () => {
      const email = `ops-${randomBytes(3).toString('hex')}@example.com`;
      const first = await ops.addSystemManager(site, email, `P-${randomBytes(9).toString('base64url')}`, slow);
      expect(first).toMatchObject({ ok: true, value: { existed: false } });
      const again = await ops.addSystemManager(site, email, `P-${randomBytes(9).toString('base64url')}`, slow);
      expect(again).toMatchObject({ ok: true, value: { existed: true } });
      expect(await ops.userExists(site, email, slow)).toMatchObject({ ok: true, value: true });
    },
    slow,
  );

  it(
    'issues API keys without JSON quotes, keeps the key on a second issue and changes the secret',
    async () => {
      const first = await ops.generateApiKeys(site, 'Administrator', slow);
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      expect(first.value.apiKey).toMatch(/^[0-9a-f]{15}$/);
      expect(first.value.apiSecret).toMatch(/^[0-9a-f]{15}$/);
      const again = await ops.issueApiKeys(site, 'Administrator', first.value.apiKey, slow);
      expect(again).toMatchObject({ ok: true, value: { apiKey: first.value.apiKey } });
      if (again.ok) expect(again.value.apiSecret).not.toBe(first.value.apiSecret);
      expect(await ops.readApiKey(site, 'Administrator', slow)).toMatchObject({ ok: true, value: first.value.apiKey });
    },
    slow,
  );

  it(
    'sets the host name and a domain (twice: "already exists" is done)',
    async () => {
      expect((await ops.setHostName(site, `https://${site}`, slow)).ok).toBe(true);
      expect((await ops.addDomain(site, `www.${site}`, slow)).ok).toBe(true);
      expect((await ops.addDomain(site, `www.${site}`, slow)).ok).toBe(true);
    },
    slow,
  );

  it(
    'drops the site into the archive, and dropping it again counts as done',
    async () => {
      expect((await ops.dropSite(site, root, slow)).ok).toBe(true);
      expect((await ops.dropSite(site, root, slow)).ok).toBe(true);
      expect(await ops.siteExists(site)).toBe(false);
    },
    slow,
  );
});

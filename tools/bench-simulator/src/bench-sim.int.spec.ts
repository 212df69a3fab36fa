import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { jest } from '@jest/globals';

jest.setTimeout(120_000);
import { makeBench, type TmpBench } from './test-support/sim.js';

const MARIADB = process.env.BENCH_SIM_MARIADB_URL || 'mysql://root@127.0.0.1:3306';
let b: TmpBench;
beforeEach(async () => {
  b = await makeBench();
});
afterEach(() => b.cleanup());

const conf = (site: string): Record<string, unknown> => JSON.parse(readFileSync(join(b.root, 'sites', site, 'site_config.json'), 'utf8'));

describe('bench-sim init and new-site', () => {
  it('lays out a bench and creates a site the way v15 does', async () => {
    expect(readFileSync(join(b.root, 'sites', 'apps.txt'), 'utf8')).toBe('frappe\nerpnext\n');
    expect(existsSync(join(b.root, 'apps', 'erpnext'))).toBe(true);
    const r = await b.run(['new-site', 'acme.test', '--admin-password', 'pw', '--install-app', 'erpnext']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Installing frappe...');
    expect(r.stdout).toContain('Installing erpnext...');
    expect(r.stdout.trim().split('\n').pop()).toBe('*** Scheduler is disabled ***');
    for (const d of ['public/files', 'private/backups', 'private/files', 'locks', 'logs']) expect(existsSync(join(b.root, 'sites/acme.test', d))).toBe(true);
    const raw = readFileSync(join(b.root, 'sites/acme.test/site_config.json'), 'utf8');
    const c = JSON.parse(raw);
    expect(Object.keys(c)).toEqual(['db_name', 'db_password', 'db_type']);
    expect(raw).toContain('\n "db_name"');
    const real = realpathSync(join(b.root, 'sites/acme.test'));
    expect(c.db_name).toBe('_' + createHash('sha1').update(real).digest('hex').slice(0, 16));
    expect(c.db_password).toMatch(/^[0-9a-f]{16}$/);
    expect(c.db_type).toBe('mariadb');
  });

  it('refuses an existing site, and a second --force run while the first holds the lock (v15: filelock Timeout, then a follow-on error)', async () => {
    expect((await b.run(['new-site', 'a.test', '--admin-password', 'pw'])).exitCode).toBe(0);
    const again = await b.run(['new-site', 'a.test', '--admin-password', 'pw']);
    expect([again.exitCode, again.stdout]).toEqual([1, 'Site a.test already exists']);
    const slow = b.run(['new-site', 'a.test', '--admin-password', 'pw', '--force'], { BENCH_SIM_LATENCY: 'new-site:2500ms' });
    await new Promise((r) => setTimeout(r, 700));
    const second = await b.run(['new-site', 'a.test', '--admin-password', 'pw', '--force']);
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toContain(`filelock._error.Timeout: The file lock '${realpathSync(b.root)}/sites/a.test/locks/bench_new_site.lock' could not be acquired.`);
    expect(second.stderr.trim().split('\n').pop()).toBe("pymysql.err.ProgrammingError: ('DocType', 'Webhook')");
    expect((await slow).exitCode).toBe(0);
  });

  it('leaves the half site behind after a failure, and --force redoes it', async () => {
    const r = await b.run(['new-site', 'h.test', '--admin-password', 'pw'], { BENCH_SIM_FAIL: 'new-site' });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n/);
    expect(r.stderr.trim().split('\n').pop()).toMatch(/^frappe\.exceptions\.ValidationError: Simulated failure of new-site/);
    expect(r.stderr).not.toContain('::');
    expect(conf('h.test').db_name).toMatch(/^_[0-9a-f]{16}$/);
    expect((await b.run(['new-site', 'h.test', '--admin-password', 'pw'])).stdout).toBe('Site h.test already exists');
    expect((await b.run(['new-site', 'h.test', '--admin-password', 'pw', '--force'])).exitCode).toBe(0);
  });
});

describe('bench-sim site commands', () => {
  beforeEach(async () => {
    expect((await b.run(['new-site', 's.test', '--admin-password', 'pw'])).exitCode).toBe(0);
  });

  it('resolves the site from --site, FRAPPE_SITE, default_site, or says to specify one', async () => {
    const none = await b.run(['install-app', 'erpnext']);
    expect([none.exitCode, none.stdout]).toEqual([1, 'Please specify --site sitename']);
    expect((await b.run(['install-app', 'erpnext'], { FRAPPE_SITE: 's.test' })).stdout).toContain('Installing erpnext...');
    expect((await b.run(['set-config', '-g', 'default_site', 's.test'])).exitCode).toBe(0);
    const dflt = await b.run(['install-app', 'erpnext']);
    expect([dflt.exitCode, dflt.stdout]).toEqual([0, 'App erpnext already installed']);
    const missing = await b.run(['--site', 's.test', 'install-app', 'hrms']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('Could not find app "hrms":');
    expect(missing.stdout.trim().split('\n').pop()).toBe("builtins.ModuleNotFoundError: No module named 'hrms'");
  });

  it('issues API keys like generate_keys: new secret each time, key set once and readable', async () => {
    const gen = ['--site', 's.test', 'execute', 'frappe.core.doctype.user.user.generate_keys', '--args', "['Administrator']"];
    const get = ['--site', 's.test', 'execute', 'frappe.db.get_value', '--args', "['User','Administrator','api_key']"];
    expect((await b.run(get)).stdout).toBe('');
    const first = JSON.parse((await b.run(gen)).stdout);
    // v15 prints json.dumps of the string: with its quotes.
    const key1 = JSON.parse((await b.run(get)).stdout) as string;
    const second = JSON.parse((await b.run(gen)).stdout);
    expect(Object.keys(first)).toEqual(['api_secret']);
    expect(first.api_secret).toMatch(/^[0-9a-f]{15}$/);
    expect(second.api_secret).not.toBe(first.api_secret);
    expect(key1).toMatch(/^[0-9a-f]{15}$/);
    expect((await b.run(get)).stdout).toBe(JSON.stringify(key1));
    expect(conf('s.test').encryption_key).toMatch(/^[A-Za-z0-9_-]{43}=$/);
  });

  it('adds a system manager once; the second time is a duplicate entry', async () => {
    expect((await b.run(['--site', 's.test', 'add-system-manager', 'a@b.co', '--password', 'pw'])).exitCode).toBe(0);
    const dup = await b.run(['--site', 's.test', 'add-system-manager', 'a@b.co', '--password', 'pw']);
    expect(dup.exitCode).toBe(1);
    expect(dup.stderr).toContain('DuplicateEntryError');
  });

  it('keeps both changes when the admin user and the API keys are made at the same time (one transaction each, as in MariaDB)', async () => {
    // The slower command read the database before the faster one wrote it: without a transaction
    // its write would take the API key away again.
    const admin = b.run(['--site', 's.test', 'add-system-manager', 'a@b.co', '--password', 'pw'], { BENCH_SIM_LATENCY: 'add-system-manager:900ms' });
    const keys = b.run(['--site', 's.test', 'execute', 'frappe.core.doctype.user.user.generate_keys', '--args', "['Administrator']"], { BENCH_SIM_LATENCY: 'execute:100ms' });
    expect([(await admin).exitCode, (await keys).exitCode]).toEqual([0, 0]);
    const get = (name: string, field: string) => b.run(['--site', 's.test', 'execute', 'frappe.db.get_value', '--args', `['User','${name}','${field}']`]);
    expect((await get('Administrator', 'api_key')).stdout).toMatch(/^"[0-9a-f]{15}"$/);
    expect((await get('a@b.co', 'name')).stdout).toBe('"a@b.co"');
  });

  it('runs 12 transactions on one site database from 12 processes at once: every change lands, none fails on the lock', async () => {
    const adds = Array.from({ length: 12 }, (_, i) => b.run(['--site', 's.test', 'add-system-manager', `u${i}@tx.test`, '--password', 'pw']));
    const results = await Promise.all(adds);
    expect(results.map((r) => [r.exitCode, r.stderr])).toEqual(results.map(() => [0, '']));
    const users = JSON.parse(readFileSync(join(b.root, 'sites', 's.test', 'private', 'sim-db.json'), 'utf8')).users;
    expect(
      Object.keys(users)
        .filter((u) => u.endsWith('@tx.test'))
        .sort(),
    ).toEqual(Array.from({ length: 12 }, (_, i) => `u${i}@tx.test`).sort());
    expect(existsSync(join(b.root, 'sites', 's.test', 'private', 'sim-db.lock'))).toBe(false);
  });

  it('writes set-config sorted and add-domain unsorted (domains last), as v15 does', async () => {
    expect((await b.run(['--site', 's.test', 'set-config', 'host_name', 'https://s.test'])).exitCode).toBe(0);
    expect((await b.run(['setup', 'add-domain', 's.example.com', '--site', 's.test'])).exitCode).toBe(0);
    expect((await b.run(['setup', 'add-domain', 's.example.com', '--site', 's.test'])).stdout).toBe('Domain s.example.com already exists');
    expect(Object.keys(conf('s.test'))).toEqual(['db_name', 'db_password', 'db_type', 'host_name', 'domains']);
    expect((await b.run(['--site', 's.test', 'set-config', 'a_key', '1'])).exitCode).toBe(0);
    expect(Object.keys(conf('s.test'))).toEqual(['a_key', 'db_name', 'db_password', 'db_type', 'domains', 'host_name']);
    expect(conf('s.test').domains).toEqual(['s.example.com']);
  });

  it('drops sites into the archive with a number appended when the name is taken', async () => {
    const d = await b.run(['drop-site', 's.test', '--no-backup']);
    expect(d.stdout).toBe(`Dropping site database and user\nMoving site to archive under ${realpathSync(join(b.root, 'archived/sites'))}`);
    await b.run(['new-site', 's.test', '--admin-password', 'pw']);
    await b.run(['drop-site', 's.test', '--no-backup']);
    expect(existsSync(join(b.root, 'archived/sites/s.test1'))).toBe(true);
    const gone = await b.run(['drop-site', 's.test', '--no-backup']);
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr.trim().split('\n').pop()).toBe('frappe.exceptions.IncorrectSitePath: 404 Not Found: s.test does not exist');
  });

  it('exits 2 on usage errors and logs argv without secrets', async () => {
    expect((await b.run(['new-site', 'x.test', '--bogus'])).exitCode).toBe(2);
    expect((await b.run(['frobnicate'])).exitCode).toBe(2);
    const exits = b.log().filter((l) => l.event === 'exit');
    expect(exits[1]).toMatchObject({ argv: ['new-site', 's.test', '--admin-password', '***'], exitCode: 0, command: 'new-site', site: 's.test' });
    expect(JSON.stringify(b.log())).not.toContain('"pw"');
  });

  it('fails only the first N calls of a *N rule', async () => {
    const env = { BENCH_SIM_FAIL: 'install-app:erpnext=lock*1' };
    const first = await b.run(['--site', 's.test', 'install-app', 'erpnext'], env);
    expect(first.exitCode).toBe(1);
    expect(first.stdout).toContain('Failed to aquire lock: install_app');
    expect((await b.run(['--site', 's.test', 'install-app', 'erpnext'], env)).exitCode).toBe(0);
  });

  it("takes the frappe-v15 profile's time when BENCH_SIM_PROFILE names it", async () => {
    const r = await b.run(['setup', 'add-domain', 'p.example.com', '--site', 's.test'], { BENCH_SIM_PROFILE: 'frappe-v15' });
    expect(r.exitCode).toBe(0);
    const exit = b
      .log()
      .filter((l) => l.event === 'exit')
      .pop();
    expect(exit?.durationMs).toBeGreaterThanOrEqual(500);
  });

  it('hangs with a grandchild when told to', async () => {
    const hung = b.run(['--site', 's.test', 'set-config', 'a', 'b'], { BENCH_SIM_HANG: 'set-config' });
    let hang: Record<string, unknown> | undefined;
    for (let i = 0; i < 100 && !hang; i++) {
      await new Promise((r) => setTimeout(r, 200));
      hang = b.log().find((l) => l.event === 'hang');
    }
    expect(hang?.childPid).toEqual(expect.any(Number));
    hung.kill('SIGKILL');
    await hung;
    process.kill(hang!.childPid as number, 'SIGKILL');
  });
});

describe('bench-sim with MariaDB', () => {
  it('creates the database and user on new-site and drops both on drop-site', async () => {
    const env = { BENCH_SIM_MARIADB_URL: MARIADB };
    expect((await b.run(['new-site', 'm.test', '--admin-password', 'pw'], env)).exitCode).toBe(0);
    const db = String(conf('m.test').db_name);
    const c = await mysql.createConnection(MARIADB);
    try {
      const count = async (): Promise<[number, number]> => {
        const [d] = await c.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db]);
        const [u] = await c.query('SELECT 1 FROM mysql.user WHERE User = ?', [db]);
        return [(d as unknown[]).length, (u as unknown[]).length];
      };
      expect(await count()).toEqual([1, 1]);
      expect((await b.run(['drop-site', 'm.test', '--no-backup'], env)).exitCode).toBe(0);
      expect(await count()).toEqual([0, 0]);
    } finally {
      await c.end();
    }
  });
});

describe('bench-sim passwords without a command line (frappe v15 getpass, no terminal)', () => {
  let b: TmpBench;
  beforeAll(async () => {
    b = await makeBench();
  });
  afterAll(() => b.cleanup());

  it('new-site without --admin-password reads it twice from stdin (get_admin_password), and aborts at EOF leaving the half site', async () => {
    const ok = await b.run(['new-site', 'p.test', '--mariadb-user-host-login-scope=%'], {}, 'Adm1n\nAdm1n\n');
    expect(ok.exitCode).toBe(0);
    expect(ok.stderr).toBe('Warning: Password input may be echoed.\nSet Administrator password: Warning: Password input may be echoed.\nRe-enter Administrator password: ');
    const eof = await b.run(['new-site', 'q.test']);
    expect([eof.exitCode, eof.stderr.split('\n').pop()]).toEqual([1, 'Aborted!']);
    expect(existsSync(join(b.root, 'sites', 'q.test', 'site_config.json'))).toBe(true);
  });

  it('set-password takes the password from stdin (set_user_password) and names a missing user', async () => {
    expect((await b.run(['--site', 'p.test', 'add-system-manager', 'ops@example.com'])).exitCode).toBe(0);
    const set = await b.run(['--site', 'p.test', 'set-password', 'ops@example.com'], {}, 'Us3r\n');
    expect([set.exitCode, set.stderr]).toEqual([0, "Warning: Password input may be echoed.\nops@example.com's password for p.test: "]);
    const db = JSON.parse(readFileSync(join(b.root, 'sites', 'p.test', 'private', 'sim-db.json'), 'utf8'));
    expect(db.users['ops@example.com']).toMatchObject({ password_set: true, roles: expect.arrayContaining(['System Manager']) });
    const missing = await b.run(['--site', 'p.test', 'set-password', 'nobody@example.com'], {}, 'x\n');
    expect([missing.exitCode, missing.stdout]).toEqual([1, 'User nobody@example.com does not exist']);
  });
});

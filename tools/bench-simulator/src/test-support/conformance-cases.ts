/**
 * Per recorded case (fixtures/frappe-v15): the state it ran in, rebuilt on a fresh bench, and the
 * files v15 left behind (README of the recording, items 2-17). Site names are the recording's
 * own where its output names them, so no site needs normalising.
 */
import { expect } from '@jest/globals';
import { rmSync } from 'node:fs';
import { ADMIN, dbExists, dbUserExists, fill, type CaseBench, type Recorded, type Run } from './conformance-harness.js';

export type StdoutLines = 'all' | 'last3' | 'last1' | 'none';

export interface Deviation {
  /** What the simulator does differently, and why that is acceptable. */
  readonly what: string;
  /** Asserts the difference is still there (a deviation that went away must leave the table). */
  check(sim: Run, rec: Recorded, b: CaseBench): void;
}

export interface CaseSetup {
  readonly site: string;
  /** Apps of the bench (the recording's bench had frappe only where that matters). */
  readonly apps?: string;
  readonly before?: (b: CaseBench) => Promise<void>;
  /** A run other than the plain replay (killed, or beside another bench). */
  readonly run?: (b: CaseBench, argv: string[]) => Promise<Run>;
  /** The files (and database) the recorded run left behind. */
  readonly after?: (b: CaseBench, site: string) => Promise<void>;
  /** Which stdout lines are compared: every line (short outputs), the last 3 (progress), the last, none (a deviation says why). */
  readonly stdout?: StdoutLines;
  readonly deviations?: readonly Deviation[];
}

const withSite =
  (site: string, extra?: (b: CaseBench) => Promise<void>) =>
  async (b: CaseBench): Promise<void> => {
    await b.newSite(site);
    await extra?.(b);
  };
const exec = (b: CaseBench, site: string, method: string, args: string): Promise<Run> => b.run(['--site', site, 'execute', method, '--args', args]);
const genKeys =
  (site: string) =>
  async (b: CaseBench): Promise<void> =>
    void (await exec(b, site, 'frappe.core.doctype.user.user.generate_keys', "['Administrator']"));
const addOps =
  (site: string) =>
  async (b: CaseBench): Promise<void> =>
    void (await b.run(['--site', site, 'add-system-manager', 'ops@example.com', '--password=Ops-pw1']));
const noRootPassword = async (b: CaseBench): Promise<void> => b.setCommon({ root_password: undefined });

/** new-site's files (README items 11, 12): sorted config, `.test_log`, database.log, the locks that stay; database and user. */
const completeSite = async (b: CaseBench, site: string): Promise<void> => {
  const conf = b.conf(site);
  expect(Object.keys(conf)).toEqual(['db_name', 'db_password', 'db_type']);
  for (const f of ['.test_log', 'logs/database.log', 'locks/bench_new_site.lock', 'locks/install_app.lock', 'locks/site_config.lock']) expect([f, b.exists('sites', site, f)]).toEqual([f, true]);
  expect([await dbExists(String(conf.db_name)), await dbUserExists(String(conf.db_name))]).toEqual([true, true]);
};
/** A half site (README item 2): folder and site_config.json, no database, the lock file stays. */
const halfSite = async (b: CaseBench, site: string): Promise<void> => {
  expect(b.exists('sites', site, 'locks', 'bench_new_site.lock')).toBe(true);
  expect(await dbExists(String(b.conf(site).db_name))).toBe(false);
};
const archived =
  (name: string) =>
  async (b: CaseBench, site: string): Promise<void> => {
    expect([b.exists('sites', site), b.exists('archived', 'sites', name)]).toEqual([false, true]);
    const db = String(b.json('archived', 'sites', name, 'site_config.json').db_name);
    expect([await dbExists(db), await dbUserExists(db)]).toEqual([false, false]);
  };
const unchanged = (before: Record<string, unknown>, b: CaseBench, site: string): void => {
  const now = b.conf(site);
  expect([now.db_name, now.db_password]).toEqual([before.db_name, before.db_password]);
};

/** new-site with a latency long enough to be killed once its database is there (README item 15). */
const killedNewSite = async (b: CaseBench, argv: string[], site: string): Promise<Run> => {
  let seen = 0;
  // Killed a moment after its database is there (then it prints the MariaDB warning and waits out its latency).
  return b.run(argv, { BENCH_SIM_LATENCY: 'new-site:30s' }, async () => {
    if (!seen && b.exists('sites', site, 'private', 'sim-db.json')) seen = Date.now();
    return seen > 0 && Date.now() - seen > 700;
  });
};

const progress: Deviation = {
  what: 'new-site prints one 100% progress line per app, not ~340 redraws; the last three lines and the first line (the MariaDB warning, cut from the recording, README item 17) match',
  check: (sim, rec) => {
    expect(sim.stdout.split('\n')[0]).toBe("Warning: MariaDB version ['10.11', '19'] is more than 10.8 which is not yet tested with Frappe Framework.");
    expect(sim.stdout.split('\n').length).toBeLessThan(rec.stdout.split('\n').length);
  },
};
const stdoutTraceback: Deviation = {
  what: 'install-app prints its failure on stdout as a plain stand-in traceback, not traceback-with-variables (no local variables): the last line matches',
  check: (sim, rec) => {
    expect(rec.stdout).toMatch(/^ {6}\w+ = /m);
    expect(sim.stdout).not.toMatch(/^ {6}\w+ = /m);
  },
};
/** The config a case saw before its run (cases run one after another). */
let remembered: Record<string, unknown> = {};
const dbExistsSetup =
  (site: string) =>
  async (b: CaseBench): Promise<void> => {
    await b.newSite(site);
    remembered = b.conf(site);
    rmSync(b.path('sites', site), { recursive: true });
  };

export const CASES: Readonly<Record<string, CaseSetup>> = {
  'add-domain': {
    site: 't1.localhost',
    before: withSite('t1.localhost', async (b) => void (await b.run(['--site', 't1.localhost', 'set-config', 'host_name', 'https://t1.localhost']))),
    after: async (b, site) => expect(Object.keys(b.conf(site))).toEqual(['db_name', 'db_password', 'db_type', 'host_name', 'domains']),
  },
  'add-domain-again': { site: 't1.localhost', before: withSite('t1.localhost', async (b) => void (await b.run(['setup', 'add-domain', 'acme.example.com', '--site', 't1.localhost']))) },
  'add-domain-missing-site': { site: 'nosuch.localhost' },
  'add-system-manager': { site: 't1.localhost', before: withSite('t1.localhost') },
  'add-system-manager-again': { site: 't1.localhost', before: withSite('t1.localhost', addOps('t1.localhost')) },
  'add-system-manager-missing-site': { site: 'nosuch.localhost' },
  'drop-site': { site: 't1.localhost', before: withSite('t1.localhost'), after: archived('t1.localhost') },
  'drop-site-archive-taken': {
    site: 't5.localhost',
    before: withSite('t5.localhost', async (b) => {
      await b.run(['drop-site', 't5.localhost', '--no-backup', '--force', '--db-root-username', ADMIN.user, `--db-root-password=${ADMIN.password}`]);
      await b.newSite('t5.localhost');
    }),
    after: archived('t5.localhost1'),
  },
  'drop-site-half-site': { site: 't0.localhost', before: async (b) => b.halfSite('t0.localhost'), after: async (b, site) => expect(b.exists('archived', 'sites', site)).toBe(true) },
  'drop-site-missing': { site: 't1.localhost' },
  'drop-site-with-backup': {
    site: 't2.localhost',
    before: withSite('t2.localhost'),
    after: archived('t2.localhost'),
    deviations: [
      {
        what: 'the backup summary is printed but no backup files are written (nothing reads them); sizes are stand-ins',
        check: (_sim, _rec, b) => expect(b.exists('archived', 'sites', 't2.localhost', 'private', 'backups', 'x')).toBe(false),
      },
    ],
  },
  'drop-t3.localhost': { site: 't3.localhost', before: withSite('t3.localhost'), after: archived('t3.localhost') },
  'drop-t4.localhost': { site: 't4.localhost', before: withSite('t4.localhost'), after: archived('t4.localhost') },
  'execute-missing-site': { site: 'nosuch.localhost' },
  'generate-keys': { site: 't1.localhost', before: withSite('t1.localhost'), after: async (b, site) => expect(b.conf(site).encryption_key).toMatch(/^[A-Za-z0-9_-]{43}=$/) },
  'generate-keys-again': {
    site: 't1.localhost',
    before: withSite('t1.localhost', genKeys('t1.localhost')),
    after: async (b, site) => {
      // The key stays (README item 14): the same before and after this second run.
      expect((await exec(b, site, 'frappe.db.get_value', "['User', 'Administrator', 'api_key']")).stdout).toMatch(/^"[0-9a-f]{15}"$/);
    },
  },
  'generate-keys-missing-user': { site: 't1.localhost', before: withSite('t1.localhost') },
  'get-api-key': { site: 't1.localhost', before: withSite('t1.localhost', genKeys('t1.localhost')) },
  'get-api-key-again': { site: 't1.localhost', before: withSite('t1.localhost', genKeys('t1.localhost')) },
  'half-site-get-value': { site: 't0.localhost', before: async (b) => b.halfSite('t0.localhost') },
  'half-site-install-app': { site: 't0.localhost', before: async (b) => b.halfSite('t0.localhost'), stdout: 'last1', deviations: [stdoutTraceback] },
  'half-site-new-site': { site: 't0.localhost', before: noRootPassword, after: halfSite },
  'half-site-new-site-force': { site: 't0.localhost', before: async (b) => b.halfSite('t0.localhost'), after: completeSite, deviations: [progress] },
  'half-site-set-config': { site: 't0.localhost', before: async (b) => b.halfSite('t0.localhost'), after: async (b, site) => expect(b.conf(site).host_name).toBe('https://t0.localhost') },
  'install-app-erpnext': {
    site: 't1.localhost',
    apps: 'frappe',
    before: withSite('t1.localhost'),
    stdout: 'last1',
    deviations: [
      stdoutTraceback,
      {
        what: 'the recording cut the first stdout lines; the simulator prints them as README item 6 gives them',
        check: (sim) =>
          expect(sim.stdout.split('\n').slice(0, 3)).toEqual(['Could not find app "erpnext":', "No module named 'erpnext'", "An error occurred while installing erpnext: No module named 'erpnext'"]),
      },
    ],
  },
  'install-app-frappe': { site: 't1.localhost', before: withSite('t1.localhost') },
  'new-site': { site: 't1.localhost', after: completeSite, deviations: [progress] },
  'new-site-after-kill': {
    site: 't2.localhost',
    before: async (b) =>
      void (await killedNewSite(
        b,
        fill('bench new-site t2.localhost --admin-password=*** --db-root-username <db-admin-user> --db-root-password=*** --mariadb-user-host-login-scope=%', 't2.localhost'),
        't2.localhost',
      )),
    after: async (b, site) => {
      // And with --force it succeeds, keeping db_name and db_password (README item 15).
      const before = b.conf(site);
      expect((await b.run(fill('bench new-site <site> --admin-password=*** --db-root-username <db-admin-user> --db-root-password=*** --mariadb-user-host-login-scope=% --force', site))).exitCode).toBe(
        0,
      );
      unchanged(before, b, site);
    },
  },
  'new-site-again': { site: 't1.localhost', before: withSite('t1.localhost') },
  'new-site-db-exists': {
    site: 't2.localhost',
    before: async (b) => {
      await dbExistsSetup('t2.localhost')(b);
    },
    after: async (b, site) => {
      // A new site_config.json with a new db_password is written (README item 5).
      expect(b.conf(site).db_password).toMatch(/^[0-9a-f]{16}$/);
      expect(b.conf(site).db_password).not.toBe(remembered.db_password);
    },
  },
  'new-site-empty-root-password': { site: 't0.localhost', before: noRootPassword, after: halfSite },
  'new-site-first': { site: 't1.localhost', after: completeSite, deviations: [progress] },
  'new-site-force': {
    site: 't1.localhost',
    before: withSite('t1.localhost', async (b) => void (remembered = b.conf('t1.localhost'))),
    after: async (b, site) => unchanged(remembered, b, site),
    deviations: [progress],
  },
  'new-site-killed': {
    site: 't2.localhost',
    run: (b, argv) => killedNewSite(b, argv, 't2.localhost'),
    after: async (b, site) => {
      // Folder, config, database and user, lock file (README item 15).
      const db = String(b.conf(site).db_name);
      expect([await dbExists(db), await dbUserExists(db), b.exists('sites', site, 'locks', 'bench_new_site.lock')]).toEqual([true, true, true]);
    },
    stdout: 'none',
    deviations: [
      {
        what: 'killed before any app is installed: no progress output yet, and the database has no tables (v15: 119 of 227 after 20 s)',
        check: (sim) => expect(sim.stdout).not.toContain('Updating DocTypes'),
      },
    ],
  },
  'new-site-root-no-password': { site: 't0.localhost', before: noRootPassword, after: halfSite },
  'new-site-t3.localhost': { site: 't3.localhost', after: completeSite, deviations: [progress] },
  'new-site-t4.localhost': { site: 't4.localhost', after: completeSite, deviations: [progress] },
  'new-site-while-locked': {
    site: 't5.localhost',
    run: async (b, argv) => {
      const first = b.run(fill('bench new-site t5.localhost --admin-password=*** --db-root-username <db-admin-user> --db-root-password=*** --mariadb-user-host-login-scope=%', 't5.localhost'), {
        BENCH_SIM_LATENCY: 'new-site:4s',
      });
      for (let i = 0; i < 200 && !b.exists('logs', 'bench-sim-locks', 't5.localhost', 'bench_new_site.lock'); i++) await new Promise((r) => setTimeout(r, 25));
      const second = await b.run(argv);
      expect((await first).exitCode).toBe(0);
      return second;
    },
  },
  'no-site-given': { site: '' },
  'root-without-frappe-user': { site: 't1.localhost', before: withSite('t1.localhost', async (b) => b.setCommon({ frappe_user: undefined })) },
  'set-admin-password': { site: 't1.localhost', before: withSite('t1.localhost') },
  'set-config': { site: 't1.localhost', before: withSite('t1.localhost'), after: async (b, site) => expect(Object.keys(b.conf(site))).toEqual(['db_name', 'db_password', 'db_type', 'host_name']) },
  'set-config-missing-site': { site: 'nosuch.localhost' },
  'user-exists-after': { site: 't1.localhost', before: withSite('t1.localhost', addOps('t1.localhost')) },
  'user-exists-before': { site: 't1.localhost', before: withSite('t1.localhost') },
};

/** The two drop runs whose argv the recording does not have (`bench ?`): replayed as the service's drop-site. */
export const ARGV_NOT_RECORDED = 'bench drop-site <site> --no-backup --force --db-root-username <db-admin-user> --db-root-password=***';

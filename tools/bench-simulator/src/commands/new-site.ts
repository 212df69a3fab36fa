/**
 * `bench new-site`, following frappe v15.50's `_new_site` (fixtures/frappe-v15): the exists check
 * comes first, then the site folders, then the `bench_new_site` lock (1 s), site_config.json
 * (only when there is none: a forced redo keeps db_name and db_password), the root login (a
 * prompt, `Aborted!` without a terminal), the database and its user, the MariaDB version
 * warning, then the apps. Nothing is rolled back on failure: v15 leaves the half site behind, and
 * its lock files stay.
 */
import { existsSync } from 'node:fs';
import { PyException } from '../errors.js';
import { BenchExit } from '../errors.js';
import { generateHash } from '../bench-dir.js';
import { mariadbUrl, step, type Ctx } from '../context.js';
import { touch, withFrappeLock } from '../lock.js';
import { createUserAndDatabase, databaseExists, dropUserAndDatabase, serverVersion } from '../mariadb.js';
import { rootLoginOf, type RootLoginOptions } from '../root-login.js';
import { dbFileFor, freshDb, passwordDigest, saveDb, type SimDb } from '../site-db.js';
import { installOne, missingApp } from './install-app.js';

export interface NewSiteOptions extends RootLoginOptions {
  dbName?: string;
  dbPassword?: string;
  dbType?: string;
  dbHost?: string;
  dbPort?: string;
  adminPassword?: string;
  installApp?: string[];
  force?: boolean;
  setDefault?: boolean;
  noMariadbSocket?: boolean;
  verbose?: boolean;
}

/** The MariaDB server the recording was made on; the real server's version when one is configured. */
const RECORDED_VERSION = '10.11.19';

/** `check_compatible_versions`: anything after 10.8 is "not yet tested". */
function versionWarning(version: string): string | undefined {
  const [major, minor, patch] = version.split(/[.-]/);
  if (Number(major) < 10 || (Number(major) === 10 && Number(minor) <= 8)) return undefined;
  return `Warning: MariaDB version ['${major}.${minor}', '${patch}'] is more than 10.8 which is not yet tested with Frappe Framework.`;
}

const configured = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** frappe.utils.install.get_admin_password's prompt: twice, again until both agree. */
async function askAdminPassword(ctx: Ctx): Promise<string> {
  for (;;) {
    const first = await ctx.getpass('Set Administrator password: ');
    if (first === (await ctx.getpass('Re-enter Administrator password: '))) return first;
    ctx.out('\nPasswords do not match');
  }
}

export async function newSite(ctx: Ctx, site: string, o: NewSiteOptions): Promise<void> {
  const { bench } = ctx;
  if (o.noMariadbSocket) {
    ctx.out(
      "--no-mariadb-socket is DEPRECATED; use --mariadb-user-host-login-scope='%' (wildcard) or --mariadb-user-host-login-scope=<myhostscope>, instead. The name of this option was misleading: it had nothing to do with sockets.",
    );
  }
  // v15.50 has no "Your bench has an app called ..." check (README item 13).
  if (!o.force && bench.siteExists(site)) throw new BenchExit(1, `Site ${site} already exists`);
  if (o.dbType && o.dbType !== 'mariadb' && o.dbType !== 'postgres') {
    throw new BenchExit(2, `Error: Invalid value for '--db-type': '${o.dbType}' is not one of 'mariadb', 'postgres'.`);
  }
  bench.makeSiteDirs(site);
  // What v15 leaves in every site folder (README item 12).
  touch(bench.sitePath(site, '.test_log'));
  touch(bench.sitePath(site, 'logs', 'database.log'));

  await withFrappeLock(
    bench,
    site,
    'bench_new_site',
    ctx,
    () => false,
    async () => {
      let conf = bench.siteConfig(site);
      if (!conf) {
        conf = { db_name: o.dbName ?? bench.defaultDbName(site), db_password: o.dbPassword ?? generateHash(16), db_type: o.dbType ?? 'mariadb' };
        if (o.dbHost) conf.db_host = o.dbHost;
        if (o.dbPort) conf.db_port = Number(o.dbPort);
        bench.writeSiteConfig(site, conf);
      }
      const dbName = String(conf.db_name);
      const login = await rootLoginOf(ctx, o);
      const url = mariadbUrl(ctx);
      const exists = url ? await databaseExists(url, login, dbName) : existsSync(dbFileFor(bench, site));
      if (exists && !o.force) throw new PyException('Exception', `Database ${dbName} already exists`);
      if (url) {
        await dropUserAndDatabase(url, login, dbName);
        await createUserAndDatabase(url, login, dbName, String(conf.db_password));
      }
      const db: SimDb = freshDb();
      saveDb(bench, site, db);
      // bootstrap_database's check_compatible_versions: once the database is there, before anything else is printed.
      const warning = versionWarning(url ? await serverVersion(url, login) : RECORDED_VERSION);
      if (warning) ctx.out(warning);
      await step(ctx, 'new-site', [site], 'bench_new_site');
      // frappe's after_install: get_admin_password() (an EOF aborts and leaves the half site, as with real bench).
      const adminPassword = o.adminPassword || configured(bench.commonConfig().admin_password) || configured(conf.admin_password) || (await askAdminPassword(ctx));
      db.users.Administrator.password_set = adminPassword !== '';
      db.users.Administrator.password_sha256 = passwordDigest(adminPassword);
      ctx.out('');
      for (const app of ['frappe', ...(o.installApp ?? [])]) {
        if (!bench.apps().includes(app)) throw missingApp(app);
        installOne(ctx, site, db, app);
      }
      // frappe's installs and update_site_config take these locks; their files stay.
      touch(bench.sitePath(site, 'locks', 'install_app.lock'));
      touch(bench.sitePath(site, 'locks', 'site_config.lock'));
    },
  );
  ctx.out('*** Scheduler is disabled ***');
  if (o.setDefault) bench.writeCommonConfig({ ...bench.commonConfig(), default_site: site });
}

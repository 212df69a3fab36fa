/**
 * `bench new-site`, following frappe v15's `_new_site`: the exists check comes first, then the
 * site folders, then the `bench_new_site` lock (1 s), site_config.json, the database and its
 * user, then the apps. Nothing is rolled back on failure: v15 leaves the half site behind.
 */
import { existsSync } from 'node:fs';
import { BenchExit, PyException } from '../errors.js';
import { generateHash } from '../bench-dir.js';
import { mariadbUrl, step, type Ctx } from '../context.js';
import { withFileLock } from '../lock.js';
import { createUserAndDatabase, databaseExists, dropUserAndDatabase } from '../mariadb.js';
import { dbFileFor, freshDb, saveDb, type SimDb } from '../site-db.js';
import { installOne } from './install-app.js';

export interface NewSiteOptions {
  dbName?: string;
  dbPassword?: string;
  dbType?: string;
  dbHost?: string;
  dbPort?: string;
  dbRootUsername?: string;
  mariadbRootUsername?: string;
  dbRootPassword?: string;
  mariadbRootPassword?: string;
  adminPassword?: string;
  installApp?: string[];
  force?: boolean;
  setDefault?: boolean;
  noMariadbSocket?: boolean;
  verbose?: boolean;
}

export async function newSite(ctx: Ctx, site: string, o: NewSiteOptions): Promise<void> {
  const { bench } = ctx;
  if (o.noMariadbSocket) {
    ctx.out("--no-mariadb-socket is DEPRECATED; use --mariadb-user-host-login-scope='%' (wildcard) or --mariadb-user-host-login-scope=<myhostscope>, instead. The name of this option was misleading: it had nothing to do with sockets.");
  }
  if (bench.apps().includes(site)) {
    throw new BenchExit(1, `Your bench has an app called ${site}, please choose another name for the site.`);
  }
  if (!o.force && bench.siteExists(site)) throw new BenchExit(1, `Site ${site} already exists`);
  if (o.dbType && o.dbType !== 'mariadb' && o.dbType !== 'postgres') {
    throw new BenchExit(2, `Error: Invalid value for '--db-type': '${o.dbType}' is not one of 'mariadb', 'postgres'.`);
  }
  bench.makeSiteDirs(site);

  await withFileLock(bench.sitePath(site, 'locks', 'bench_new_site.lock'), 'bench_new_site', ctx, async () => {
    // make_site_config writes only when there is no config yet: a forced redo keeps the old one.
    let conf = bench.siteConfig(site);
    if (!conf) {
      conf = { db_name: o.dbName ?? bench.defaultDbName(site), db_password: o.dbPassword ?? generateHash(16), db_type: o.dbType ?? 'mariadb' };
      if (o.dbHost) conf.db_host = o.dbHost;
      if (o.dbPort) conf.db_port = Number(o.dbPort);
      bench.writeSiteConfig(site, conf);
    }
    const dbName = String(conf.db_name);
    const login = { user: o.dbRootUsername ?? o.mariadbRootUsername, password: o.dbRootPassword ?? o.mariadbRootPassword };
    const url = mariadbUrl(ctx);
    const exists = url ? await databaseExists(url, login, dbName) : existsSync(dbFileFor(bench, site));
    if (exists && !o.force) {
      throw new BenchExit(1, `Database ${dbName} already exists, please drop it manually or pass \`--force\`.`);
    }
    if (url) {
      await dropUserAndDatabase(url, login, dbName);
      await createUserAndDatabase(url, login, dbName, String(conf.db_password));
    }
    const db: SimDb = freshDb();
    saveDb(bench, site, db);
    if (!o.adminPassword) {
      // getpass without a terminal: the half site stays, as with real bench.
      throw new PyException('EOFError', 'EOF when reading a line');
    }
    await step(ctx, 'new-site', [site], 'bench_new_site');
    ctx.out('');
    for (const app of ['frappe', ...(o.installApp ?? [])]) {
      if (!bench.apps().includes(app)) throw new PyException('Exception', `App ${app} not in apps.txt`);
      installOne(ctx, site, db, app);
    }
  });
  ctx.out('*** Scheduler is disabled ***');
  if (o.setDefault) bench.writeCommonConfig({ ...bench.commonConfig(), default_site: site });
}

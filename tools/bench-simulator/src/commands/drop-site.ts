/**
 * `bench drop-site SITE` (frappe v15 `_drop_site`): the root login (a prompt, `Aborted!`, without
 * one), a backup unless --no-backup (a failed backup stops unless --force), drop the database
 * and its user, move the folder to the archive with a number appended directly when the name is
 * taken (`t5.localhost1`). Recorded forms: fixtures/frappe-v15 (README item 10).
 */
import { existsSync, mkdirSync, realpathSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BenchExit } from '../errors.js';
import { mariadbUrl, step, type Ctx } from '../context.js';
import { dropUserAndDatabase } from '../mariadb.js';
import { dbFileFor } from '../site-db.js';
import { rootLoginOf, type RootLoginOptions } from '../root-login.js';

export interface DropSiteOptions extends RootLoginOptions {
  archivedSitesPath?: string;
  noBackup?: boolean;
  force?: boolean;
}

export async function dropSite(ctx: Ctx, site: string, o: DropSiteOptions): Promise<void> {
  const { bench } = ctx;
  const conf = bench.requireSiteConfig(site);
  const login = await rootLoginOf(ctx, o);
  await step(ctx, 'drop-site', [site]);
  if (!o.noBackup) {
    ctx.out(`Taking backup of ${site}`);
    if (existsSync(dbFileFor(bench, site))) backupSummary(ctx, site, String(conf.db_name));
    else if (!o.force) {
      ctx.out(
        [
          '='.repeat(80),
          `Error: The operation has stopped because backup of ${site}'s database failed.`,
          `Reason: (1049, "Unknown database '${String(conf.db_name)}'")\n`,
          'Fix the issue and try again.',
          `Hint: Use 'bench drop-site ${site} --force' to force the removal of ${site}`,
        ].join('\n'),
      );
      throw new BenchExit(1);
    }
  }
  ctx.out('Dropping site database and user');
  const url = mariadbUrl(ctx);
  if (url) {
    await dropUserAndDatabase(url, login, String(conf.db_name));
  }
  const archive = resolve(ctx.cwd, o.archivedSitesPath ?? join(bench.root, 'archived', 'sites'));
  mkdirSync(archive, { recursive: true });
  const archiveReal = realpathSync(archive);
  ctx.out(`Moving site to archive under ${archiveReal}`);
  let target = join(archiveReal, site);
  for (let n = 1; existsSync(target); n++) target = join(archiveReal, `${site}${n}`);
  renameSync(bench.sitePath(site), target);
}

/** What v15 prints for the backup (the files are not made: nothing reads them). */
function backupSummary(ctx: Ctx, site: string, dbName: string): void {
  const now = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}_${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  const base = `./${site}/private/backups/${stamp}-${site.replace(/\./g, '_')}`;
  ctx.out(
    [
      `set -o pipefail; /usr/bin/mariadb-dump --user=${dbName} --host=127.0.0.1 --port=3306 --password=********** --single-transaction --quick --lock-tables=false ${dbName} | /usr/bin/gzip >> ${base}-database.sql.gz`,
      '',
      `Backup Summary for ${site} at ${now.toISOString().replace('T', ' ').replace('Z', '')}`,
      `Config  : ${base}-site_config_backup.json 94.0B`,
      `Database: ${base}-database.sql.gz         273.4KiB`,
      `Public  : ${base}-files.tar               10.0KiB`,
      `Private : ${base}-private-files.tar       10.0KiB`,
    ].join('\n'),
  );
}

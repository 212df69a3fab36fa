/**
 * `bench drop-site SITE` (frappe v15 `_drop_site`): backup unless --no-backup (a failed backup
 * stops unless --force), drop the database and its user, move the folder to the archive with a
 * numeric suffix when the name is taken.
 */
import { existsSync, mkdirSync, realpathSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BenchExit } from '../errors.js';
import { mariadbUrl, step, type Ctx } from '../context.js';
import { dropUserAndDatabase } from '../mariadb.js';
import { dbFileFor } from '../site-db.js';

export interface DropSiteOptions {
  dbRootUsername?: string;
  rootLogin?: string;
  dbRootPassword?: string;
  rootPassword?: string;
  archivedSitesPath?: string;
  noBackup?: boolean;
  force?: boolean;
}

export async function dropSite(ctx: Ctx, site: string, o: DropSiteOptions): Promise<void> {
  const { bench } = ctx;
  const conf = bench.requireSiteConfig(site);
  await step(ctx, 'drop-site', [site]);
  if (!o.noBackup) {
    ctx.out(`Taking backup of ${site}`);
    if (!existsSync(dbFileFor(bench, site)) && !o.force) {
      ctx.out([
        '='.repeat(80),
        `Error: The operation has stopped because backup of ${site}'s database failed.`,
        `Reason: (1049, "Unknown database '${String(conf.db_name)}'")\n`,
        'Fix the issue and try again.',
        `Hint: Use 'bench drop-site ${site} --force' to force the removal of ${site}`,
      ].join('\n'));
      throw new BenchExit(1);
    }
  }
  ctx.out('Dropping site database and user');
  const url = mariadbUrl(ctx);
  if (url) {
    await dropUserAndDatabase(url, { user: o.dbRootUsername ?? o.rootLogin, password: o.dbRootPassword ?? o.rootPassword }, String(conf.db_name));
  }
  const archive = resolve(ctx.cwd, o.archivedSitesPath ?? join(bench.root, 'archived', 'sites'));
  mkdirSync(archive, { recursive: true });
  const archiveReal = realpathSync(archive);
  ctx.out(`Moving site to archive under ${archiveReal}`);
  let target = join(archiveReal, site);
  for (let n = 1; existsSync(target); n++) target = join(archiveReal, `${site}_${n}`);
  renameSync(bench.sitePath(site), target);
}

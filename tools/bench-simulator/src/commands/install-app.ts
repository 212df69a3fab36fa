/**
 * `bench --site S install-app APP...` (frappe v15 `install_app`). Its failures come out on
 * stdout, traceback included (fixtures/frappe-v15: install-app-erpnext, half-site-install-app),
 * and it exits 1 at the end. An app already installed is `App x already installed`, exit 0.
 */
import { BenchExit, formatPyException, PyException } from '../errors.js';
import { resolveSites, step, type Ctx } from '../context.js';
import { withFrappeLock } from '../lock.js';
import { loadDb, saveDb, updateDb, type SimDb } from '../site-db.js';

function announce(ctx: Ctx, app: string): void {
  ctx.out(`Installing ${app}...`);
  ctx.out(`Updating DocTypes for ${app}        : [========================================] 100%`);
  ctx.out(`Updating Dashboard for ${app}`);
}

/** An app that is not in the bench: Python cannot import it. */
export const missingApp = (app: string): PyException => new PyException('builtins.ModuleNotFoundError', `No module named '${app}'`);

/** new-site's own installs: the site is its alone until new-site ends. */
export function installOne(ctx: Ctx, site: string, db: SimDb, app: string): void {
  announce(ctx, app);
  db.installed_apps.push(app);
  saveDb(ctx.bench, site, db);
}

async function installInto(ctx: Ctx, site: string, db: SimDb, app: string, force: boolean): Promise<void> {
  if (!ctx.bench.apps().includes(app)) {
    ctx.out(`Could not find app "${app}":\nNo module named '${app}'`);
    throw missingApp(app);
  }
  if (!force && db.installed_apps.includes(app)) {
    ctx.out(`App ${app} already installed`);
    return;
  }
  await withFrappeLock(
    ctx.bench,
    site,
    'install_app',
    ctx,
    () => ctx.bench.siteComplete(site),
    async () => {
      await step(ctx, 'install-app', [app, site], 'install_app');
      ctx.out('');
      const added = await updateDb(ctx.bench, site, ctx, (d) => {
        if (d.installed_apps.includes(app)) return false;
        d.installed_apps.push(app);
        return true;
      });
      if (added) {
        announce(ctx, app);
        db.installed_apps.push(app);
      }
    },
  );
}

export async function installApp(ctx: Ctx, apps: string[], o: { force?: boolean }): Promise<void> {
  let exitCode = 0;
  const printed = (e: PyException): void => ctx.out(formatPyException(e, 'install-app', ctx.bench.root).replace(/\n$/, ''));
  for (const site of resolveSites(ctx)) {
    let db: SimDb;
    try {
      db = loadDb(ctx.bench, site);
    } catch (e) {
      // A half site: connecting as the site's own user fails before any app is looked at.
      if (!(e instanceof PyException)) throw e;
      printed(e);
      exitCode = 1;
      continue;
    }
    for (const app of apps) {
      try {
        await installInto(ctx, site, db, app, Boolean(o.force));
      } catch (e) {
        // An abandoned invocation stops here instead of going on to the next app.
        if (!(e instanceof Error) || ctx.signal?.aborted) throw e;
        const py = e instanceof PyException ? e : new PyException('Exception', e.message);
        ctx.out(`An error occurred while installing ${app}: ${py.message}`);
        printed(py);
        exitCode = 1;
      }
    }
  }
  if (exitCode) throw new BenchExit(exitCode);
}

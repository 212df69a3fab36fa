/** `bench --site S install-app APP...` (frappe v15 `install_app`): per-app errors are printed, exit 1 at the end. */
import { PyException } from '../errors.js';
import { step, resolveSites, type Ctx } from '../context.js';
import { withFileLock } from '../lock.js';
import { loadDb, saveDb, updateDb, type SimDb } from '../site-db.js';
import { BenchExit } from '../errors.js';

function announce(ctx: Ctx, app: string): void {
  ctx.out(`Installing ${app}...`);
  ctx.out(`Updating DocTypes for ${app}        : [========================================] 100%`);
  ctx.out(`Updating Dashboard for ${app}`);
}

/** new-site's own installs: the site is its alone until new-site ends. */
export function installOne(ctx: Ctx, site: string, db: SimDb, app: string): void {
  announce(ctx, app);
  db.installed_apps.push(app);
  saveDb(ctx.bench, site, db);
}

export async function installApp(ctx: Ctx, apps: string[], o: { force?: boolean }): Promise<void> {
  let exitCode = 0;
  for (const site of resolveSites(ctx)) {
    const db = loadDb(ctx.bench, site);
    for (const app of apps) {
      try {
        if (!ctx.bench.apps().includes(app)) throw new PyException('Exception', `App ${app} not in apps.txt`);
        if (!o.force && db.installed_apps.includes(app)) {
          ctx.out(`App ${app} already installed`);
          continue;
        }
        await withFileLock(ctx.bench.sitePath(site, 'locks', 'install_app.lock'), 'install_app', ctx, async () => {
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
        });
      } catch (e) {
        // An abandoned invocation stops here instead of going on to the next app.
        if (!(e instanceof Error) || ctx.signal?.aborted) throw e;
        const text = e instanceof PyException ? `${e.pyType}: ${e.message}` : e.message;
        ctx.out(`An error occurred while installing ${app}: ${e.message}\nTraceback (most recent call last):\n  File "apps/frappe/frappe/installer.py", line 270, in install_app\n${text}`);
        exitCode = 1;
      }
    }
  }
  if (exitCode) throw new BenchExit(exitCode);
}

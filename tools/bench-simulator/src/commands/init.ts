/**
 * `bench-sim init FOLDER`: a fresh frappe-bench layout (apps/frappe, apps/erpnext, sites/apps.txt,
 * sites/common_site_config.json, logs, archived). Refuses a folder that already is a bench.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFrappeJson } from '../bench-dir.js';
import { BenchExit } from '../errors.js';

/** Where and for whom: the invocation's cwd and environment (a daemon serves many of both). */
export interface InitPlace {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/** The password of BENCH_SIM_MARIADB_URL when it has one, else a stand-in. */
function rootPasswordOf(env: NodeJS.ProcessEnv): string {
  try {
    const p = env.BENCH_SIM_MARIADB_URL ? decodeURIComponent(new URL(env.BENCH_SIM_MARIADB_URL).password) : '';
    return p || 'bench-sim';
  } catch {
    return 'bench-sim';
  }
}

export function initBench(place: InitPlace, folder: string, apps: string[], out: (s: string) => void): void {
  const root = resolve(place.cwd, folder);
  if (existsSync(join(root, 'sites', 'apps.txt'))) throw new BenchExit(1, `Bench instance already exists at ${root}`);
  for (const app of apps) {
    mkdirSync(join(root, 'apps', app, app), { recursive: true });
    writeFileSync(join(root, 'apps', app, app, '__init__.py'), '__version__ = "15.0.0"\n');
    writeFileSync(join(root, 'apps', app, app, 'hooks.py'), `app_name = "${app}"\n`);
  }
  for (const d of ['sites/assets', 'logs', 'config/pids', 'archived/sites']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'sites', 'apps.txt'), apps.join('\n') + '\n');
  writeFrappeJson(join(root, 'sites', 'common_site_config.json'), {
    background_workers: 1,
    file_watcher_port: 6787,
    frappe_user: place.env.USER ?? 'frappe',
    gunicorn_workers: 4,
    // v15 prompts for the database root password when neither --db-root-password nor this is
    // set (an empty one counts as missing). The simulator logs in with BENCH_SIM_MARIADB_URL's
    // account; this value only has to be there (docs/bench.md).
    root_password: rootPasswordOf(place.env),
    live_reload: true,
    rebase_on_pull: false,
    redis_cache: 'redis://127.0.0.1:13000',
    redis_queue: 'redis://127.0.0.1:11000',
    redis_socketio: 'redis://127.0.0.1:13000',
    restart_supervisor_on_update: false,
    restart_systemd_on_update: false,
    serve_default_site: true,
    shallow_clone: true,
    socketio_port: 9000,
    use_redis_auth: false,
    webserver_port: 8000,
  });
  out(`SUCCESS: Bench ${root} initialized`);
}

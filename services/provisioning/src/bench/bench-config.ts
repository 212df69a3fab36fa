/**
 * Where and how the service drives bench, parsed once with the rest of the configuration
 * (config.ts: `config.bench`) and shared by the process manager and the pool, which run the
 * same commands on the same bench through one BenchRunner (bench.module.ts). Step timeouts are
 * the workflow's policy (`config.pm`), not here.
 */
import { resolve } from 'node:path';
import { ConfigError, type Env } from '../config/env.js';
import type { RootLogin } from './bench-operations.js';

export interface BenchConfig {
  /** BENCH_BIN: the bench executable (`bench`, or the simulator's). */
  readonly bin: string;
  /** BENCH_PATH: the frappe-bench folder, absolute; cwd of every command. */
  readonly path: string;
  /**
   * The database root login for new-site and drop-site (BENCH_DB_ROOT_USERNAME/PASSWORD). The
   * password has no default (a secret): unset, bench reads common_site_config.json's root_password.
   */
  readonly root: RootLogin;
  /**
   * FRAPPE_URL: where the bench's sites answer HTTP (gunicorn, e.g. http://127.0.0.1:8000; the site
   * goes in X-Frappe-Site-Name). Set, a claim adds the customer's user through Frappe's REST API
   * instead of two cold bench commands. Unset: bench commands only.
   */
  readonly frappeUrl?: string;
}

/**
 * Whether this instance runs bench: its process manager, its pool, or both. Only such an instance
 * checks its bench at start-up (main.ts) and rotates API secrets (credentials-reveal).
 */
export const drivesBench = (c: { readonly pm: { readonly enabled: boolean }; readonly pool: { readonly size: number } }): boolean => c.pm.enabled || c.pool.size > 0;

export function parseBenchConfig(env: Env): BenchConfig {
  return Object.freeze({
    bin: env.BENCH_BIN?.trim() || 'bench',
    // Absolute once here: every command, lock and site file of both the process manager and the
    // pool must name the same folder, whatever the working directory of whoever reads it later.
    path: resolve(env.BENCH_PATH?.trim() || './frappe-bench'),
    root: Object.freeze({ username: env.BENCH_DB_ROOT_USERNAME?.trim() || 'root', password: env.BENCH_DB_ROOT_PASSWORD || undefined }),
    frappeUrl: parseFrappeUrl(env.FRAPPE_URL),
  });
}

function parseFrappeUrl(raw: string | undefined): string | undefined {
  const v = raw?.trim();
  if (!v) return undefined;
  let u: URL | undefined;
  try {
    u = new URL(v);
  } catch {
    u = undefined;
  }
  if (!u || !/^https?:$/.test(u.protocol) || u.username || u.password)
    throw new ConfigError('FRAPPE_URL', `must be an http(s) URL without credentials (the sites' web server, e.g. http://127.0.0.1:8000), got "${v.slice(0, 80)}".`);
  return u.origin;
}

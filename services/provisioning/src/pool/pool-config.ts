/**
 * The pool's part of the configuration, parsed once with the rest (config.ts calls this) and
 * frozen. POOL_SIZE 0 (the default) turns the pool off: no standby site is made or claimed.
 */
import { intVar, type Env } from '../config/env.js';

export interface PoolConfig {
  /** Ready-or-building standby sites to keep. */
  readonly size: number;
  /** How often the refiller looks at the pool (it is also woken by every claim). */
  readonly refillIntervalMs: number;
  /** A claim whose tenant has not recorded it after this long is settled by the sweep. */
  readonly claimGraceMs: number;
  /** Longest a build step (new-site, install-app) may run (BENCH_STEP_TIMEOUT_MS); its lease adds a grace on top. */
  readonly stepTimeoutMs: number;
  /** The bench the pool drives (BENCH_BIN run in BENCH_PATH), as the process manager does. */
  readonly benchBin: string;
  readonly benchPath: string;
  /** Database root login for new-site/drop-site, as the process manager reads it (BENCH_DB_ROOT_USERNAME/PASSWORD). */
  readonly dbRootUser: string;
  /** No default (a secret); unset, bench falls back to common_site_config's root_password. */
  readonly dbRootPassword?: string;
  /** Heavy bench steps at once on this instance (PROVISIONING_CONCURRENCY). */
  readonly concurrency: number;
}

const int = intVar;

export function parsePoolConfig(env: Env): PoolConfig {
  return Object.freeze({
    size: int(env, 'POOL_SIZE', 0, 0, 1000),
    refillIntervalMs: int(env, 'POOL_REFILL_INTERVAL_MS', 1000, 10, 600_000),
    claimGraceMs: int(env, 'POOL_CLAIM_GRACE_MS', 60_000, 0, 86_400_000),
    // The same limit the process manager puts on new-site and install-app.
    stepTimeoutMs: int(env, 'BENCH_STEP_TIMEOUT_MS', 45 * 60_000, 100, 24 * 3_600_000),
    benchBin: env.BENCH_BIN?.trim() || 'bench',
    benchPath: env.BENCH_PATH?.trim() || './frappe-bench',
    dbRootUser: env.BENCH_DB_ROOT_USERNAME?.trim() || 'root',
    dbRootPassword: env.BENCH_DB_ROOT_PASSWORD || undefined,
    concurrency: int(env, 'PROVISIONING_CONCURRENCY', 2, 1, 256),
  });
}

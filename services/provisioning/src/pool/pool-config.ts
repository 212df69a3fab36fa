/**
 * The pool's part of the configuration, parsed once with the rest (config.ts calls this) and
 * frozen. POOL_SIZE 0 (the default) turns the pool off: no standby site is made or claimed.
 * The bench it drives is `config.bench`, its build steps' time limit `config.pm`'s, as for tenants.
 */
import { intVar, type Env } from '../config/env.js';

export interface PoolConfig {
  /** Ready-or-building standby sites to keep. */
  readonly size: number;
  /** How often the refiller looks at the pool (it is also woken by every claim). */
  readonly refillIntervalMs: number;
  /** A claim whose tenant has not recorded it after this long is settled by the sweep. */
  readonly claimGraceMs: number;
  /** Heavy bench steps at once on this instance (PROVISIONING_CONCURRENCY). */
  readonly concurrency: number;
}

const int = intVar;

export function parsePoolConfig(env: Env): PoolConfig {
  return Object.freeze({
    size: int(env, 'POOL_SIZE', 0, 0, 1000),
    refillIntervalMs: int(env, 'POOL_REFILL_INTERVAL_MS', 1000, 10, 600_000),
    claimGraceMs: int(env, 'POOL_CLAIM_GRACE_MS', 60_000, 0, 86_400_000),
    concurrency: int(env, 'PROVISIONING_CONCURRENCY', 2, 1, 256),
  });
}

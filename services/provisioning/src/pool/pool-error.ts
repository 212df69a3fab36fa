/**
 * Coded pool errors. They never reach a signup's HTTP response: a failed claim is a miss and the
 * tenant takes the normal path, so these stay inside the pool (logs, tests, tenantctl).
 */
export type PoolErrorCode =
  | 'POOL.STANDBY_NOT_FOUND'
  | 'POOL.STANDBY_EXISTS'
  | 'POOL.BAD_STANDBY'
  | 'POOL.BAD_STEP_RESULT'
  | 'POOL.STEP_OUT_OF_ORDER'
  | 'POOL.STEP_LEASE_HELD'
  | 'POOL.STALE_RUNNER'
  | 'POOL.STANDBY_NOT_READY'
  | 'POOL.NOT_CLAIMED_BY'
  | 'POOL.TENANT_CANNOT_TAKE_STANDBY';

export class PoolError extends Error {
  constructor(
    readonly code: PoolErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PoolError';
  }
}

export const isPoolError = (e: unknown, code?: PoolErrorCode): e is PoolError => e instanceof PoolError && (code === undefined || e.code === code);

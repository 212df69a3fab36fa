/** Injection tokens of the pool. */
import type { BenchLocation } from './standby-bench.js';

/** Where bench runs (BENCH_BIN in BENCH_PATH). */
export const POOL_BENCH = Symbol.for('tlc.provisioning.pool.bench');
export type PoolBenchLocation = BenchLocation;

/**
 * Fault hooks for tests only (PoolService.faults; nothing in the app sets it). Lets a test stop
 * the claimant between the standby append and the tenant append, like a crash.
 */
export interface PoolFaults {
  afterStandbyClaimed?(site: string, tenantId: string): Promise<void>;
}

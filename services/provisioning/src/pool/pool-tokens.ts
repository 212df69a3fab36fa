/** Injection tokens of the pool. */
/**
 * Fault hooks for tests only (PoolService.faults; nothing in the app sets it). Lets a test stop
 * the claimant between the standby append and the tenant append, like a crash.
 */
export interface PoolFaults {
  afterStandbyClaimed?(site: string, tenantId: string): Promise<void>;
}

/**
 * The tenant side of a claim, pure. A tenant may take a standby site only before its first step
 * (still Requested, nothing started, no site of its own); the claim is then recorded on the
 * tenant stream as StandbySiteClaimed. `settleClaim` is the one rule for a standby claim whose
 * tenant has not recorded it (the claimant crashed between the two appends): record it if the
 * tenant can still take it, else return the site to the pool. Never both, never neither.
 */
import type { RecordedEvent } from '@tlc/event-store';
import type { TenantState } from '@tlc/tenant-events';
import type { TenantDraft } from '../tenants/decide.js';
import { canTakeStandby } from '../tenants/decide-next.js';
import { PoolError } from './pool-error.js';

export { canTakeStandby };

/** [] when this very claim is already recorded (a redo). `apiKey`: the site's Administrator key, made while building. */
export function decideRecordClaim(t: TenantState, site: string, apiKey?: string): TenantDraft[] {
  if (t.standbySite === site) return [];
  if (!canTakeStandby(t)) {
    throw new PoolError('POOL.TENANT_CANNOT_TAKE_STANDBY', `Tenant ${t.tenantId || '?'} (${t.status}) can no longer take a standby site.`);
  }
  return [{ type: 'StandbySiteClaimed', data: { tenantId: t.tenantId, standbySite: site, ...(apiKey ? { apiKey } : {}) } }];
}

export type ClaimSettlement = 'in-use' | 'record' | 'return';

/**
 * `recorded`: the tenant stream's events; `claims`: how many times the standby stream says this
 * tenant claimed the site (a site returned clean may be claimed again by the same tenant after a
 * retry). A claim the tenant has recorded is the tenant's to dispose of.
 */
export function settleClaim(t: TenantState, recorded: readonly RecordedEvent[], site: string, claims = 1): ClaimSettlement {
  const records = recorded.filter((r) => r.type === 'StandbySiteClaimed' && (r.data as { standbySite?: string }).standbySite === site).length;
  if (records >= claims) return 'in-use';
  return canTakeStandby(t) ? 'record' : 'return';
}

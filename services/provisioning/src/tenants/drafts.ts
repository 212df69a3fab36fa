import type { EventDraft, TenantEvent, TenantState } from '@tlc/tenant-events';

/** What `decide` returns: tenant events before metadata and the hash chain are attached. */
export type TenantDraft = EventDraft<TenantEvent>;

/** The closing events of a deprovisioning; the handler destroys the tenant's key right after. */
export function finishDeprovision(state: TenantState): TenantDraft[] {
  const done: TenantDraft[] = [{ type: 'TenantDeprovisioned', data: { tenantId: state.tenantId, keyDestroyed: true } }];
  if (!state.subdomainReleased) done.push({ type: 'SubdomainReleased', data: { tenantId: state.tenantId, subdomain: state.subdomain } });
  return done;
}

export const releaseSubdomain = (state: TenantState): TenantDraft[] => (state.subdomainReleased ? [] : [{ type: 'SubdomainReleased', data: { tenantId: state.tenantId, subdomain: state.subdomain } }]);

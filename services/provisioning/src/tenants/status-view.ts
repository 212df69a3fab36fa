/**
 * The API's public face of a tenant: the status view (libs/tenant-events/status-view.ts, shared
 * with tenantctl and the web) and events with every secret and hash replaced by a marker.
 */
import type { RecordedEvent } from '@tlc/event-store';
import { SETTLED_STATUSES } from '@tlc/tenant-events';

export { statusView, tenantLinks, type TenantStatusView } from '@tlc/tenant-events';

const SECRET_FIELDS = new Set(['adminPassword', 'adminPasswordHash', 'generatedPassword', 'apiSecret']);

/** Event data for API answers: sealed secrets and hashes are replaced by a marker. */
export function publicData(data: unknown): unknown {
  if (!data || typeof data !== 'object') return data;
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? '[redacted]' : v]));
}

export const publicEvent = (r: RecordedEvent) => ({
  revision: r.revision,
  position: r.position,
  type: r.type,
  data: publicData(r.data),
  metadata: r.metadata,
  recordedAt: r.recordedAt,
});

/** Statuses after which nothing more happens without a person asking. */
export const SETTLED: ReadonlySet<string> = SETTLED_STATUSES;

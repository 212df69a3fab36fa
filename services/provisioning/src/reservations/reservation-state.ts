/**
 * A reservation stream folded: who holds the name now (if anyone), since when, and the
 * revision and hash to append after. Pure.
 */
import type { RecordedEvent } from '@tlc/event-store';
import type { TenantState } from '@tlc/tenant-events';

export interface ReservationState {
  /** -1 when the stream does not exist. */
  readonly revision: number;
  readonly lastHash?: string;
  readonly holder?: { readonly tenantId: string; readonly reservedAt: string; readonly subdomain?: string };
}

export function foldReservation(recorded: readonly RecordedEvent[]): ReservationState {
  let state: ReservationState = { revision: -1 };
  for (const r of recorded) {
    const data = r.data as { tenantId: string; subdomain?: string };
    const md = r.metadata as { occurredAt?: string; hash?: string };
    const holder = r.type === 'SubdomainReserved' || r.type === 'AdminEmailReserved'
      ? { tenantId: data.tenantId, reservedAt: md.occurredAt ?? r.recordedAt, subdomain: data.subdomain }
      : undefined;
    state = { revision: r.revision, lastHash: md.hash, holder };
  }
  return state;
}

/** A holder may still start to exist this long after reserving; after that an absent tenant is an orphan. */
export const ORPHAN_GRACE_MS = 60_000;
/** A signup that took longer than this between reserving and recording gives up (well inside the grace). */
export const SIGNUP_DEADLINE_MS = 20_000;

export type HolderVerdict = 'live' | 'released' | 'orphan' | 'pending';

/**
 * Whether a holder still owns its reservation. A tenant that was rolled back or deprovisioned
 * released it (even if the release event on the reservation stream was lost in a crash); a
 * tenant stream that never came to exist is an orphan once the grace period has passed.
 */
export function judgeHolder(holder: TenantState, reservedAt: string, now: string): HolderVerdict {
  if (holder.exists) {
    return holder.subdomainReleased || holder.status === 'RolledBack' || holder.status === 'Deprovisioned' ? 'released' : 'live';
  }
  return Date.parse(now) - Date.parse(reservedAt) > ORPHAN_GRACE_MS ? 'orphan' : 'pending';
}

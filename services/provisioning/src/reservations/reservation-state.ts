/**
 * A reservation stream folded: who holds the name now (if anyone), since when, and the
 * revision and hash to append after. Pure.
 */
import type { RecordedEvent } from '@tlc/event-store';
import type { EventDraft, ReservationEvent, TenantState } from '@tlc/tenant-events';
import type { CommandMetadata } from '../tenants/commands.js';

export interface ReservationState {
  /** -1 when the stream does not exist. */
  readonly revision: number;
  readonly lastHash?: string;
  readonly holder?: { readonly tenantId: string; readonly reservedAt: string; readonly subdomain?: string };
}

export const initialReservation: ReservationState = Object.freeze({ revision: -1 });

export function evolveReservation(_state: ReservationState, r: RecordedEvent): ReservationState {
  const data = r.data as { tenantId: string; subdomain?: string };
  const md = r.metadata as { occurredAt?: string; hash?: string };
  const holder = r.type === 'SubdomainReserved' || r.type === 'AdminEmailReserved' ? { tenantId: data.tenantId, reservedAt: md.occurredAt ?? r.recordedAt, subdomain: data.subdomain } : undefined;
  return { revision: r.revision, lastHash: md.hash, holder };
}

export const foldReservation = (recorded: readonly RecordedEvent[]): ReservationState => recorded.reduce(evolveReservation, initialReservation);

/** How to write one name's stream: its Reserved and Released events. */
export interface ReservationTarget {
  readonly kind: 'subdomain' | 'email';
  readonly stream: string;
  readonly reserved: (tenantId: string) => EventDraft<ReservationEvent>;
  readonly released: (tenantId: string) => EventDraft<ReservationEvent>;
}

type Cmd<T extends string, D> = { readonly type: T; readonly data: D; readonly metadata: CommandMetadata };
export type ReservationCommand =
  /** `judged`: the caller's verdict on the holder it saw (reading the holder's tenant is I/O). */
  Cmd<'Reserve', { target: ReservationTarget; tenantId: string; judged?: { tenantId: string; verdict: HolderVerdict } }> | Cmd<'Release', { target: ReservationTarget; tenantId: string }>;

/** The name is held by a live (or still starting) signup: the caller answers with who holds it. */
export class NameHeld extends Error {
  constructor(
    readonly holderId: string,
    readonly verdict: 'live' | 'pending',
  ) {
    super(`held by ${holderId} (${verdict})`);
  }
}
/** The holder changed since the caller judged it: judge again. */
export class HolderChanged extends Error {}

export function decideReservation(command: ReservationCommand, state: ReservationState): EventDraft<ReservationEvent>[] {
  const { target, tenantId } = command.data;
  if (command.type === 'Release') return state.holder?.tenantId === tenantId ? [target.released(tenantId)] : [];
  if (state.holder?.tenantId === tenantId) return [];
  if (!state.holder) return [target.reserved(tenantId)];
  const judged = command.data.judged;
  if (judged?.tenantId !== state.holder.tenantId) throw new HolderChanged();
  if (judged.verdict === 'live' || judged.verdict === 'pending') throw new NameHeld(judged.tenantId, judged.verdict);
  // Released (its release event was lost) or orphaned: close its hold, then take ours.
  return [target.released(state.holder.tenantId), target.reserved(tenantId)];
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

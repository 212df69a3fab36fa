/**
 * Uniqueness as streams: `subdomain-<name>` and `admin-email-<sha256>`. A name is taken by
 * appending a Reserved event at the revision we read (`no_stream` for a new name), so of two
 * racing signups exactly one wins; the store decides, not a check-then-set.
 */
import { Inject, Injectable } from '@nestjs/common';
import { WrongExpectedRevisionError, type EventStore } from '@tlc/event-store';
import {
  adminEmailStream, emailHash, subdomainStream, type EventDraft, type ReservationEvent, type TenantState,
} from '@tlc/tenant-events';
import { EVENT_STORE } from '../config/tokens.js';
import type { CommandMetadata } from '../tenants/commands.js';
import { TenantRepository, readStreamOrEmpty, sealDrafts } from '../tenants/tenant-repository.js';
import { foldReservation, judgeHolder, type ReservationState } from './reservation-state.js';

export type ReserveOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly holder: TenantState; readonly verdict: 'live' | 'pending' };

type Kind = 'subdomain' | 'email';
interface Target {
  readonly kind: Kind;
  readonly stream: string;
  readonly reserved: (tenantId: string) => EventDraft<ReservationEvent>;
  readonly released: (tenantId: string) => EventDraft<ReservationEvent>;
}

const MAX_TRIES = 5;

@Injectable()
export class ReservationsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tenants: TenantRepository,
  ) {}

  subdomain(subdomain: string): Target {
    return {
      kind: 'subdomain', stream: subdomainStream(subdomain),
      reserved: (tenantId) => ({ type: 'SubdomainReserved', data: { tenantId, subdomain } }),
      released: (tenantId) => ({ type: 'SubdomainReleased', data: { tenantId, subdomain } }),
    };
  }

  email(normalizedEmail: string, subdomain: string): Target {
    const hash = emailHash(normalizedEmail);
    return {
      kind: 'email', stream: adminEmailStream(normalizedEmail),
      reserved: (tenantId) => ({ type: 'AdminEmailReserved', data: { tenantId, emailHash: hash, subdomain } }),
      released: (tenantId) => ({ type: 'AdminEmailReleased', data: { tenantId, emailHash: hash } }),
    };
  }

  async read(stream: string): Promise<ReservationState> {
    return foldReservation(await readStreamOrEmpty(this.store, stream));
  }

  /** The tenant holding a name, judged live/released/orphan/pending; undefined when nobody does. */
  async holderOf(stream: string, now: string) {
    const r = await this.read(stream);
    if (!r.holder) return undefined;
    const { state } = await this.tenants.load(r.holder.tenantId);
    return { reservation: r, state, verdict: judgeHolder(state, r.holder.reservedAt, now) };
  }

  async reserve(target: Target, tenantId: string, meta: CommandMetadata): Promise<ReserveOutcome> {
    for (let attempt = 0; ; attempt++) {
      const r = await this.read(target.stream);
      if (r.holder?.tenantId === tenantId) return { ok: true };
      const drafts: EventDraft<ReservationEvent>[] = [];
      if (r.holder) {
        const { state } = await this.tenants.load(r.holder.tenantId);
        const verdict = judgeHolder(state, r.holder.reservedAt, meta.now);
        if (verdict === 'live' || verdict === 'pending') return { ok: false, holder: state, verdict };
        // Released (its release event was lost) or orphaned: close its hold, then take ours.
        drafts.push(target.released(r.holder.tenantId));
      }
      drafts.push(target.reserved(tenantId));
      try {
        await this.store.append(target.stream, sealDrafts(drafts, meta, r.lastHash, `${target.stream}@${r.revision}`), r.revision < 0 ? 'no_stream' : r.revision);
        return { ok: true };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError) || attempt >= MAX_TRIES) throw e;
      }
    }
  }

  /** Ends `tenantId`'s hold, if it still has it. Deterministic ids make a redo a no-op. */
  async release(target: Target, tenantId: string, meta: CommandMetadata): Promise<void> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const r = await this.read(target.stream);
      if (r.holder?.tenantId !== tenantId) return;
      try {
        await this.store.append(target.stream, sealDrafts([target.released(tenantId)], meta, r.lastHash, `release:${target.stream}@${r.revision}`), r.revision);
        return;
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
      }
    }
  }

  /** Both holds of a tenant, after its tenant stream recorded SubdomainReleased. */
  async releaseAll(state: TenantState, meta: CommandMetadata): Promise<void> {
    await this.release(this.subdomain(state.subdomain), state.tenantId, meta);
    await this.release(this.email(state.adminEmail, state.subdomain), state.tenantId, meta);
  }
}

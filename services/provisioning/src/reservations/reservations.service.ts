/**
 * Uniqueness as streams: `subdomain-<name>` and `admin-email-<sha256>`. A name is taken by
 * appending a Reserved event at the revision we read (`no_stream` for a new name), so of two
 * racing signups exactly one wins; the store decides, not a check-then-set. The decision is
 * decideReservation's (reservation-state.ts), written through the one command handler.
 */
import { Inject, Injectable } from '@nestjs/common';
import { WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '@tlc/event-store';
import { SCHEMA_VERSIONS, adminEmailStream, emailHash, subdomainStream, type EventDraft, type ReservationEvent, type TenantState } from '@tlc/tenant-events';
import { EVENT_STORE } from '../config/tokens.js';
import { CommandHandler, type StreamDecider } from '../shared/command-handler.js';
import { readStream } from '../shared/read-stream.js';
import type { CommandMetadata } from '../tenants/commands.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import {
  HolderChanged,
  NameHeld,
  decideReservation,
  evolveReservation,
  foldReservation,
  initialReservation,
  judgeHolder,
  type ReservationCommand,
  type ReservationState,
  type ReservationTarget,
} from './reservation-state.js';

export type ReserveOutcome = { readonly ok: true } | { readonly ok: false; readonly holder: TenantState; readonly verdict: 'live' | 'pending' };

const MAX_TRIES = 5;

@Injectable()
export class ReservationsService {
  private readonly handler: CommandHandler;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tenants: TenantRepository,
  ) {
    this.handler = new CommandHandler(store);
  }

  subdomain(subdomain: string): ReservationTarget {
    return {
      kind: 'subdomain',
      stream: subdomainStream(subdomain),
      reserved: (tenantId) => ({ type: 'SubdomainReserved', data: { tenantId, subdomain } }),
      released: (tenantId) => ({ type: 'SubdomainReleased', data: { tenantId, subdomain } }),
    };
  }

  email(normalizedEmail: string, subdomain: string): ReservationTarget {
    const hash = emailHash(normalizedEmail);
    return {
      kind: 'email',
      stream: adminEmailStream(normalizedEmail),
      reserved: (tenantId) => ({ type: 'AdminEmailReserved', data: { tenantId, emailHash: hash, subdomain } }),
      released: (tenantId) => ({ type: 'AdminEmailReleased', data: { tenantId, emailHash: hash } }),
    };
  }

  async read(stream: string): Promise<ReservationState> {
    return foldReservation(await readStream(this.store, stream));
  }

  /** The tenant holding a name, judged live/released/orphan/pending; undefined when nobody does. */
  async holderOf(stream: string, now: string) {
    const r = await this.read(stream);
    if (!r.holder) return undefined;
    const { state } = await this.tenants.load(r.holder.tenantId);
    return { reservation: r, state, verdict: judgeHolder(state, r.holder.reservedAt, now) };
  }

  async reserve(target: ReservationTarget, tenantId: string, meta: CommandMetadata): Promise<ReserveOutcome> {
    for (let attempt = 0; ; attempt++) {
      const recorded = await readStream(this.store, target.stream);
      const r = foldReservation(recorded);
      // Judging the holder reads its tenant stream: I/O, so it happens here and the verdict rides on the command.
      const holder = r.holder && r.holder.tenantId !== tenantId ? (await this.tenants.load(r.holder.tenantId)).state : undefined;
      const judged = holder && r.holder ? { tenantId: r.holder.tenantId, verdict: judgeHolder(holder, r.holder.reservedAt, meta.now) } : undefined;
      try {
        await this.write({ type: 'Reserve', data: { target, tenantId, ...(judged ? { judged } : {}) }, metadata: meta }, r, recorded);
        return { ok: true };
      } catch (e) {
        if (e instanceof NameHeld) return { ok: false, holder: holder!, verdict: e.verdict };
        if (!(e instanceof WrongExpectedRevisionError || e instanceof HolderChanged) || attempt >= MAX_TRIES) throw e;
      }
    }
  }

  /** Ends `tenantId`'s hold, if it still has it. Deterministic ids make a redo a no-op. */
  async release(target: ReservationTarget, tenantId: string, meta: CommandMetadata): Promise<void> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const recorded = await readStream(this.store, target.stream);
      try {
        await this.write({ type: 'Release', data: { target, tenantId }, metadata: meta }, foldReservation(recorded), recorded);
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

  /** One decision on the state just read (the verdict was judged against it); a conflict goes back to the caller. */
  private write(command: ReservationCommand, state: ReservationState, recorded: readonly RecordedEvent[]) {
    const decider: StreamDecider<ReservationCommand, ReservationState, EventDraft<ReservationEvent>> = {
      streamOf: (c) => c.data.target.stream,
      initial: initialReservation,
      evolve: evolveReservation,
      decide: decideReservation,
      schemaVersion: (type) => SCHEMA_VERSIONS[type],
      // The same signup command reserves two names, and may try again at a later revision.
      idScope: (c, s) => `${c.type === 'Release' ? 'release:' : ''}${c.data.target.stream}@${s.revision}`,
      conflictRetries: 0,
      load: async () => ({ state, recorded }),
    };
    return this.handler.handle(decider, command);
  }
}

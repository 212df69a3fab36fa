/**
 * Loads a tenant stream (upcast + fold) and appends decided drafts with metadata, the hash
 * chain and the expected revision. Knows nothing of commands.
 */
import { Inject, Injectable } from '@nestjs/common';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@tlc/event-store';
import {
  GENESIS_HASH, SCHEMA_VERSIONS, chainEvents, evolve, initialTenantState, tenantStream, upcast,
  type AnyEvent, type EventDraft, type EventMetadata, type TenantEvent, type TenantState,
} from '@tlc/tenant-events';
import { EVENT_STORE } from '../config/tokens.js';
import { eventIdFor } from '../shared/ids.js';
import type { CommandMetadata } from './commands.js';

export interface LoadedTenant {
  readonly state: TenantState;
  readonly recorded: readonly RecordedEvent[];
}

export async function readStreamOrEmpty(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(stream);
  } catch (e) {
    if (e instanceof StreamNotFoundError) return [];
    throw e;
  }
}

export const foldRecorded = (recorded: readonly RecordedEvent[], until?: (e: RecordedEvent) => boolean): TenantState =>
  recorded.reduce<TenantState>((s, r) => (until && !until(r) ? s : evolve(s, upcast<TenantEvent>(r), r.revision)), initialTenantState);

/** An event ready to append: data plus sealed metadata. */
export interface SealedEvent<T extends string = string> {
  readonly type: T;
  readonly data: unknown;
  readonly metadata: EventMetadata & { readonly [key: string]: unknown };
}

/** Metadata + hash chain for drafts appended to any stream (tenant or reservation). */
export function sealDrafts<E extends AnyEvent>(drafts: readonly EventDraft<E>[], meta: CommandMetadata, prevHash: string | undefined, scope = ''): SealedEvent<E['type']>[] {
  return chainEvents<E['type'], unknown>(prevHash ?? GENESIS_HASH, drafts.map((d, i) => ({
    type: d.type,
    data: d.data,
    metadata: {
      eventId: eventIdFor(meta.commandId, i, scope),
      correlationId: meta.correlationId,
      causationId: meta.commandId,
      actor: meta.actor,
      occurredAt: meta.now,
      schemaVersion: SCHEMA_VERSIONS[d.type],
    },
  }))) as SealedEvent<E['type']>[];
}

@Injectable()
export class TenantRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(tenantId: string): Promise<LoadedTenant> {
    const recorded = await readStreamOrEmpty(this.store, tenantStream(tenantId));
    return { state: foldRecorded(recorded), recorded };
  }

  /** Appends at the revision the state was folded to; a concurrent writer makes it throw WrongExpectedRevisionError. */
  async append(state: TenantState, tenantId: string, drafts: readonly EventDraft<TenantEvent>[], meta: CommandMetadata) {
    const events = sealDrafts(drafts, meta, state.lastHash);
    const result = await this.store.append(tenantStream(tenantId), events, state.exists ? state.revision : 'no_stream');
    let next = state;
    events.forEach((e, i) => {
      next = evolve(next, e as unknown as TenantEvent, result.nextExpectedRevision - events.length + 1 + i);
    });
    return { state: next, events, position: result.position };
  }
}

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

export async function readStreamOrEmpty(store: EventStore, stream: string): Promise<RecordedEvent[]>;
/** From a revision on: undefined when the stream does not exist (any more). */
export async function readStreamOrEmpty(store: EventStore, stream: string, fromRevision: number): Promise<RecordedEvent[] | undefined>;
export async function readStreamOrEmpty(store: EventStore, stream: string, fromRevision?: number): Promise<RecordedEvent[] | undefined> {
  try {
    return await store.readStream(stream, fromRevision === undefined ? undefined : { fromRevision });
  } catch (e) {
    if (e instanceof StreamNotFoundError) return fromRevision === undefined ? [] : undefined;
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

/** How many tenants' folded streams are kept; the one loaded longest ago goes first. */
const CACHED_TENANTS = 512;

@Injectable()
export class TenantRepository {
  /**
   * The last load of recently used tenants. A load still reads the stream, but only past the
   * cached revision, and folds only those events: a tenant being provisioned is loaded a dozen
   * times and its stream grows to ~15 events: reading and folding it whole each time cost ~4 ms
   * of the service's CPU per signup, the tail ~2.6 ms (profile in docs/performance.md). Reading the
   * tail keeps it right with other instances appending; streams are append-only here (tenant
   * streams are never deleted), and a stream that reads as not found drops its entry.
   */
  private readonly cache = new Map<string, LoadedTenant>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(tenantId: string): Promise<LoadedTenant> {
    const cached = this.cache.get(tenantId);
    let loaded: LoadedTenant;
    if (cached) {
      const tail = await readStreamOrEmpty(this.store, tenantStream(tenantId), cached.state.revision + 1);
      if (tail === undefined) {
        this.cache.delete(tenantId);
        return { state: initialTenantState, recorded: [] };
      }
      loaded = tail.length === 0 ? cached : {
        state: tail.reduce<TenantState>((s, r) => evolve(s, upcast<TenantEvent>(r), r.revision), cached.state),
        recorded: [...cached.recorded, ...tail],
      };
    } else {
      loaded = await this.loadFromStore(tenantId);
      if (loaded.recorded.length === 0) return loaded; // no stream: nothing worth keeping
    }
    this.cache.delete(tenantId); // re-inserted last: the Map's order is the eviction order
    this.cache.set(tenantId, loaded);
    if (this.cache.size > CACHED_TENANTS) this.cache.delete(this.cache.keys().next().value as string);
    return loaded;
  }

  /**
   * The whole stream as stored now, past any cache: the audit view verifies the hash chain of
   * what the store holds, not of what this process read earlier. (The live view's replay after
   * a reconnect may come from the cache: it is a prefix of the same append-only stream.)
   */
  async loadFromStore(tenantId: string): Promise<LoadedTenant> {
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

/**
 * The storage port of the tenant lookup read model: one interface, three adapters (sqlite,
 * postgres, mongodb), one contract suite (store.contract.ts).
 *
 * Generations (blue/green): documents live in `<STORAGE_NAME>_g<n>`; the small
 * `projection_generations` record says which generation is live, which one is being built, and
 * each one's checkpoint. SQL stores point a view `<STORAGE_NAME>` at the live table and repoint
 * it in the same transaction that flips the record, so a reader never has to resolve anything.
 */
import type { RecordedEvent } from '@tlc/event-store';
import type { ListFilter, ListPage, LookupKey, TenantLookupDoc, TenantLookupQueries } from './tenant-lookup.js';

export type GenerationState = 'live' | 'building';

export interface GenerationInfo {
  readonly projection: string;
  readonly generation: number;
  readonly state: GenerationState;
  /** Position of the last event folded in; -1 when nothing yet (subscriptions start after it). */
  readonly checkpoint: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** `stale`: the generation written to is no longer in the expected state (a rebuild switched it). */
export type CommitResult = { readonly ok: true; readonly written: number } | { readonly ok: false; readonly reason: 'stale' };

export type PromoteResult =
  | { readonly ok: true; readonly retired: number }
  /** The live generation has moved past the candidate's checkpoint: catch up and try again. */
  | { readonly ok: false; readonly liveCheckpoint: number };

export interface ReadModelStore extends TenantLookupQueries {
  readonly kind: 'sqlite' | 'postgres' | 'mongodb';
  /** For banners and status output; never contains a password. */
  readonly description: string;
  /** Creates the bookkeeping and, on an empty store, generation 1 as live. Idempotent. */
  init(): Promise<void>;
  generations(): Promise<GenerationInfo[]>;
  live(): Promise<GenerationInfo>;
  /**
   * Folds `events` (positions above the generation's checkpoint; earlier ones are skipped) into
   * generation `generation` and moves its checkpoint to the last position, in one transaction
   * where the store has them. Refused with `stale` unless the generation is in state `expect`.
   * `cache`, for a generation's only writer (a rebuild), holds documents as last committed: the
   * store reads those from it instead of the table, and puts every committed document in it.
   */
  commit(generation: number, expect: GenerationState, events: readonly RecordedEvent[], cache?: DocCache): Promise<CommitResult>;
  /** The generation being built, creating an empty one when none is (a rerun resumes it). */
  beginRebuild(): Promise<GenerationInfo>;
  /**
   * Atomically makes `generation` live if it has caught up with the live one (its checkpoint
   * is at or past the live checkpoint); then the old generation is dropped.
   */
  promote(generation: number): Promise<PromoteResult>;
  /** Abandons a building generation (its table goes). */
  discard(generation: number): Promise<void>;
  /** Every document of one generation, ordered by tenantId (audits and tests). */
  dump(generation: number): Promise<TenantLookupDoc[]>;
  close(): Promise<void>;
}

/** Documents by tenant id, as committed; a writer that fails must drop it (it may be ahead). */
export type DocCache = Map<string, TenantLookupDoc>;

/** Splits a page's tenants into those the cache knows and those to load from the table. */
export function fromCache(ids: readonly string[], cache: DocCache | undefined): { known: Map<string, TenantLookupDoc>; missing: string[] } {
  const known = new Map<string, TenantLookupDoc>();
  const missing: string[] = [];
  for (const id of ids) {
    const d = cache?.get(id);
    if (d) known.set(id, d);
    else missing.push(id);
  }
  return { known, missing };
}

/** Called after the transaction committed; keeps the cache bounded by starting over when full. */
export function remember(cache: DocCache | undefined, docs: readonly TenantLookupDoc[], max = 200_000): void {
  if (!cache) return;
  if (cache.size + docs.length > max) cache.clear();
  for (const d of docs) cache.set(d.tenantId, d);
}

export class ReadModelConfigError extends Error {
  readonly code = 'READ_MODEL.BAD_URL';
  constructor(message: string) {
    super(message);
    this.name = 'ReadModelConfigError';
  }
}

export class GenerationError extends Error {
  readonly code = 'READ_MODEL.GENERATION';
  constructor(message: string) {
    super(message);
    this.name = 'GenerationError';
  }
}

export type { ListFilter, ListPage, LookupKey, TenantLookupDoc };

export const generationTable = (storageName: string, generation: number): string => `${storageName}_g${generation}`;

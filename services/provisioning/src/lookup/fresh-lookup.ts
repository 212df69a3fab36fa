/**
 * The read model behind an in-process cache that follows the projection's checkpoint, for
 * `GET /v1/lookup` (bench B3: a SQLite query, a JSON.parse and a JSON.stringify per request
 * were the route's own cost).
 *
 * Why this stays correct: every projector commit moves the live generation's checkpoint (SQL
 * stores in the same transaction as the documents, MongoDB right after them), and a rebuild
 * changes the generation. At most every `checkEveryMs` a lookup reads `live()` first (the ones
 * arriving meanwhile wait for that same read); when generation or checkpoint differ from the
 * last seen, the whole cache is dropped. So an answer reflects every commit made before the
 * most recent check began, and checks are at most `checkEveryMs` apart: a changed tenant is
 * served stale for at most CHECKPOINT_CHECK_MS (+ one `live()` read) after the projector
 * committed it. The CachedTenantLookup TTLs (5 s hits, 1 s misses) stay as a backstop.
 *
 * A read model that does not answer: the check fails, the cache is dropped, the caller answers
 * 503, and the next lookup checks again (cached answers outlive an outage by at most the same
 * bound).
 */
import { CachedTenantLookup, lookupKey, type ReadModelStore, type TenantLookupDoc } from '@tlc/tenant-lookup';
import type { LookupBy } from './lookup-query.js';

export const CHECKPOINT_CHECK_MS = 100;

export interface FreshLookupOptions {
  readonly checkEveryMs?: number;
  readonly now?: () => number;
}

export interface LookupAnswer {
  readonly doc: TenantLookupDoc;
  /** `doc` as JSON, serialised once per cached document rather than once per request. */
  readonly json: string;
}

export class FreshTenantLookup {
  private readonly cache: CachedTenantLookup;
  private readonly json = new WeakMap<TenantLookupDoc, string>();
  private readonly checkEveryMs: number;
  private readonly now: () => number;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private seen: string | undefined;
  private checking: Promise<void> | undefined;

  constructor(private readonly store: Pick<ReadModelStore, 'find' | 'live'>, options: FreshLookupOptions = {}) {
    this.now = options.now ?? Date.now;
    this.checkEveryMs = options.checkEveryMs ?? CHECKPOINT_CHECK_MS;
    this.cache = new CachedTenantLookup(store, { now: this.now });
  }

  /** null: no tenant has it. Rejects when the read model does not answer. */
  async find(by: LookupBy, value: string): Promise<LookupAnswer | null> {
    const due = this.due();
    if (due) await due;
    const doc = await this.cache.find(lookupKey(by, value));
    if (!doc) return null;
    let json = this.json.get(doc);
    if (json === undefined) {
      json = JSON.stringify(doc);
      this.json.set(doc, json);
    }
    return { doc, json };
  }

  /** The pending checkpoint check, or undefined when the last one is recent (no await on the hot path). */
  private due(): Promise<void> | undefined {
    if (this.checking) return this.checking;
    const startedAt = this.now();
    if (startedAt - this.checkedAt < this.checkEveryMs) return undefined;
    this.checking = this.check(startedAt).finally(() => { this.checking = undefined; });
    return this.checking;
  }

  private async check(startedAt: number): Promise<void> {
    try {
      const live = await this.store.live();
      const version = `${live.generation}:${live.checkpoint}`;
      if (version !== this.seen) {
        this.cache.clear();
        this.seen = version;
      }
      this.checkedAt = startedAt;
    } catch (err) {
      this.cache.clear();
      this.seen = undefined;
      throw err;
    }
  }
}

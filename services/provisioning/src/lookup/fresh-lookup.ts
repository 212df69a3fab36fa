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
 * committed it. The CachedTenantLookup TTL (30 s, hits and misses) is only a backstop.
 *
 * A read model that does not answer: the check fails, the cache is dropped, the caller answers
 * 503, and the next lookup checks again (cached answers outlive an outage by at most the same
 * bound).
 */
import { CachedTenantLookup, lookupKey, type ReadModelStore, type TenantLookupDoc } from '@tlc/tenant-lookup';
import type { LookupBy } from './lookup-query.js';

export const CHECKPOINT_CHECK_MS = 100;
/** Freshness comes from the checkpoint checks; the TTL only bounds what a missed check could cost. */
const BACKSTOP_TTL_MS = 30_000;

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
  /**
   * A cache hit returns the very promise it stored, so the answer built on it is kept beside
   * it: a hit then allocates nothing. Entries go when the cache lets go of the promise.
   */
  private readonly answers = new WeakMap<Promise<TenantLookupDoc | null>, Promise<LookupAnswer | null>>();
  private readonly checkEveryMs: number;
  private readonly now: () => number;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private seen: string | undefined;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<ReadModelStore, 'find' | 'live'>,
    options: FreshLookupOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.checkEveryMs = options.checkEveryMs ?? CHECKPOINT_CHECK_MS;
    this.cache = new CachedTenantLookup(store, { ttlMs: BACKSTOP_TTL_MS, missTtlMs: BACKSTOP_TTL_MS, now: this.now });
  }

  /** null: no tenant has it. Rejects when the read model does not answer. */
  find(by: LookupBy, value: string): Promise<LookupAnswer | null> {
    const due = this.due();
    return due ? due.then(() => this.answer(by, value)) : this.answer(by, value);
  }

  private answer(by: LookupBy, value: string): Promise<LookupAnswer | null> {
    const found = this.cache.find(lookupKey(by, value));
    let answer = this.answers.get(found);
    if (!answer) {
      answer = found.then((doc) => (doc ? { doc, json: JSON.stringify(doc) } : null));
      this.answers.set(found, answer);
    }
    return answer;
  }

  /** The pending checkpoint check, or undefined when the last one is recent (no await on the hot path). */
  private due(): Promise<void> | undefined {
    if (this.checking) return this.checking;
    const startedAt = this.now();
    if (startedAt - this.checkedAt < this.checkEveryMs) return undefined;
    this.checking = this.check(startedAt).finally(() => {
      this.checking = undefined;
    });
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

/**
 * An in-process TTL cache in front of the read model, for callers that look a tenant up on
 * every request (the web proxy, sign-in). Concurrent misses for one key share one store query;
 * misses are cached for a shorter time so a tenant that just signed up appears quickly.
 */
import { lookupKey, type LookupKey, type TenantLookupDoc, type TenantLookupQueries } from './tenant-lookup.js';

export interface CachedLookupOptions {
  readonly ttlMs?: number;
  readonly missTtlMs?: number;
  readonly maxEntries?: number;
  readonly now?: () => number;
}

export class CachedTenantLookup {
  private readonly entries = new Map<string, { until: number; value: Promise<TenantLookupDoc | null> }>();
  private readonly ttlMs: number;
  private readonly missTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly source: Pick<TenantLookupQueries, 'find'>,
    options: CachedLookupOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 5000;
    this.missTtlMs = options.missTtlMs ?? 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  bySubdomain(subdomain: string): Promise<TenantLookupDoc | null> {
    return this.find(lookupKey('subdomain', subdomain));
  }

  byEmail(email: string): Promise<TenantLookupDoc | null> {
    return this.find(lookupKey('email', email));
  }

  byId(tenantId: string): Promise<TenantLookupDoc | null> {
    return this.find(lookupKey('id', tenantId));
  }

  find(key: LookupKey): Promise<TenantLookupDoc | null> {
    const id = `${key.by}\u0000${key.value}`;
    const now = this.now();
    const hit = this.entries.get(id);
    if (hit && hit.until > now) return hit.value;
    const value = this.source.find(key);
    this.entries.delete(id);
    this.entries.set(id, { until: now + this.ttlMs, value });
    // Errors are not cached; misses get the shorter TTL once we know it is a miss.
    value.then(
      (doc) => {
        if (!doc) this.expire(id, now + this.missTtlMs, value);
      },
      () => this.expire(id, 0, value),
    );
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Forget everything (e.g. after an operator action that must show at once). */
  clear(): void {
    this.entries.clear();
  }

  private expire(id: string, until: number, value: Promise<TenantLookupDoc | null>): void {
    const e = this.entries.get(id);
    if (e && e.value === value) {
      if (until <= 0) this.entries.delete(id);
      else e.until = Math.min(e.until, until);
    }
  }
}

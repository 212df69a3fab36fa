/**
 * Tenant reads, in process, through the tenant-lookup read model's own queries
 * (@tlc/tenant-lookup). Chosen over the API's GET /v1/lookup because the dashboard and sign-in
 * keep working while the write side is down or busy, a lookup costs no network hop, and the
 * ETA needs `listTenants`, which the API does not offer. One store per server process.
 */
import { CachedTenantLookup, findByEmail, findById, findBySubdomain, listTenants, openReadModel, type TenantLookupDoc, type TenantLookupQueries } from '@tlc/tenant-lookup';
import { config } from './config';

export type { TenantLookupDoc };

const g = globalThis as unknown as { __tlcLookup?: Promise<TenantLookupQueries>; __tlcCached?: CachedTenantLookup };
function store(): Promise<TenantLookupQueries> {
  g.__tlcLookup ??= openReadModel(config().readModelUrl).catch((err: unknown) => {
    g.__tlcLookup = undefined;
    throw err;
  });
  return g.__tlcLookup;
}

/**
 * Host checks run on every tenant-host request: they go through the package's cached lookup
 * (short TTLs, so a fresh tenant or a status change shows within a second or two).
 */
export async function cachedTenantBySubdomain(subdomain: string): Promise<TenantLookupDoc | null> {
  const s = await store();
  g.__tlcCached ??= new CachedTenantLookup(s, { ttlMs: 2000, missTtlMs: 500 });
  return g.__tlcCached.bySubdomain(subdomain);
}

export const tenantBySubdomain = async (subdomain: string) => findBySubdomain(await store(), subdomain);
export const tenantByEmail = async (email: string) => findByEmail(await store(), email);
export const tenantById = async (tenantId: string) => findById(await store(), tenantId);

/** A tenant that holds its name now (not given back by a rollback or deprovisioning). */
export const isLive = (doc: TenantLookupDoc | null): doc is TenantLookupDoc => doc !== null && !doc.released && doc.status !== 'Deprovisioned';

/**
 * Median duration per step key over the most recent activated tenants: the ETA on the progress
 * page. Empty when nobody was provisioned yet (the page then shows no ETA rather than a guess).
 */
export async function stepMedians(sample = 50): Promise<Record<string, number>> {
  const page = await listTenants(await store(), { status: ['Active', 'Suspended'], limit: sample });
  const byKey = new Map<string, number[]>();
  for (const doc of page.items) {
    for (const s of doc.steps) {
      if (s.status === 'succeeded' && typeof s.durationMs === 'number') byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.durationMs]);
    }
  }
  const out: Record<string, number> = {};
  for (const [key, values] of byKey) {
    const sorted = [...values].sort((a, b) => a - b);
    out[key] = sorted[Math.floor(sorted.length / 2)];
  }
  return out;
}

import { CachedTenantLookup } from './cached-lookup.js';
import type { LookupKey, TenantLookupDoc } from './tenant-lookup.js';

const doc = (tenantId: string): TenantLookupDoc => ({ tenantId }) as TenantLookupDoc;

function source(answers: Record<string, TenantLookupDoc | null>) {
  const calls: string[] = [];
  return {
    calls,
    find: async (k: LookupKey) => {
      calls.push(`${k.by}:${k.value}`);
      const a = answers[k.value];
      if (a === undefined) throw new Error('store down');
      return a;
    },
  };
}

describe('CachedTenantLookup', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('serves hits from memory until the TTL passes, keyed by the normalised value', async () => {
    const src = source({ acme: doc('t1') });
    const cache = new CachedTenantLookup(src, { ttlMs: 5000, now: clock });
    expect((await cache.bySubdomain('ACME'))?.tenantId).toBe('t1');
    expect((await cache.bySubdomain(' acme '))?.tenantId).toBe('t1');
    expect(src.calls).toEqual(['subdomain:acme']);
    now += 5001;
    await cache.bySubdomain('acme');
    expect(src.calls).toHaveLength(2);
  });

  it('shares one store query between concurrent misses', async () => {
    const src = source({ acme: doc('t1') });
    const cache = new CachedTenantLookup(src, { now: clock });
    await Promise.all([cache.bySubdomain('acme'), cache.bySubdomain('acme'), cache.bySubdomain('acme')]);
    expect(src.calls).toHaveLength(1);
  });

  it('keeps misses only briefly and never caches errors', async () => {
    const src = source({ ghost: null });
    const cache = new CachedTenantLookup(src, { ttlMs: 5000, missTtlMs: 500, now: clock });
    expect(await cache.bySubdomain('ghost')).toBeNull();
    now += 400;
    await cache.bySubdomain('ghost');
    expect(src.calls).toHaveLength(1);
    now += 200;
    await cache.bySubdomain('ghost');
    expect(src.calls).toHaveLength(2);

    await expect(cache.byEmail('down@example.com')).rejects.toThrow('store down');
    await expect(cache.byEmail('down@example.com')).rejects.toThrow('store down');
    expect(src.calls.filter((c) => c.startsWith('email:'))).toHaveLength(2);
  });

  it('evicts the oldest entry beyond maxEntries', async () => {
    const src = source({ a: doc('a'), b: doc('b'), c: doc('c') });
    const cache = new CachedTenantLookup(src, { maxEntries: 2, now: clock });
    await cache.byId('a');
    await cache.byId('b');
    await cache.byId('c');
    await cache.byId('a');
    expect(src.calls).toEqual(['id:a', 'id:b', 'id:c', 'id:a']);
  });
});

import { SCHEMA_VERSIONS } from '@tlc/tenant-events';
import { sampleHistories, sampleHistory } from './sample-histories.js';
import { compareLiveFirst, foldPage, lookupKey, type TenantLookupDoc } from './tenant-lookup.js';
import { asLog } from './test-support/recorded.js';

const foldAll = (events: ReturnType<typeof asLog>, pageSize: number): Map<string, TenantLookupDoc> => {
  const docs = new Map<string, TenantLookupDoc>();
  for (let i = 0; i < events.length; i += pageSize) {
    for (const d of foldPage(events.slice(i, i + pageSize), docs)) docs.set(d.tenantId, d);
  }
  return docs;
};

describe('tenant lookup evolve', () => {
  it('builds an active tenant with steps, times, site URL and a normalised email', () => {
    const h = sampleHistory(0);
    const [doc] = foldPage(asLog([h]), new Map());
    expect(doc).toMatchObject({
      tenantId: h.tenantId,
      subdomain: h.subdomain,
      organization: 'Org 0',
      adminEmail: 'admin0@example.com',
      status: 'Active',
      siteUrl: `https://${h.subdomain}.example.com`,
      suspended: false,
      released: false,
      revision: h.events.length - 1,
      createdAt: h.events[0].metadata.occurredAt,
      activatedAt: h.events[h.events.length - 1].metadata.occurredAt,
    });
    expect(doc.steps.map((s) => [s.key, s.status])).toEqual([
      ['new-site', 'succeeded'],
      ['install-app:erpnext', 'succeeded'],
      ['add-system-manager', 'succeeded'],
      ['api-keys', 'succeeded'],
      ['set-host-name', 'succeeded'],
    ]);
    expect(doc.steps[0]).toMatchObject({ attempts: 1, startedAt: h.events[1].metadata.occurredAt, endedAt: h.events[2].metadata.occurredAt, durationMs: 3000 });
  });

  it('never stores a secret', () => {
    const docs = [...foldAll(asLog(sampleHistories(20)), 7).values()];
    const json = JSON.stringify(docs);
    expect(json).not.toMatch(/scrypt|ciphertext|A256GCM|adminPassword|apiSecret|apiKey/);
  });

  it('is idempotent: replaying pages, or any page split, gives the same documents', () => {
    const log = asLog(sampleHistories(30));
    const once = foldAll(log, log.length);
    expect(foldAll(log, 1)).toEqual(once);
    expect(foldAll(log, 13)).toEqual(once);
    const replayed = new Map(once);
    for (const d of foldPage(log.slice(0, 100), replayed)) replayed.set(d.tenantId, d);
    expect(replayed).toEqual(once);
  });

  it('tracks rollback, release, suspension and deprovisioning', () => {
    const docs = foldAll(asLog(sampleHistories(10)), 50);
    const byIndex = (i: number) => docs.get(sampleHistory(i).tenantId)!;
    expect(byIndex(3)).toMatchObject({ status: 'RolledBack', released: true, siteUrl: null });
    expect(byIndex(3).steps.find((s) => s.key === 'install-app:erpnext')?.status).toBe('failed');
    expect(byIndex(3).steps.find((s) => s.key === 'drop-site')?.status).toBe('succeeded');
    expect(byIndex(6)).toMatchObject({ status: 'Suspended', suspended: true });
    expect(byIndex(8)).toMatchObject({ status: 'Deprovisioned', released: true });
    expect(byIndex(9)).toMatchObject({ status: 'Provisioning', activatedAt: null });
  });

  it('a released subdomain never shadows the tenant that holds it now', () => {
    const hs = sampleHistories(10);
    expect(hs[4].subdomain).toBe(hs[3].subdomain);
    const docs = [...foldAll(asLog(hs), 50).values()].filter((d) => d.subdomain === hs[3].subdomain);
    expect(docs).toHaveLength(2);
    // Whatever order they come in, the holder wins.
    expect([...docs].sort(compareLiveFirst)[0].tenantId).toBe(hs[4].tenantId);
    expect([...docs].reverse().sort(compareLiveFirst)[0].tenantId).toBe(hs[4].tenantId);
  });

  it('upcasts a v1 SignupRequested (no apps) before folding', () => {
    const h = sampleHistory(1);
    const [first] = asLog([h]);
    const { apps: _apps, identityProvider: _idp, ...v1 } = first.data as Record<string, unknown>;
    expect(SCHEMA_VERSIONS.SignupRequested).toBeGreaterThan(1);
    const [doc] = foldPage([{ ...first, data: v1, metadata: { ...first.metadata, schemaVersion: 1 } }], new Map());
    expect(doc.steps.map((s) => s.key)).toContain('install-app:erpnext');
  });

  it('ignores events of other streams and normalises lookup keys', () => {
    const [first] = asLog([sampleHistory(2)]);
    expect(foldPage([{ ...first, streamId: 'subdomain-x', type: 'SubdomainReserved' }], new Map())).toEqual([]);
    expect(lookupKey('email', '  Admin@Example.COM ')).toEqual({ by: 'email', value: 'admin@example.com' });
    expect(lookupKey('subdomain', 'ACME ')).toEqual({ by: 'subdomain', value: 'acme' });
  });
});

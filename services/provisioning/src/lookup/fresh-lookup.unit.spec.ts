import type { GenerationInfo, LookupKey, TenantLookupDoc } from '@tlc/tenant-lookup';
import { FreshTenantLookup } from './fresh-lookup.js';

/** A read model in memory: documents by subdomain, a live generation, call counts, an off switch. */
class FakeReadModel {
  docs = new Map<string, TenantLookupDoc>();
  generation = 1;
  checkpoint = 10;
  down = false;
  finds = 0;
  lives = 0;

  async find(key: LookupKey): Promise<TenantLookupDoc | null> {
    this.finds += 1;
    if (this.down) throw new Error('database is locked');
    return key.by === 'subdomain' ? (this.docs.get(key.value) ?? null) : null;
  }

  async live(): Promise<GenerationInfo> {
    this.lives += 1;
    if (this.down) throw new Error('database is locked');
    return { projection: 'tenant-lookup', generation: this.generation, state: 'live', checkpoint: this.checkpoint, createdAt: '', updatedAt: '' };
  }

  /** What a projector commit does: new documents and a moved checkpoint. */
  commit(doc: TenantLookupDoc): void {
    this.docs.set(doc.subdomain, doc);
    this.checkpoint += 1;
  }
}

const doc = (subdomain: string, status: TenantLookupDoc['status'] = 'Active'): TenantLookupDoc => ({
  tenantId: `id-${subdomain}`,
  subdomain,
  organization: 'Org',
  adminEmail: `a@${subdomain}.test`,
  status,
  steps: [],
  siteUrl: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  activatedAt: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  suspended: status === 'Suspended',
  standbySite: null,
  released: false,
  revision: 3,
  position: 10,
});

describe('FreshTenantLookup', () => {
  let rm: FakeReadModel;
  let clock: number;
  let lookup: FreshTenantLookup;

  beforeEach(() => {
    rm = new FakeReadModel();
    rm.commit(doc('acme'));
    clock = 1_000;
    lookup = new FreshTenantLookup(rm, { checkEveryMs: 100, now: () => clock });
  });

  it('answers repeated lookups from memory, with the JSON serialised once, normalising the key', async () => {
    const first = await lookup.find('subdomain', 'ACME ');
    expect(first?.doc.tenantId).toBe('id-acme');
    expect(JSON.parse(first!.json)).toEqual(rm.docs.get('acme'));
    clock += 50;
    const second = await lookup.find('subdomain', 'acme');
    // The same answer object: nothing was re-read, re-built or re-serialised.
    expect(second).toBe(first);
    expect([rm.finds, rm.lives]).toEqual([1, 1]);
  });

  it('checks the checkpoint at most once per interval, and keeps the cache while it has not moved', async () => {
    await lookup.find('subdomain', 'acme');
    clock += 99;
    await lookup.find('subdomain', 'acme');
    expect(rm.lives).toBe(1);
    clock += 1;
    await lookup.find('subdomain', 'acme');
    expect([rm.lives, rm.finds]).toEqual([2, 1]);
  });

  it('keeps answers while the checkpoint stands, re-reading them after the 30 s backstop TTL', async () => {
    await lookup.find('subdomain', 'acme');
    clock += 29_999;
    await lookup.find('subdomain', 'acme');
    expect([rm.finds, rm.lives]).toEqual([1, 2]);
    clock += 1;
    await lookup.find('subdomain', 'acme');
    expect(rm.finds).toBe(2);
  });

  it('drops cached answers and misses once a check sees the checkpoint moved', async () => {
    expect(await lookup.find('subdomain', 'newco')).toBeNull();
    await lookup.find('subdomain', 'acme');
    rm.commit(doc('acme', 'Suspended'));
    rm.commit(doc('newco'));
    // Within the interval the old answers stand: this is the staleness bound, not a bug.
    clock += 99;
    expect((await lookup.find('subdomain', 'acme'))?.doc.status).toBe('Active');
    clock += 1;
    expect((await lookup.find('subdomain', 'acme'))?.doc.status).toBe('Suspended');
    expect((await lookup.find('subdomain', 'newco'))?.doc.tenantId).toBe('id-newco');
  });

  it('drops the cache when a rebuild switches the generation, even at the same checkpoint', async () => {
    await lookup.find('subdomain', 'acme');
    rm.docs.set('acme', doc('acme', 'Broken'));
    rm.generation = 2;
    clock += 100;
    expect((await lookup.find('subdomain', 'acme'))?.doc.status).toBe('Broken');
  });

  it('lets lookups arriving during a check wait for that one check', async () => {
    const answers = await Promise.all([lookup.find('subdomain', 'acme'), lookup.find('subdomain', 'acme'), lookup.find('subdomain', 'nobody')]);
    expect(answers.map((a) => a?.doc.subdomain ?? null)).toEqual(['acme', 'acme', null]);
    expect([rm.lives, rm.finds]).toEqual([1, 2]);
  });

  it('rejects when the read model does not answer, forgets what it held, and checks again next time', async () => {
    await lookup.find('subdomain', 'acme');
    rm.down = true;
    clock += 100;
    await expect(lookup.find('subdomain', 'acme')).rejects.toThrow('database is locked');
    await expect(lookup.find('subdomain', 'acme')).rejects.toThrow('database is locked');
    expect(rm.lives).toBe(3);
    rm.down = false;
    rm.docs.set('acme', doc('acme', 'Suspended'));
    // Same checkpoint as before the outage, yet nothing cached from before it is served.
    expect((await lookup.find('subdomain', 'acme'))?.doc.status).toBe('Suspended');
  });

  it('does not cache a failed store read', async () => {
    rm.down = true;
    await expect(lookup.find('subdomain', 'acme')).rejects.toThrow();
    rm.down = false;
    expect((await lookup.find('subdomain', 'acme'))?.doc.tenantId).toBe('id-acme');
  });
});

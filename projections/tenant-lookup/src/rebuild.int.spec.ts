/**
 * Blue/green rebuild over 10,000 sample tenants (about 117,000 events) on SQLite and
 * PostgreSQL read models: equal to the live model, zero reader errors and misses, resumable.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@tlc/event-store';
import { rebuildTenantLookup } from './rebuild.js';
import { TenantLookupProjector } from './runner.js';
import { appendSampleHistories, sampleHistory, type SampleHistory } from './sample-histories.js';
import { PostgresReadModelStore } from './postgres-store.js';
import { SqliteReadModelStore } from './sqlite-store.js';
import type { ReadModelStore } from './store.js';
import { findByEmail, findBySubdomain } from './tenant-lookup.js';
import { expectedDocs, sampleEventLog } from './test-support/event-log.js';
import { createTestDatabase } from '@tlc/event-store/testing';

const LONG = 600_000;

const TENANTS = Number(process.env.TL_TEST_TENANTS ?? 10_000);
let log: Awaited<ReturnType<typeof sampleEventLog>>;

beforeAll(async () => {
  log = await sampleEventLog(TENANTS);
}, LONG);
afterAll(async () => {
  await log?.cleanup();
});

type Opened = { store: ReadModelStore; reopen: () => ReadModelStore; cleanup: () => Promise<void> };
const kinds: Array<[string, () => Promise<Opened>]> = [
  [
    'sqlite',
    async () => {
      const file = join(log.dir, `rm-${Date.now()}.db`);
      return { store: new SqliteReadModelStore(file), reopen: () => new SqliteReadModelStore(file), cleanup: async () => rmSync(file, { force: true }) };
    },
  ],
  [
    'postgres',
    async () => {
      const db = await createTestDatabase('tl_rebuild');
      return { store: new PostgresReadModelStore(db.url), reopen: () => new PostgresReadModelStore(db.url), cleanup: db.drop };
    },
  ],
];

/** Looks up random tenants that exist until stopped; counts errors and misses. */
function readerLoop(store: ReadModelStore, histories: readonly SampleHistory[]) {
  const stats = { lookups: 0, errors: 0, misses: 0, firstError: '' };
  let stop = false;
  // Tenants with i % 10 === 3 handed their subdomain to tenant i + 1: look up the holders only.
  const holders = histories.filter((_, i) => i % 10 !== 3);
  const done = (async () => {
    for (let n = 0; !stop; n++) {
      const h = holders[(n * 7919) % holders.length];
      try {
        const i = histories.indexOf(h);
        const doc = n % 2 === 0 ? await findBySubdomain(store, h.subdomain) : await findByEmail(store, `admin${i}@example.com`);
        if (doc?.tenantId !== h.tenantId) stats.misses += 1;
      } catch (err) {
        stats.errors += 1;
        stats.firstError ||= String(err);
      }
      stats.lookups += 1;
      if (n % 20 === 0) await new Promise((r) => setImmediate(r));
    }
  })();
  return {
    stats,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

describe.each(kinds)('rebuild on a %s read model', (kind, open) => {
  let o: Opened;
  let es: EventStore;
  beforeAll(async () => {
    o = await open();
    es = log.es;
    await o.store.init();
  }, LONG);
  afterAll(async () => {
    await o.store.close();
    await o.cleanup();
  });

  it(
    'a rebuild of 10,000 tenants equals the live read model, while readers see no error and no miss',
    async () => {
      const projector = new TenantLookupProjector(o.store, es, { batchSize: 500 });
      projector.start();
      try {
        await projector.waitFor(await es.headPosition());
        const live = await o.store.dump((await o.store.live()).generation);
        // Each store's run appends two more tenants to the shared log, hence "at least".
        expect(live.length).toBeGreaterThanOrEqual(TENANTS);
        expect(live).toEqual(await expectedDocs(es));

        // A separate connection plays the web: it keeps looking tenants up through the whole rebuild.
        const readerStore = o.reopen();
        const reader = readerLoop(readerStore, log.histories);
        const rebuilt = await rebuildTenantLookup(o.store, es, { batchSize: 5000 });
        await reader.stop();
        await readerStore.close();
        expect(rebuilt).toMatchObject({ generation: 2, retiredGeneration: 1 });
        expect(await o.store.dump(2)).toEqual(live);
        expect(reader.stats.lookups).toBeGreaterThan(0);
        expect(reader.stats).toMatchObject({ errors: 0, misses: 0 });

        // The live projector noticed the switch and follows into the new generation.
        const base = TENANTS + 10 * kinds.findIndex(([k]) => k === kind);
        const extra = [sampleHistory(base + 1), sampleHistory(base + 2)];
        await appendSampleHistories(es, extra);
        await projector.waitFor(await es.headPosition());
        expect(projector.status.generation).toBe(2);
        expect((await findBySubdomain(o.store, extra[1].subdomain))?.tenantId).toBe(extra[1].tenantId);
        expect(await o.store.dump(2)).toEqual(await expectedDocs(es));
      } finally {
        await projector.stop();
      }
    },
    LONG,
  );

  it(
    'a rebuild interrupted half-way resumes from its checkpoint and ends equal',
    async () => {
      const abort = new AbortController();
      const head = await es.headPosition();
      await expect(
        rebuildTenantLookup(o.store, es, {
          batchSize: 2000,
          signal: abort.signal,
          onProgress: (p) => {
            if (p.checkpoint > head / 2) abort.abort();
          },
        }),
      ).rejects.toThrow();
      const building = (await o.store.generations()).find((g) => g.state === 'building')!;
      expect(building.checkpoint).toBeGreaterThan(head / 2);
      expect(building.checkpoint).toBeLessThan(head);

      const resumed = await rebuildTenantLookup(o.store, es, { batchSize: 2000 });
      expect(resumed.resumedFrom).toBe(building.checkpoint);
      expect(resumed.processed).toBeLessThan(head / 2 + 2000);
      expect(await o.store.dump(resumed.generation)).toEqual(await expectedDocs(es));
    },
    LONG,
  );
});

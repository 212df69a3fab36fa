/**
 * `tenantctl projections rebuild tenant-lookup` as a real child process: SIGKILLed half-way,
 * run again it resumes from its own checkpoint and ends equal to the live read model, while a
 * reader on its own connection looks tenants up through the whole resumed rebuild and the
 * switch, with zero errors and zero misses. On SQLite and on PostgreSQL read models.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore } from '@tlc/event-store';
import { appendSampleHistories, catchUpLive, findBySubdomain, openReadModel, sampleHistories, type ReadModelStore, type SampleHistory } from '@tlc/tenant-lookup';
import { assertBuilt, spawnTenantctl } from './test-support/run-cli.js';
import { createTestDatabase } from '@tlc/event-store/testing';

const T = 600_000;
const TENANTS = 3000;
let dir: string;
let es: EventStore;
let hs: SampleHistory[];
let esUrl: string;

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'tenantctl-rebuild-'));
  esUrl = `sqlite:${join(dir, 'events.db')}`;
  es = await createEventStore(esUrl);
  hs = sampleHistories(TENANTS);
  await appendSampleHistories(es, hs, { chunk: 6 });
}, T);
afterAll(async () => {
  await es?.close();
  rmSync(dir, { recursive: true, force: true });
});

function readerLoop(store: ReadModelStore) {
  const stats = { lookups: 0, errors: 0, misses: 0, firstError: '' };
  let stop = false;
  const holders = hs.filter((_, i) => i % 10 !== 3); // i % 10 === 3 handed its subdomain on
  const done = (async () => {
    for (let n = 0; !stop; n++) {
      const h = holders[(n * 7919) % holders.length];
      try {
        if ((await findBySubdomain(store, h.subdomain))?.tenantId !== h.tenantId) stats.misses += 1;
      } catch (err) {
        stats.errors += 1;
        stats.firstError ||= String(err);
      }
      stats.lookups += 1;
      await new Promise((r) => setTimeout(r, 1));
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

const kinds: Array<[string, () => Promise<{ url: string; cleanup: () => Promise<void> }>]> = [
  ['sqlite', async () => ({ url: `sqlite:${join(dir, 'read-model.db')}`, cleanup: async () => undefined })],
  [
    'postgres',
    async () => {
      const db = await createTestDatabase('tl_kill');
      return { url: db.url, cleanup: db.drop };
    },
  ],
];

describe.each(kinds)('rebuild child process on a %s read model', (_kind, make) => {
  it(
    'killed half-way, resumes from its checkpoint and ends equal; readers see no error or miss',
    async () => {
      const target = await make();
      const store = await openReadModel(target.url);
      const reader = await openReadModel(target.url);
      try {
        await catchUpLive(store, es, 2000);
        const live = await store.dump((await store.live()).generation);
        expect(live).toHaveLength(TENANTS);
        const head = await es.headPosition();
        const env = { EVENT_STORE_URL: esUrl, READ_MODEL_URL: target.url };

        const first = spawnTenantctl(['projections', 'rebuild', 'tenant-lookup', '--batch-size', '200', '--json'], env);
        let killedAt = -1;
        for (;;) {
          const building = (await store.generations()).find((g) => g.state === 'building');
          if (building && building.checkpoint > head / 2) {
            first.kill('SIGKILL');
            break;
          }
          if (first.exitCode !== null) throw new Error(`the rebuild ended (exit ${first.exitCode}) before it could be killed half-way`);
          await new Promise((r) => setTimeout(r, 5));
        }
        const killed = await first;
        expect(killed.signal).toBe('SIGKILL');
        const building = (await store.generations()).find((g) => g.state === 'building')!;
        killedAt = building.checkpoint;
        expect(killedAt).toBeGreaterThan(head / 2);
        expect(killedAt).toBeLessThan(head);
        expect((await store.live()).generation).toBe(1);

        const loop = readerLoop(reader);
        const second = await spawnTenantctl(['projections', 'rebuild', 'tenant-lookup', '--batch-size', '2000', '--json'], env);
        await new Promise((r) => setTimeout(r, 50)); // a few lookups after the switch as well
        await loop.stop();
        expect(second.exitCode).toBe(0);
        const result = JSON.parse(String(second.stdout)) as { generation: number; resumedFrom: number; processed: number; retiredGeneration: number };
        expect(result).toMatchObject({ generation: building.generation, resumedFrom: killedAt, retiredGeneration: 1 });
        expect(result.processed).toBeLessThan(head - head / 2);
        expect(await store.dump(result.generation)).toEqual(live);
        expect(await store.generations()).toMatchObject([{ generation: result.generation, state: 'live' }]);
        expect(loop.stats.lookups).toBeGreaterThan(0);
        expect(loop.stats).toMatchObject({ errors: 0, misses: 0 });
      } finally {
        await reader.close();
        await store.close();
        await target.cleanup();
      }
    },
    T,
  );
});

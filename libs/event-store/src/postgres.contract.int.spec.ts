import { jest } from '@jest/globals';
import pg from 'pg';
import type { EventStore } from './port.js';
import { createEventStore } from './factory.js';
import { appendInTransaction } from './postgres/append.js';
import { Collector, ev, sleep, uniquePrefix } from './test-support/collector.js';
import { describeEventStoreContract } from './test-support/event-store.contract.js';
import { createTestDatabase, type TestDatabase } from './test-support/postgres-database.js';

// The int project's testTimeout is not applied per project by Jest; these tests do real I/O.
jest.setTimeout(60_000);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

// Pool of 10: the 8 concurrent writers of the contract each get their own connection, so their
// transactions really overlap and commit out of order.
describeEventStoreContract(
  'postgres',
  () => createEventStore(db.url, { poolSize: 10 }),
  (store) => store.close(),
  {
    eventIdsUniqueAcrossStreams: true,
    startsEmpty: true,
  },
);

describe('postgres adapter specifics', () => {
  let store: EventStore;
  beforeAll(async () => {
    store = await createEventStore(db.url);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('withholds a committed event while a transaction holding a smaller position is still open', async () => {
    const p = uniquePrefix('hazard');
    const checkpoint = await store.headPosition();
    const collector = new Collector(store.subscribeToAll({ fromPosition: checkpoint }));
    const held = new pg.Client({ connectionString: db.url });
    await held.connect();
    try {
      await held.query('BEGIN');
      const small = await appendInTransaction(held, `${p}-small`, [ev('Small')], 'no_stream');
      const big = await store.append(`${p}-big`, [ev('Big')], 'no_stream');
      expect(small.position).toBeLessThan(big.position);

      // The hazard is real: a position-ordered read sees the bigger, committed event while the
      // smaller one is invisible; a reader that advanced its checkpoint now would skip it forever.
      const naive = await held.query('SELECT position::float8 AS p FROM es_events WHERE position > $1 ORDER BY position', [checkpoint]);
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      const seenOutside = (await other.query('SELECT position::float8 AS p FROM es_events WHERE position > $1 ORDER BY position', [checkpoint])).rows.map((r) => r.p);
      await other.end();
      expect(naive.rows.map((r) => r.p)).toEqual([small.position, big.position]);
      expect(seenOutside).toEqual([big.position]);

      // The adapter does not hand it out: not in readAll, not in headPosition, not to the
      // subscription (which has been woken by the append and has polled several times).
      expect(await store.readAll({ fromPosition: checkpoint })).toEqual([]);
      expect(await store.headPosition()).toBeLessThan(small.position);
      await sleep(500);
      expect(collector.of(p)).toEqual([]);

      await held.query('COMMIT');
      await collector.waitFor(() => collector.of(p).length === 2, 'both events once the older transaction committed');
      expect(collector.of(p).map((e) => e.type)).toEqual(['Small', 'Big']);
      expect(collector.of(p).map((e) => e.position)).toEqual([small.position, big.position]);
    } finally {
      await held.end();
      await collector.subscription.stop();
    }
  });

  it('moves on when the writer holding the smaller position dies mid-append', async () => {
    const p = uniquePrefix('crash');
    const checkpoint = await store.headPosition();
    const collector = new Collector(store.subscribeToAll({ fromPosition: checkpoint }));
    const doomed = new pg.Client({ connectionString: db.url });
    doomed.on('error', () => undefined); // it is about to be killed
    await doomed.connect();
    try {
      await doomed.query('BEGIN');
      const lost = await appendInTransaction(doomed, `${p}-lost`, [ev('Lost')], 'no_stream');
      const kept = await store.append(`${p}-kept`, [ev('Kept')], 'no_stream');
      expect(lost.position).toBeLessThan(kept.position);
      const pid = (doomed as unknown as { processID: number }).processID;
      const killer = new pg.Client({ connectionString: db.url });
      await killer.connect();
      await killer.query('SELECT pg_terminate_backend($1)', [pid]);
      await killer.end();

      await collector.waitFor(() => collector.of(p).length >= 1, 'the committed event after the crash');
      expect(collector.of(p).map((e) => e.type)).toEqual(['Kept']);
      await expect(store.readStream(`${p}-lost`)).rejects.toThrow('does not exist');
      // The crashed transaction left no half-created stream behind: it can be created now.
      expect((await store.append(`${p}-lost`, [ev('Again')], 'no_stream')).nextExpectedRevision).toBe(0);
    } finally {
      await doomed.end().catch(() => undefined);
      await collector.subscription.stop();
    }
  });

  it('is not held back by a long transaction in another database', async () => {
    const elsewhere = await createTestDatabase();
    const longRunning = new pg.Client({ connectionString: elsewhere.url });
    await longRunning.connect();
    try {
      await longRunning.query('BEGIN');
      await longRunning.query('SELECT pg_current_xact_id()'); // takes a transaction id, older than ours
      const s = uniquePrefix('unrelated');
      const r = await store.append(s, [ev('NotBlocked')], 'no_stream');
      // Read while the other transaction stays open. A few attempts, because a transaction of
      // another test run that ends at the very moment of a read is (safely) counted as ours once.
      let seen: string[] = [];
      for (let attempt = 0; attempt < 20 && seen.length === 0; attempt++) {
        if (attempt > 0) await sleep(50);
        seen = (await store.readAll({ fromPosition: r.position - 1 })).map((e) => e.streamId);
      }
      expect(seen).toEqual([s]);
      expect((await longRunning.query('SELECT 1 AS still_open')).rows).toEqual([{ still_open: 1 }]);
    } finally {
      await longRunning.query('ROLLBACK').catch(() => undefined);
      await longRunning.end();
      await elsewhere.drop();
    }
  });

  it('rolls a refused first append back whole: no stream row is left, and the actual revision is reported', async () => {
    // es_append creates the stream row before it checks the expected revision; the RAISE must undo it.
    const s = uniquePrefix('refused-create');
    await expect(store.append(s, [ev('Early')], 3)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', expected: 3, actual: -1 });
    await expect(store.readStream(s)).rejects.toThrow('does not exist');
    expect((await store.append(s, [ev('First'), ev('Second')], 'no_stream')).nextExpectedRevision).toBe(1);
    await expect(store.append(s, [ev('Stale')], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
    await store.deleteStream(s, 1);
    // Recreated after a soft delete: revisions go on from the last one ever written.
    expect((await store.append(s, [ev('Again')], 'no_stream')).nextExpectedRevision).toBe(2);
    expect((await store.readStream(s)).map((e) => [e.type, e.revision])).toEqual([['Again', 2]]);
  });

  it('migrates once when several processes start at the same time', async () => {
    const fresh = await createTestDatabase();
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => createEventStore(fresh.url, { poolSize: 2 })));
      await stores[0].append('m-1', [ev('A')], 'no_stream');
      expect(await stores[3].readStream('m-1')).toHaveLength(1);
      const check = new pg.Client({ connectionString: fresh.url });
      await check.connect();
      expect((await check.query('SELECT version FROM es_schema_version ORDER BY version')).rows).toEqual([{ version: 1 }, { version: 2 }]);
      await check.end();
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await fresh.drop();
    }
  });

  it('describes itself without the password', async () => {
    const { describeEventStoreUrl } = await import('./factory.js');
    expect(describeEventStoreUrl('postgres://app:s3cret@db.internal:5432/events')).toBe('postgres postgres://app:***@db.internal:5432/events');
    expect(store.description).not.toContain('s3cret');
  });
});

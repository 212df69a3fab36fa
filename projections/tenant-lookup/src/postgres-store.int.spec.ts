import pg from 'pg';
import { PostgresReadModelStore } from './postgres-store.js';
import { createTestDatabase } from '@tlc/event-store/testing';
import { readModelStoreContract } from './test-support/store-contract.js';

readModelStoreContract('postgres', async () => {
  const db = await createTestDatabase('tl_contract');
  const store = new PostgresReadModelStore(db.url);
  const others: PostgresReadModelStore[] = [];
  return {
    store,
    other: async () => {
      const s = new PostgresReadModelStore(db.url);
      others.push(s);
      return s;
    },
    cleanup: async () => {
      await store.close();
      await Promise.all(others.map((o) => o.close().catch(() => undefined)));
      await db.drop();
    },
  };
});

describe('postgres read model store, a connection ended by the server', () => {
  it('drops the idle connection and answers on a new one, without an unhandled pool error', async () => {
    const db = await createTestDatabase('tl_killed');
    const store = new PostgresReadModelStore(db.url);
    try {
      await store.init();
      const before = await store.live();
      // A restart, a failover or an idle timeout on the server ends the pool's idle connection.
      const killer = new pg.Client({ connectionString: db.url });
      await killer.connect();
      try {
        const { rows } = await killer.query<{ ended: boolean }>('SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
        expect(rows.length).toBeGreaterThan(0);
      } finally {
        await killer.end();
      }
      await new Promise((r) => setTimeout(r, 200)); // the pool hears of it meanwhile
      expect(await store.live()).toEqual(before);
    } finally {
      await store.close();
      await db.drop();
    }
  });
});

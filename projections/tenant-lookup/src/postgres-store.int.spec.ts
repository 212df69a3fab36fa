import { PostgresReadModelStore } from './postgres-store.js';
import { createTestDatabase } from '@tlc/event-store/testing';
import { readModelStoreContract } from './test-support/store-contract.js';

readModelStoreContract('postgres', async () => {
  const db = await createTestDatabase('tl_contract');
  const store = new PostgresReadModelStore(db.url);
  const others: PostgresReadModelStore[] = [];
  return {
    store,
    other: async () => { const s = new PostgresReadModelStore(db.url); others.push(s); return s; },
    cleanup: async () => {
      await store.close();
      await Promise.all(others.map((o) => o.close().catch(() => undefined)));
      await db.drop();
    },
  };
});

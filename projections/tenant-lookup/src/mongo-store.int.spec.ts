import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoReadModelStore } from './mongo-store.js';
import { readModelStoreContract } from './test-support/store-contract.js';

const MONGODB_URL = process.env.MONGODB_URL;

if (!MONGODB_URL) {
  // Not counted as passed: the suite below is registered as skipped (Jest reports it as skipped).
  process.stdout.write('mongodb read-model store contract SKIPPED: MONGODB_URL is not set (no MongoDB server here); set it to run it\n');
  describe.skip('mongodb read-model store contract (needs MONGODB_URL)', () => {
    it('runs the contract suite', () => undefined);
  });
} else {
  readModelStoreContract('mongodb', async () => {
    const url = new URL(MONGODB_URL);
    url.pathname = `/tl_${randomBytes(4).toString('hex')}`;
    const store = new MongoReadModelStore(url.toString());
    const others: MongoReadModelStore[] = [];
    return {
      store,
      other: async () => {
        const s = new MongoReadModelStore(url.toString());
        await s.init();
        others.push(s);
        return s;
      },
      cleanup: async () => {
        const c = new MongoClient(url.toString());
        await c.db().dropDatabase();
        await c.close();
        await store.close();
        await Promise.all(others.map((o) => o.close()));
      },
    };
  });
}

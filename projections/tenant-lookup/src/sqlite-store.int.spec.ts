import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadModelStore } from './sqlite-store.js';
import { readModelStoreContract } from './test-support/store-contract.js';

readModelStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-sqlite-'));
  const file = join(dir, 'read-model.db');
  const store = new SqliteReadModelStore(file);
  const others: SqliteReadModelStore[] = [];
  return {
    store,
    other: async () => {
      const s = new SqliteReadModelStore(file);
      others.push(s);
      return s;
    },
    cleanup: async () => {
      await store.close();
      await Promise.all(others.map((o) => o.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

const HOST = '127.0.0.1:5432';

/** Which superuser this machine has: `postgres` normally, `root` on some images. */
async function adminUrl(): Promise<string> {
  let last: unknown;
  for (const user of ['postgres', 'root']) {
    const url = `postgres://${user}@${HOST}/postgres`;
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return url;
    } catch (error) {
      last = error;
      await client.end().catch(() => undefined);
    }
  }
  throw new Error(`No PostgreSQL superuser reachable on ${HOST}: ${String(last)}`);
}

/** A database of its own for one test run (<prefix>_<pid>_<random>), dropped by drop(). */
export async function createTestDatabase(prefix = 'es_test'): Promise<TestDatabase> {
  const admin = await adminUrl();
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return {
    name,
    url: admin.replace(/\/postgres$/, `/${name}`),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

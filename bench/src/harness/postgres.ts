/**
 * Throw-away PostgreSQL databases: every run gets a fresh one (no bloat or cache carried over
 * from the previous run), named with a per-process prefix and dropped afterwards.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TempDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

const urlFor = (adminUrl: string, database: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTempDatabase(adminUrl: string, prefix = 'tlc_bench'): Promise<TempDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: urlFor(adminUrl, name),
    drop: () => admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** Runs `fn` against a fresh database and always drops it. */
export async function withTempDatabase<T>(adminUrl: string, fn: (db: TempDatabase) => Promise<T>): Promise<T> {
  const db = await createTempDatabase(adminUrl);
  try {
    return await fn(db);
  } finally {
    await db.drop();
  }
}

export async function postgresVersion(adminUrl: string): Promise<string | undefined> {
  try {
    return await admin(adminUrl, async (c) => (await c.query<{ v: string }>('SHOW server_version')).rows[0].v);
  } catch {
    return undefined;
  }
}

/**
 * READ_MODEL_URL -> store. `sqlite:./data/read-model.db` (the default), `sqlite:/abs/file.db`,
 * `sqlite::memory:`, `postgres://...` / `postgresql://...`, `mongodb://...` / `mongodb+srv://...`.
 */
import { resolve } from 'node:path';
import { ReadModelConfigError, type ReadModelStore } from './store.js';

export const DEFAULT_READ_MODEL_URL = 'sqlite:./data/read-model.db';

export function readModelUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.READ_MODEL_URL?.trim();
  return url ? url : DEFAULT_READ_MODEL_URL;
}

export type ReadModelTarget = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'mongodb'; readonly url: string };

export function parseReadModelUrl(url: string): ReadModelTarget {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (rest === ':memory:') return { kind: 'sqlite', file: ':memory:' };
    if (!rest) throw new ReadModelConfigError('READ_MODEL_URL: sqlite: needs a file path, e.g. sqlite:./data/read-model.db');
    return { kind: 'sqlite', file: resolve(rest) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (/^mongodb(\+srv)?:\/\//.test(url)) return { kind: 'mongodb', url };
  throw new ReadModelConfigError(`READ_MODEL_URL: unsupported scheme in "${url.replace(/\/\/[^@/]*@/, '//***@')}" (use sqlite:, postgres:// or mongodb://)`);
}

/**
 * Builds and initialises the store (bookkeeping tables, generation 1 on an empty store).
 * Drivers load lazily so a SQLite process (or the web's proxy) never loads pg or mongodb.
 */
export async function openReadModel(url: string = readModelUrlFromEnv()): Promise<ReadModelStore> {
  const target = parseReadModelUrl(url);
  let store: ReadModelStore;
  switch (target.kind) {
    case 'sqlite':
      store = new (await import('./sqlite-store.js')).SqliteReadModelStore(target.file);
      break;
    case 'postgres':
      store = new (await import('./postgres-store.js')).PostgresReadModelStore(target.url);
      break;
    case 'mongodb':
      store = new (await import('./mongo-store.js')).MongoReadModelStore(target.url);
      break;
    default: {
      const never: never = target;
      throw new ReadModelConfigError(`unknown target ${JSON.stringify(never)}`);
    }
  }
  try {
    await store.init();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}

import type { EventStore } from './port.js';
import { parseEventStoreUrl } from './url.js';

export { describeEventStoreUrl } from './url.js';

export interface CreateEventStoreOptions {
  /** Live subscriptions re-read this often to catch writers that did not signal (SQLite 50 ms, PostgreSQL 100 ms). */
  readonly pollMs?: number;
  /** PostgreSQL pool size (default 10): concurrent appends beyond it queue for a connection. */
  readonly poolSize?: number;
}

/**
 * The one place that turns EVENT_STORE_URL into an adapter. Adapters are imported lazily so a
 * process on SQLite never loads gRPC or pg. PostgreSQL migrates its schema before resolving.
 */
export async function createEventStore(url: string = process.env.EVENT_STORE_URL ?? 'sqlite:./data/events.db', options: CreateEventStoreOptions = {}): Promise<EventStore> {
  const parsed = parseEventStoreUrl(url);
  switch (parsed.kind) {
    case 'sqlite': {
      const { SqliteEventStore } = await import('./sqlite/sqlite-event-store.js');
      return new SqliteEventStore(parsed.path, { pollMs: options.pollMs });
    }
    case 'postgres': {
      const { PostgresEventStore } = await import('./postgres/postgres-event-store.js');
      return PostgresEventStore.start(parsed.url, { pollMs: options.pollMs, poolSize: options.poolSize });
    }
    case 'esdb': {
      const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js');
      return new EventStoreDbEventStore(parsed.url);
    }
    default: {
      const never: never = parsed;
      return never;
    }
  }
}

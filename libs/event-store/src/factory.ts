import { EventStoreConfigError } from './errors.js';
import type { EventStore } from './port.js';

export interface CreateEventStoreOptions {
  /** Live subscriptions re-read this often to catch writers that did not signal (SQLite 50 ms, PostgreSQL 100 ms). */
  readonly pollMs?: number;
  /** PostgreSQL pool size (default 10): concurrent appends beyond it queue for a connection. */
  readonly poolSize?: number;
}

const ACCEPTED =
  'sqlite:<path> | sqlite::memory: | postgres://user:password@host:5432/db (or postgresql://) | ' +
  'esdb://host:2113?tls=false (or esdb+discover://, kurrentdb://, kurrentdb+discover://)';

type Parsed =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string }
  | { readonly kind: 'esdb'; readonly url: string };

function parse(url: string): Parsed {
  const fail = (why: string): never => {
    throw new EventStoreConfigError(`EVENT_STORE_URL ${why}; accepted forms: ${ACCEPTED}`);
  };
  const text = url.trim();
  if (text === '') return fail('is empty');
  if (text.startsWith('sqlite:')) {
    const path = text.slice('sqlite:'.length);
    return path === '' ? fail('names no SQLite file') : { kind: 'sqlite', path };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (!URL.canParse(text)) fail('is not a valid PostgreSQL URL');
    return { kind: 'postgres', url: text };
  }
  // @eventstore/db-client 6 only knows the esdb schemes; KurrentDB is the same server renamed.
  if (scheme === 'esdb' || scheme === 'esdb+discover') return { kind: 'esdb', url: text };
  if (scheme === 'kurrentdb' || scheme === 'kurrentdb+discover' || scheme === 'kurrent' || scheme === 'kurrent+discover') {
    return { kind: 'esdb', url: text.replace(/^kurrent(db)?/i, 'esdb') };
  }
  return fail(`has an unknown scheme (${scheme === undefined ? 'none' : `"${scheme}"`})`);
}

/** Replaces the password of any `scheme://user:password@host` form with ***. */
const maskPassword = (url: string): string => url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1:***@');

/** Backend description that is safe to print in a banner or a log line: no password. */
export function describeEventStoreUrl(url: string): string {
  const parsed = parse(url);
  switch (parsed.kind) {
    case 'sqlite':
      return parsed.path === ':memory:' ? 'sqlite (in memory)' : `sqlite ${parsed.path}`;
    case 'postgres':
      return `postgres ${maskPassword(parsed.url).replace(/([?&]password=)[^&]*/i, '$1***')}`;
    case 'esdb':
      return `eventstoredb ${maskPassword(parsed.url)}`;
    default: {
      const never: never = parsed;
      return never;
    }
  }
}

/**
 * The one place that turns EVENT_STORE_URL into an adapter. Adapters are imported lazily so a
 * process on SQLite never loads gRPC or pg. PostgreSQL migrates its schema before resolving.
 */
export async function createEventStore(
  url: string = process.env.EVENT_STORE_URL ?? 'sqlite:./data/events.db',
  options: CreateEventStoreOptions = {},
): Promise<EventStore> {
  const parsed = parse(url);
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

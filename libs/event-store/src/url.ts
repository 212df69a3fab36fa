import { EventStoreConfigError } from './errors.js';

const ACCEPTED =
  'sqlite:<path> | sqlite::memory: | postgres://user:password@host:5432/db (or postgresql://) | ' + 'esdb://host:2113?tls=false (or esdb+discover://, kurrentdb://, kurrentdb+discover://)';

export type ParsedEventStoreUrl = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'esdb'; readonly url: string };

export function parseEventStoreUrl(url: string): ParsedEventStoreUrl {
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
export const maskPassword = (url: string): string => url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1:***@');

/** Backend description that is safe to print in a banner or a log line: no password. */
export function describeEventStoreUrl(url: string): string {
  const parsed = parseEventStoreUrl(url);
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

/**
 * Upcasting: stored events keep the schema they were written with; readers lift them to the
 * current version on the way in, one version step at a time. Writers always write the current
 * version (SCHEMA_VERSIONS).
 */
import { SCHEMA_VERSIONS, type AnyEvent, type AnyEventType } from './events.js';

/** What a store hands back: untyped data and metadata. */
export interface RawEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/** Lifts `data` of one event type from version `from` to `from + 1`. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export type UpcasterRegistry = Partial<Record<AnyEventType, Record<number, Upcaster>>>;

/** The history of schema changes. Each entry is permanent once released. */
export const UPCASTERS: UpcasterRegistry = {
  SignupRequested: {
    // v1 was written before sign-up chose its apps and before Google sign-in existed.
    1: (d) => ({ ...d, apps: d.apps ?? ['erpnext'], identityProvider: d.identityProvider ?? 'password' }),
    // v2 was written before admin emails were verified. Those tenants keep signing in as they
    // did (a Google signup's email was proven by Google; a password signup's never was, and
    // docs/security.md says how an operator can review them); new signups write v3.
    2: (d) => ({ ...d, emailVerification: d.identityProvider === 'google' ? 'proven-by-idp' : 'not-required' }),
  },
};

export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`Unknown event type "${eventType}"`);
    this.name = 'UnknownEventTypeError';
  }
}

/**
 * Returns the event at its current schema version. Metadata keeps the version it was
 * written with: the hash chain covers the stored form, so verification uses the raw event and
 * folding uses the upcast one.
 */
export function upcast<E extends AnyEvent = AnyEvent>(
  raw: RawEvent,
  registry: UpcasterRegistry = UPCASTERS,
  /** Target version per type; a test or a migration can lift to a version not yet released. */
  versions: Readonly<Record<AnyEventType, number>> = SCHEMA_VERSIONS,
): E {
  const type = raw.type as AnyEventType;
  // Own keys only: `constructor` or `__proto__` must not pass as event types.
  const current = Object.hasOwn(versions, type) ? versions[type] : undefined;
  if (current === undefined) throw new UnknownEventTypeError(raw.type);
  const metadata = (raw.metadata ?? {}) as { schemaVersion?: number };
  let version = metadata.schemaVersion ?? 1;
  let data = raw.data as Record<string, unknown>;
  while (version < current) {
    const steps = Object.hasOwn(registry, type) ? registry[type] : undefined;
    const step = steps && Object.hasOwn(steps, version) ? steps[version] : undefined;
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${version} to ${version + 1}`);
    data = step(data);
    version += 1;
  }
  return { type: raw.type, data, metadata: raw.metadata } as unknown as E;
}

import type pg from 'pg';
import { APPEND_FUNCTION } from './append-function.js';

/**
 * Positions are derived from the appending transaction's id (see append.ts), so they are not
 * a sequence. The CHECK keeps every position exactly representable as a JavaScript number.
 */
const V1 = `
  CREATE TABLE es_streams (
    stream_id     text PRIMARY KEY,
    last_revision bigint NOT NULL,             -- revision of the last event ever written
    first_visible bigint NOT NULL DEFAULT 0,   -- soft delete hides revisions below this
    deleted       boolean NOT NULL DEFAULT false
  );
  CREATE TABLE es_events (
    position       bigint PRIMARY KEY CHECK (position > 0 AND position < 9007199254740992),
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id      text NOT NULL,
    revision       bigint NOT NULL,
    event_id       text NOT NULL CONSTRAINT es_events_event_id_key UNIQUE,
    type           text NOT NULL,
    -- json, not jsonb: stored as sent, so key order and number spelling round-trip unchanged.
    data           json NOT NULL,
    metadata       json NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT es_events_stream_revision_key UNIQUE (stream_id, revision)
  );
`;

/** Index = version - 1. Append only; never edit a migration that has shipped. */
const MIGRATIONS: readonly string[] = [V1, APPEND_FUNCTION];

/** Arbitrary constant: only our migrations take this advisory lock. */
const MIGRATION_LOCK = 0x746c_6365_7331;

/**
 * Creates or upgrades the schema. Several processes may start at once: the transaction-scoped
 * advisory lock lets one migrate while the others wait and then find nothing left to do. It is
 * held only here, never by appends.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS es_schema_version (
      version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ v: number }>('SELECT coalesce(max(version), 0)::int AS v FROM es_schema_version');
    const current = rows[0].v;
    if (current > MIGRATIONS.length) {
      throw new Error(`Event store schema version ${current} is newer than this code understands (${MIGRATIONS.length})`);
    }
    for (let version = current + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]);
      await client.query('INSERT INTO es_schema_version (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

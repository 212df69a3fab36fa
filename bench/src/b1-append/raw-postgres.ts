/**
 * B1 baseline on PostgreSQL: `pg` writing the same rows into tables of the same shape as the
 * event store's (es_streams, es_events; a plain sequence for positions), one transaction per 10-event stream (one multi-row INSERT for the events, one
 * upsert of the stream row), from N concurrent connections, with no ordering or revision logic.
 */
import pg from 'pg';
import type { FixtureStream } from '../fixtures/tenant-histories.js';
import { forEachConcurrently } from '../harness/concurrency.js';

const SCHEMA = `
  CREATE TABLE es_streams (stream_id text PRIMARY KEY, last_revision bigint NOT NULL,
    first_visible bigint NOT NULL DEFAULT 0, deleted boolean NOT NULL DEFAULT false);
  CREATE SEQUENCE es_position;
  CREATE TABLE es_events (position bigint PRIMARY KEY DEFAULT nextval('es_position'),
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(), stream_id text NOT NULL, revision bigint NOT NULL,
    event_id text NOT NULL UNIQUE, type text NOT NULL, data json NOT NULL, metadata json NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, revision));
`;

const insertSql = (rows: number): string => {
  const values = Array.from({ length: rows }, (_, i) => `($1, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}, $${i * 5 + 6})`);
  return `INSERT INTO es_events (stream_id, revision, event_id, type, data, metadata) VALUES ${values.join(', ')}`;
};

/** Appends every stream with `writers` connections; returns elapsed milliseconds. */
export async function rawPostgresAppend(url: string, streams: readonly FixtureStream[], writers: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: writers });
  // An idle connection ended by the server (the database being dropped WITH (FORCE) just as the
  // pool closes) emits 'error' on the pool; unheard, that ends the whole bench run.
  pool.on('error', () => undefined);
  try {
    await pool.query(SCHEMA);
    const sqlByLength = new Map<number, string>();
    const started = performance.now();
    await forEachConcurrently(streams, writers, async (s) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const sql = sqlByLength.get(s.events.length) ?? insertSql(s.events.length);
        sqlByLength.set(s.events.length, sql);
        const params: unknown[] = [s.streamId];
        s.events.forEach((e, revision) => params.push(revision, e.metadata.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)));
        await client.query(sql, params);
        await client.query(
          `INSERT INTO es_streams (stream_id, last_revision) VALUES ($1, $2)
          ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision`,
          [s.streamId, s.events.length - 1],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
    return performance.now() - started;
  } finally {
    await pool.end();
  }
}

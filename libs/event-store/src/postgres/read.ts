import type pg from 'pg';
import { StreamNotFoundError } from '../errors.js';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent, StoredEventText } from '../port.js';

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recorded_at: Date;
}

// float8 casts: pg returns bigint as text; every value here is below 2^53 (schema CHECK).
const COLUMNS = `position::float8 AS position, stream_id, revision::float8 AS revision, event_id, type, data, metadata, recorded_at`;

const toRecorded = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  eventId: row.event_id,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  revision: row.revision,
  position: row.position,
  recordedAt: row.recorded_at.toISOString(),
});

/**
 * The highest position a reader may hand out, as one SQL expression evaluated in the reading
 * statement's own snapshot: (oldest transaction id that might still commit an event) << 16.
 *
 * That is the snapshot's xmin, except that transactions of OTHER databases on the same cluster
 * are skipped: they cannot write our table, and a long transaction in an unrelated database
 * (another service, another test run) must not stall our readers. A transaction is skipped only
 * when pg_stat_activity positively shows it running in another database; anything unknown
 * (finished a moment ago, prepared 2PC, ...) is treated as ours, which can only hold the mark
 * back for one read, never let it run ahead. Trade-off: a long write transaction in THIS
 * database delays delivery (never loses events) until it ends.
 */
const SAFE_BOUND = `(
  SELECT LEAST(
           pg_snapshot_xmax(snap)::text::bigint,
           (SELECT min(x::text::bigint) FROM pg_snapshot_xip(snap) AS x
             WHERE NOT EXISTS (
               SELECT 1 FROM pg_stat_activity a
               WHERE a.backend_xid IS NOT NULL
                 AND a.datname IS DISTINCT FROM current_database()
                 AND a.backend_xid::text::bigint = x::text::bigint % 4294967296))
         ) << 16
  FROM pg_current_snapshot() AS snap)`;

const READ_ALL = `SELECT ${COLUMNS} FROM es_events
  WHERE position > $1 AND position < ${SAFE_BOUND}
  ORDER BY position LIMIT $2`;

/** readAllText: json columns keep their input text, handed out as it is (::text, not parsed by pg). */
const READ_ALL_TEXT = `SELECT position::float8 AS position, stream_id, revision::float8 AS revision, event_id, type, data::text AS data, metadata::text AS metadata, recorded_at
  FROM es_events WHERE position > $1 AND position < ${SAFE_BOUND}
  ORDER BY position LIMIT $2`;

const HEAD = `SELECT coalesce(max(position), 0)::float8 AS head FROM es_events WHERE position < ${SAFE_BOUND}`;

/**
 * One statement, so the stream row and its events come from the same snapshot. No high-water
 * mark here: a stream read sees every committed event of the stream (read-your-writes). The
 * LEFT JOIN tells "no such stream" (no row) from "nothing in that range" (one all-null row).
 */
const streamQuery = (direction: 'forwards' | 'backwards'): string => `
  WITH s AS (SELECT first_visible FROM es_streams WHERE stream_id = $1 AND NOT deleted AND last_revision >= 0)
  SELECT e.* FROM s LEFT JOIN LATERAL (
    SELECT ${COLUMNS} FROM es_events
    WHERE stream_id = $1 AND ${direction === 'forwards' ? 'revision >= greatest($2::bigint, s.first_visible)' : 'revision <= $2::bigint AND revision >= s.first_visible'}
    ORDER BY revision ${direction === 'forwards' ? 'ASC' : 'DESC'} LIMIT $3
  ) e ON true`;
const READ_FORWARDS = streamQuery('forwards');
const READ_BACKWARDS = streamQuery('backwards');

export async function readStream(pool: pg.Pool, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  const backwards = options.direction === 'backwards';
  const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
  // LIMIT NULL is no limit.
  const { rows } = await pool.query<EventRow>(backwards ? READ_BACKWARDS : READ_FORWARDS, [streamId, from, options.maxCount ?? null]);
  if (rows.length === 0) throw new StreamNotFoundError(streamId);
  return rows.filter((row) => row.event_id !== null).map(toRecorded);
}

export async function readAll(pool: pg.Pool, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<EventRow>(READ_ALL, [options.fromPosition ?? 0, options.maxCount ?? null]);
  return rows.map(toRecorded);
}

export async function readAllText(pool: pg.Pool, options: ReadAllOptions = {}): Promise<StoredEventText[]> {
  const { rows } = await pool.query<EventRow & { data: string; metadata: string }>(READ_ALL_TEXT, [options.fromPosition ?? 0, options.maxCount ?? null]);
  return rows.map((row) => ({ ...toRecorded(row), data: row.data, metadata: row.metadata }));
}

export async function headPosition(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ head: number }>(HEAD);
  return rows[0].head;
}

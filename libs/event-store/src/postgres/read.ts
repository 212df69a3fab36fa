import type pg from 'pg';
import { StreamNotFoundError } from '../errors.js';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../port.js';

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

const HEAD = `SELECT coalesce(max(position), 0)::float8 AS head FROM es_events WHERE position < ${SAFE_BOUND}`;

/** Readers see every committed event of a stream at once: no high-water mark is needed there. */
export async function readStream(pool: pg.Pool, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  const stream = await pool.query<{ first_visible: number }>(
    'SELECT first_visible::float8 AS first_visible FROM es_streams WHERE stream_id = $1 AND NOT deleted AND last_revision >= 0',
    [streamId],
  );
  if (!stream.rows[0]) throw new StreamNotFoundError(streamId);
  const firstVisible = stream.rows[0].first_visible;
  const limit = options.maxCount ?? null; // LIMIT NULL is no limit
  const { rows } =
    options.direction === 'backwards'
      ? await pool.query<EventRow>(
          `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision <= $2 AND revision >= $3 ORDER BY revision DESC LIMIT $4`,
          [streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, firstVisible, limit],
        )
      : await pool.query<EventRow>(
          `SELECT ${COLUMNS} FROM es_events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
          [streamId, Math.max(options.fromRevision ?? 0, firstVisible), limit],
        );
  return rows.map(toRecorded);
}

export async function readAll(pool: pg.Pool, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const { rows } = await pool.query<EventRow>(READ_ALL, [options.fromPosition ?? 0, options.maxCount ?? null]);
  return rows.map(toRecorded);
}

export async function headPosition(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ head: number }>(HEAD);
  return rows[0].head;
}

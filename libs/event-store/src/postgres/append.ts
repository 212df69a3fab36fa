import type pg from 'pg';
import { WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../port.js';
import { checkExpected, matchEarlierAppend, toJson, visibleRevision, type StoredEventRef, type StreamState } from '../shared/append-rules.js';

/**
 * Locks the stream's row for the rest of the transaction and returns its state. Appends to one
 * stream queue on this lock; appends to different streams never wait for each other.
 */
async function lockStream(client: pg.ClientBase, streamId: string): Promise<StreamState | undefined> {
  const select = 'SELECT last_revision::float8 AS r, deleted FROM es_streams WHERE stream_id = $1 FOR UPDATE';
  const found = await client.query<{ r: number; deleted: boolean }>(select, [streamId]);
  if (found.rows[0]) return { lastRevision: found.rows[0].r, deleted: found.rows[0].deleted };
  // New stream: a placeholder row (revision -1 reads as "no stream") gives us a row to lock.
  // A concurrent creator makes this INSERT wait for its commit and then do nothing; the
  // SELECT below then sees (and locks) the committed row.
  const inserted = await client.query(
    'INSERT INTO es_streams (stream_id, last_revision) VALUES ($1, -1) ON CONFLICT (stream_id) DO NOTHING RETURNING stream_id',
    [streamId],
  );
  if (inserted.rowCount === 1) return undefined;
  const again = await client.query<{ r: number; deleted: boolean }>(select, [streamId]);
  return { lastRevision: again.rows[0].r, deleted: again.rows[0].deleted };
}

/**
 * The position is (transaction id << 16) + index in the append. Transaction ids are handed out
 * before any row is written, so every transaction that could still commit has an id at or above
 * the oldest running one (the snapshot's xmin); reading only positions below that mark can
 * therefore never be overtaken by a late commit (read.ts). A bigserial would not do: its values
 * are taken in a different order from the transaction ids, so a smaller position could belong to
 * a younger, still running transaction. Positions stay below 2^53 until transaction id 2^37.
 */
const INSERT_EVENTS = `
  WITH ins AS (
    INSERT INTO es_events (position, stream_id, revision, event_id, type, data, metadata)
    SELECT (pg_current_xact_id()::text::bigint << 16) + t.ord - 1, $1, $2::bigint + t.ord,
           t.event_id, t.type, t.data::json, t.metadata::json
    FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(event_id, type, data, metadata, ord)
    ORDER BY t.ord
    RETURNING position
  ), upd AS (
    UPDATE es_streams SET last_revision = $2::bigint + $7::bigint, deleted = false WHERE stream_id = $1
  )
  SELECT max(position)::float8 AS position FROM ins`;

/**
 * Runs an append inside a transaction the caller has begun (and will commit). Exported for the
 * ordering test, which needs to hold such a transaction open.
 */
export async function appendInTransaction(
  client: pg.ClientBase,
  streamId: string,
  events: readonly EventToAppend[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const state = await lockStream(client, streamId);
  checkExpected(streamId, expected, state);
  const previous = state?.lastRevision ?? -1;
  const { rows } = await client.query<{ position: number }>(INSERT_EVENTS, [
    streamId,
    previous,
    events.map((e) => e.metadata.eventId),
    events.map((e) => e.type),
    events.map((e) => toJson(e.data)),
    events.map((e) => toJson(e.metadata)),
    events.length,
  ]);
  return { nextExpectedRevision: previous + events.length, position: rows[0].position };
}

const isDuplicateEventId = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  (error as { constraint?: string }).constraint === 'es_events_event_id_key';

/** One append, one transaction (READ COMMITTED is enough: the row lock orders writers). */
export async function append(pool: pg.Pool, streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await appendInTransaction(client, streamId, events, expected);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    if (broken || (!(error instanceof WrongExpectedRevisionError) && !isDuplicateEventId(error))) throw error;
    // A retry after a lost reply fails the revision check or hits the unique event id; if the
    // same events are stored at the same place it gets the original answer, nothing is written.
    // Asked on the connection we already hold: taking a second one from a full pool could
    // deadlock with the other appends waiting for ours.
    const earlier = matchEarlierAppend(streamId, events.map((e) => e.metadata.eventId), await findEventIds(client, events));
    if (earlier) return earlier;
    throw error;
  } finally {
    client.release(broken);
  }
}

async function findEventIds(client: pg.ClientBase, events: readonly EventToAppend[]): Promise<StoredEventRef[]> {
  const { rows } = await client.query<StoredEventRef>(
    `SELECT event_id AS "eventId", stream_id AS "streamId", revision::float8 AS revision, position::float8 AS position
     FROM es_events WHERE event_id = ANY($1::text[])`,
    [events.map((e) => e.metadata.eventId)],
  );
  return rows;
}

/** Soft delete: flags the stream and hides its current revisions; the events stay in the log. */
export async function deleteStream(pool: pg.Pool, streamId: string, expected: ExpectedRevision): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const found = await client.query<{ r: number; deleted: boolean }>(
      'SELECT last_revision::float8 AS r, deleted FROM es_streams WHERE stream_id = $1 FOR UPDATE',
      [streamId],
    );
    const state = found.rows[0] && { lastRevision: found.rows[0].r, deleted: found.rows[0].deleted };
    checkExpected(streamId, expected, state);
    // Deleting a missing or deleted stream with any/no_stream is a no-op, so a retry succeeds.
    if (visibleRevision(state) >= 0) {
      await client.query('UPDATE es_streams SET deleted = true, first_visible = last_revision + 1 WHERE stream_id = $1', [streamId]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw error;
  } finally {
    client.release(broken);
  }
}

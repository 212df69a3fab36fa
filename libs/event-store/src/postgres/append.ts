import type pg from 'pg';
import { WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../port.js';
import { checkExpected, matchEarlierAppend, toJson, visibleRevision, type StoredEventRef } from '../shared/append-rules.js';
import { CALL_APPEND, WRONG_REVISION_SQLSTATE } from './append-function.js';

/**
 * The position is (transaction id << 16) + index in the append (computed in es_append,
 * append-function.ts). Transaction ids are handed out before any row is written, so every
 * transaction that could still commit has an id at or above the oldest running one (the
 * snapshot's xmin); reading only positions below that mark can therefore never be overtaken by a
 * late commit (read.ts). A bigserial would not do: its values are taken in a different order from
 * the transaction ids, so a smaller position could belong to a younger, still running
 * transaction. Positions stay below 2^53 until transaction id 2^37.
 */
async function callAppend(client: pg.Pool | pg.ClientBase, streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
  const exact = typeof expected === 'number';
  try {
    const { rows } = await client.query<{ r: number; p: number }>({
      ...CALL_APPEND,
      values: [
        streamId,
        exact ? 'exact' : expected,
        exact ? expected : null,
        events.map((e) => e.metadata.eventId),
        events.map((e) => e.type),
        events.map((e) => toJson(e.data)),
        events.map((e) => toJson(e.metadata)),
      ],
    });
    return { nextExpectedRevision: rows[0].r, position: rows[0].p };
  } catch (error) {
    const { code, detail } = error as { code?: string; detail?: string };
    if (code === WRONG_REVISION_SQLSTATE) throw new WrongExpectedRevisionError(streamId, expected, Number(detail));
    throw error;
  }
}

/**
 * Runs an append inside a transaction the caller has begun (and will commit). Exported for the
 * ordering test, which needs to hold such a transaction open.
 */
export function appendInTransaction(client: pg.ClientBase, streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
  return callAppend(client, streamId, events, expected);
}

const isDuplicateEventId = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'es_events_event_id_key';

/**
 * One append, one statement in its own implicit transaction (READ COMMITTED is enough: the row
 * lock taken inside es_append orders writers). No connection is held across round trips.
 */
export async function append(pool: pg.Pool, streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
  try {
    return await callAppend(pool, streamId, events, expected);
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError) && !isDuplicateEventId(error)) throw error;
    // A retry after a lost reply fails the revision check or hits the unique event id; if the
    // same events are stored at the same place it gets the original answer, nothing is written.
    // The failed statement has already rolled back, and no connection is held while we ask.
    const earlier = matchEarlierAppend(
      streamId,
      events.map((e) => e.metadata.eventId),
      await findEventIds(pool, events),
    );
    if (earlier) return earlier;
    throw error;
  }
}

async function findEventIds(client: pg.Pool | pg.ClientBase, events: readonly EventToAppend[]): Promise<StoredEventRef[]> {
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
    const found = await client.query<{ r: number; deleted: boolean }>('SELECT last_revision::float8 AS r, deleted FROM es_streams WHERE stream_id = $1 FOR UPDATE', [streamId]);
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

/**
 * The append as one server-side function (schema V2), so an append is ONE statement in its own
 * implicit transaction: one round trip and one commit, where the client-driven version took five
 * (BEGIN, SELECT ... FOR UPDATE, placeholder INSERT, event INSERT, COMMIT). Every guarantee is
 * kept and enforced in the same place as before, under the stream's row lock:
 *
 * - Expected revision, including no_stream: checked after the row is locked (or created, when the
 *   stream is new). A failed check RAISEs, so the whole statement, a just-created stream row
 *   included, rolls back; the actual revision travels in the error's DETAIL.
 * - Racing creators: all miss the SELECT; the INSERT ... ON CONFLICT DO NOTHING of all but one
 *   waits for the winner's commit and then inserts nothing; those re-SELECT (a new snapshot per
 *   statement in READ COMMITTED) and lock the winner's row, so the check sees its events.
 * - Idempotent retry: a duplicate event id fails the unique constraint as before; the client then
 *   compares the stored ids (append.ts).
 * - Global order: positions are still (transaction id << 16) + index (see append.ts), so readers'
 *   high-water mark (read.ts) is unchanged.
 *
 * A new stream costs one INSERT into es_streams carrying its final revision, not a placeholder
 * followed by an UPDATE. Whole revisions and positions are bigint here; the caller casts.
 */
export const APPEND_FUNCTION = `
  CREATE FUNCTION es_append(
    p_stream_id text, p_expected_kind text, p_expected_revision bigint,
    p_event_ids text[], p_types text[], p_data text[], p_metadata text[],
    OUT next_revision bigint, OUT last_position bigint)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v_count   bigint := cardinality(p_event_ids);
    v_last    bigint;
    v_deleted boolean;
    v_visible bigint;
    v_created boolean := false;
    v_ok      boolean;
  BEGIN
    SELECT last_revision, deleted INTO v_last, v_deleted FROM es_streams WHERE stream_id = p_stream_id FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO es_streams (stream_id, last_revision) VALUES (p_stream_id, v_count - 1)
        ON CONFLICT (stream_id) DO NOTHING;
      v_created := FOUND;
      IF v_created THEN
        v_last := -1;
        v_deleted := false;
      ELSE
        SELECT last_revision, deleted INTO v_last, v_deleted FROM es_streams WHERE stream_id = p_stream_id FOR UPDATE;
      END IF;
    END IF;
    v_visible := CASE WHEN v_deleted THEN -1 ELSE v_last END;
    -- Assigned first: an IF condition ends at its first THEN, CASE's included.
    v_ok := CASE p_expected_kind
              WHEN 'any' THEN true
              WHEN 'no_stream' THEN v_visible = -1
              WHEN 'stream_exists' THEN v_visible >= 0
              ELSE v_visible = p_expected_revision
            END;
    IF NOT v_ok THEN
      RAISE EXCEPTION USING ERRCODE = 'TLC01', MESSAGE = 'wrong expected revision', DETAIL = v_visible::text;
    END IF;
    IF NOT v_created THEN
      UPDATE es_streams SET last_revision = v_last + v_count, deleted = false WHERE stream_id = p_stream_id;
    END IF;
    INSERT INTO es_events (position, stream_id, revision, event_id, type, data, metadata)
    SELECT (pg_current_xact_id()::text::bigint << 16) + t.ord - 1, p_stream_id, v_last + t.ord,
           t.event_id, t.type, t.data::json, t.metadata::json
    FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS t(event_id, type, data, metadata, ord)
    ORDER BY t.ord;
    next_revision := v_last + v_count;
    last_position := (pg_current_xact_id()::text::bigint << 16) + v_count - 1;
  END
  $fn$;
`;

/** SQLSTATE the function raises for a failed expected-revision check (DETAIL: actual revision). */
export const WRONG_REVISION_SQLSTATE = 'TLC01';

/** Prepared once per connection by pg (named statement), planned once per session by plpgsql. */
export const CALL_APPEND = {
  name: 'es_append_v2',
  text: 'SELECT next_revision::float8 AS r, last_position::float8 AS p FROM es_append($1, $2, $3, $4, $5, $6, $7)',
} as const;

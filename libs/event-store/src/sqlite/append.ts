import type Database from 'better-sqlite3';
import { checkExpected, matchEarlierAppend, toJson, visibleRevision, type StoredEventRef, type StreamState } from '../shared/append-rules.js';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../port.js';
import { WrongExpectedRevisionError } from '../errors.js';

interface StreamRow {
  last_revision: number;
  deleted: number;
}

/** Prepared statements for writes; prepared once per connection. */
export class SqliteWriter {
  private readonly getStream: Database.Statement<[string], StreamRow>;
  private readonly upsertStream: Database.Statement<[string, number]>;
  private readonly markDeleted: Database.Statement<[string]>;
  private readonly insertEvent: Database.Statement<unknown[]>;
  private readonly findIds: Database.Statement<[string], StoredEventRef>;
  private readonly appendTx: Database.Transaction<(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision) => AppendResult>;
  private readonly deleteTx: Database.Transaction<(streamId: string, expected: ExpectedRevision) => void>;

  constructor(private readonly db: Database.Database) {
    this.getStream = db.prepare('SELECT last_revision, deleted FROM streams WHERE stream_id = ?');
    // Appending to a soft-deleted stream recreates it: revisions continue after the old ones.
    this.upsertStream = db.prepare(`INSERT INTO streams (stream_id, last_revision) VALUES (?, ?)
      ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision, deleted = 0`);
    this.markDeleted = db.prepare('UPDATE streams SET deleted = 1, first_visible = last_revision + 1 WHERE stream_id = ?');
    this.insertEvent = db.prepare(`INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.findIds = db.prepare(`SELECT event_id AS eventId, stream_id AS streamId, revision, position
      FROM events WHERE event_id IN (SELECT value FROM json_each(?))`);

    this.appendTx = db.transaction((streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision) => {
      const state = this.state(streamId);
      checkExpected(streamId, expected, state);
      const recordedAt = new Date().toISOString();
      let revision = state?.lastRevision ?? -1;
      let position = 0;
      for (const e of events) {
        revision += 1;
        const info = this.insertEvent.run(streamId, revision, e.metadata.eventId, e.type, toJson(e.data), toJson(e.metadata), recordedAt);
        position = Number(info.lastInsertRowid);
      }
      this.upsertStream.run(streamId, revision);
      return { nextExpectedRevision: revision, position };
    });

    this.deleteTx = db.transaction((streamId: string, expected: ExpectedRevision) => {
      const state = this.state(streamId);
      checkExpected(streamId, expected, state);
      // Deleting a missing or already deleted stream (with `any`/`no_stream`) is a no-op, so a
      // retried delete succeeds; `stream_exists` or a revision fails in checkExpected above.
      if (visibleRevision(state) < 0) return;
      this.markDeleted.run(streamId);
    });
  }

  private state(streamId: string): StreamState | undefined {
    const row = this.getStream.get(streamId);
    return row && { lastRevision: row.last_revision, deleted: row.deleted === 1 };
  }

  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): AppendResult {
    try {
      // IMMEDIATE: take the write lock before reading the stream row, so the check and the
      // insert see the same state even with other processes writing to the file.
      return this.appendTx.immediate(streamId, events, expected);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) && (error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      // A retry after a lost reply fails the revision check or hits the unique event id; if
      // the same events sit at the same place already, it is answered with the original result.
      const ids = events.map((e) => e.metadata.eventId);
      const earlier = matchEarlierAppend(streamId, ids, this.findIds.all(JSON.stringify(ids)));
      if (earlier) return earlier;
      throw error;
    }
  }

  deleteStream(streamId: string, expected: ExpectedRevision): void {
    this.deleteTx.immediate(streamId, expected);
  }
}

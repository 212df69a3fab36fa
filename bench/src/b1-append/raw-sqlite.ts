/**
 * B1 baseline on SQLite: better-sqlite3 writing the same rows into the same table shapes with the
 * same pragmas as the event store (WAL, synchronous NORMAL), one IMMEDIATE transaction per
 * 10-event stream, but none of the store's checks (expected revision, idempotent retry).
 */
import Database from 'better-sqlite3';
import type { FixtureStream } from '../fixtures/tenant-histories.js';

const SCHEMA = `
  CREATE TABLE streams (stream_id TEXT PRIMARY KEY, last_revision INTEGER NOT NULL,
    first_visible INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision));
`;

export function openRawSqlite(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);
  return db;
}

/** Appends every stream, one transaction each; returns elapsed milliseconds. */
export function rawSqliteAppend(path: string, streams: readonly FixtureStream[]): number {
  const db = openRawSqlite(path);
  try {
    const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const upsert = db.prepare(`INSERT INTO streams (stream_id, last_revision) VALUES (?, ?)
      ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision`);
    const appendOne = db.transaction((s: FixtureStream) => {
      const at = new Date().toISOString();
      s.events.forEach((e, revision) => insert.run(s.streamId, revision, e.metadata.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), at));
      upsert.run(s.streamId, s.events.length - 1);
    });
    const started = performance.now();
    for (const s of streams) appendOne.immediate(s);
    return performance.now() - started;
  } finally {
    db.close();
  }
}

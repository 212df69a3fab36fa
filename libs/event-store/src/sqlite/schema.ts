import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bumped when the tables below change; stored in SQLite's own `user_version` header field. */
const SCHEMA_VERSION = 1;

const SCHEMA_V1 = `
  -- One row per stream: the expected-revision check and soft delete read only this row.
  CREATE TABLE IF NOT EXISTS streams (
    stream_id     TEXT PRIMARY KEY,
    last_revision INTEGER NOT NULL,            -- revision of the last event ever written
    first_visible INTEGER NOT NULL DEFAULT 0,  -- soft delete hides revisions below this
    deleted       INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;

  -- AUTOINCREMENT (not plain rowid) so a position is never re-used, even after the newest row
  -- is gone; SQLite serialises writers, so positions are handed out in commit order.
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id   TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    event_id    TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL,
    data        TEXT NOT NULL,
    metadata    TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  );
`;

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openSqlite(path: string): Database.Database {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (!memory) db.pragma('journal_mode = WAL');
  // Another process holding the write lock makes us wait instead of failing with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000');
  // With WAL, NORMAL loses at most the last transactions on power loss, never integrity.
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

function migrate(db: Database.Database): void {
  // IMMEDIATE takes the write lock first, so two processes opening a fresh file do not race.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`Event store schema version ${version} is newer than this code understands (${SCHEMA_VERSION})`);
    }
    if (version < 1) db.exec(SCHEMA_V1);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

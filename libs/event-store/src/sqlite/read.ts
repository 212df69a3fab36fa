import type Database from 'better-sqlite3';
import { StreamNotFoundError } from '../errors.js';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent, StoredEventText } from '../port.js';

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';
/** SQLite reads LIMIT -1 as "no limit". */
const limitOf = (maxCount: number | undefined): number => (maxCount === undefined ? -1 : Math.max(0, maxCount));

export const toRecorded = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  eventId: row.event_id,
  type: row.type,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
  revision: row.revision,
  position: row.position,
  recordedAt: row.recorded_at,
});

/** A row of COLUMNS in raw (array) mode. */
type TextRow = [position: number, streamId: string, revision: number, eventId: string, type: string, data: string, metadata: string, recordedAt: string];

const toStoredText = (r: TextRow): StoredEventText => ({ streamId: r[1], eventId: r[3], type: r[4], data: r[5], metadata: r[6], revision: r[2], position: r[0], recordedAt: r[7] });

/** Prepared statements for reads; each runs in its own implicit (WAL snapshot) transaction. */
export class SqliteReader {
  private readonly visibleFrom: Database.Statement<[string], { first_visible: number }>;
  private readonly forwards: Database.Statement<[string, number, number], EventRow>;
  private readonly backwards: Database.Statement<[string, number, number, number], EventRow>;
  private readonly all: Database.Statement<[number, number], EventRow>;
  private readonly allText: Database.Statement<[number, number], TextRow>;
  private readonly head: Database.Statement<[], { head: number }>;
  /** One read transaction, so the stream row and its events come from the same snapshot. */
  private readonly readStreamTx: Database.Transaction<(streamId: string, options: ReadStreamOptions) => RecordedEvent[]>;

  constructor(db: Database.Database) {
    this.visibleFrom = db.prepare('SELECT first_visible FROM streams WHERE stream_id = ? AND deleted = 0');
    this.forwards = db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`);
    this.backwards = db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? AND revision >= ?
      ORDER BY revision DESC LIMIT ?`);
    this.all = db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`);
    // Rows as arrays, made objects in JS: better-sqlite3 builds a row object property by
    // property through the V8 API, which costs readAllText (whole-log audits) about a third.
    this.allText = db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true) as unknown as Database.Statement<[number, number], TextRow>;
    this.head = db.prepare('SELECT coalesce(max(position), 0) AS head FROM events');
    this.readStreamTx = db.transaction((streamId: string, options: ReadStreamOptions) => {
      const stream = this.visibleFrom.get(streamId);
      if (!stream) throw new StreamNotFoundError(streamId);
      const limit = limitOf(options.maxCount);
      if (options.direction === 'backwards') {
        const from = options.fromRevision ?? Number.MAX_SAFE_INTEGER;
        return this.backwards.all(streamId, from, stream.first_visible, limit).map(toRecorded);
      }
      const from = Math.max(options.fromRevision ?? 0, stream.first_visible);
      return this.forwards.all(streamId, from, limit).map(toRecorded);
    });
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): RecordedEvent[] {
    return this.readStreamTx(streamId, options);
  }

  readAll(options: ReadAllOptions = {}): RecordedEvent[] {
    return this.all.all(options.fromPosition ?? 0, limitOf(options.maxCount)).map(toRecorded);
  }

  readAllText(options: ReadAllOptions = {}): StoredEventText[] {
    return this.allText.all(options.fromPosition ?? 0, limitOf(options.maxCount)).map(toStoredText);
  }

  headPosition(): number {
    return this.head.get()!.head;
  }
}

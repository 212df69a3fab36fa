/**
 * The one event-store port. Every adapter (SQLite, PostgreSQL, EventStoreDB) implements it and
 * passes the same contract suite; nothing above this line knows which backend it talks to.
 */

/** `no_stream`: the stream must not exist; `stream_exists`: it must; `any`: no check; a number: the revision of the stream's last event. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface EventToAppend {
  readonly type: string;
  readonly data: unknown;
  /** Must hold a unique `eventId` (UUID): re-sending the same ids after a lost reply is a no-op. */
  readonly metadata: { readonly eventId: string; readonly [key: string]: unknown };
}

export interface RecordedEvent {
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  /** 0-based, dense within the stream. */
  readonly revision: number;
  /** Global commit order; strictly increasing, not necessarily dense. */
  readonly position: number;
  /** When the store recorded it (ISO-8601). */
  readonly recordedAt: string;
}

/** A recorded event with data and metadata as the JSON text the store holds, not parsed. */
export interface StoredEventText {
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
  /** JSON text, exactly as stored. */
  readonly data: string;
  /** JSON text, exactly as stored. */
  readonly metadata: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream (pass it as the next expected revision). */
  readonly nextExpectedRevision: number;
  /** Global position of the last event appended. */
  readonly position: number;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to read from the beginning. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events strictly after it. Omit to start at the beginning. */
  readonly fromPosition?: number;
  /** Largest batch handed over at once (default 500). */
  readonly batchSize?: number;
}

export interface SubscriptionBatch {
  readonly events: readonly RecordedEvent[];
  /** True when this batch reached the head of the log as it was when read: history is done. */
  readonly caughtUp: boolean;
}

/**
 * A catch-up subscription to the whole log: history first, then live events, in position order,
 * each exactly once. Iterate it; `stop()` ends the iteration cleanly.
 */
export interface Subscription extends AsyncIterable<SubscriptionBatch> {
  stop(): Promise<void>;
}

export interface EventStore {
  /** Human-readable backend description for start-up banners, never containing a password. */
  readonly description: string;
  /**
   * Atomic: all events or none. Throws WrongExpectedRevisionError on a conflict. Re-sending events
   * whose ids are already stored at the same place returns the original result and writes nothing;
   * other re-use of stored ids throws DuplicateEventIdError (SQL adapters; EventStoreDB checks ids per stream).
   */
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream does not exist or was deleted. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * readAll without parsing: data and metadata as the JSON text the store holds. Optional (a
   * backend that does not keep the text has nothing to offer); for auditors that hash the stored
   * bytes (tenantctl verify --all, checkpoints) instead of parsing and re-serialising them.
   */
  readAllText?(options?: ReadAllOptions): Promise<StoredEventText[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the newest event (0 when empty): lag = head - checkpoint. */
  headPosition(): Promise<number>;
  /**
   * Soft delete: the stream reads as not found; its events stay in the global log (readAll,
   * subscriptions) for audit. A later append with `no_stream` or `any` recreates it: revisions
   * continue after the deleted ones (as EventStoreDB does), which stay hidden from readStream.
   * Deleting a missing stream with `any` is a no-op, so a retried delete succeeds.
   */
  deleteStream(streamId: string, expected?: ExpectedRevision): Promise<void>;
  /** Readiness probe: resolves when the backend answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

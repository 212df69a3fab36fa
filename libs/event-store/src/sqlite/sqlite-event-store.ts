import type Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { CatchUpSubscription, WakeSignal } from '../shared/catch-up-subscription.js';
import { validateAppend } from '../shared/append-rules.js';
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, ReadAllOptions, ReadStreamOptions, RecordedEvent, StoredEventText, SubscribeOptions, Subscription } from '../port.js';
import { SqliteWriter } from './append.js';
import { SqliteReader } from './read.js';
import { openSqlite } from './schema.js';

export interface SqliteEventStoreOptions {
  /** How often a live subscription re-reads to see appends made by other processes (default 50 ms). */
  readonly pollMs?: number;
}

/**
 * Same-process appends wake subscribers at once through this registry, keyed by the file's
 * absolute path, so two store instances on one file in one process also see each other.
 * Other processes writing the same file are found by polling.
 */
const signals = new Map<string, { signal: WakeSignal; users: number }>();

/**
 * The embedded default. better-sqlite3 is synchronous: every call below runs to completion on
 * the event loop, so appends within a process never interleave, and SQLite's write lock
 * serialises them across processes (positions therefore follow commit order).
 */
export class SqliteEventStore implements EventStore {
  readonly description: string;
  private readonly db: Database.Database;
  private readonly writer: SqliteWriter;
  private readonly reader: SqliteReader;
  private readonly signalKey: string;
  private readonly signal: WakeSignal;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(
    path: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    const memory = path === ':memory:';
    this.description = memory ? 'sqlite (in memory)' : `sqlite ${path}`;
    this.db = openSqlite(path);
    this.writer = new SqliteWriter(this.db);
    this.reader = new SqliteReader(this.db);
    // Each in-memory database is private to its connection, so it gets a private signal.
    this.signalKey = memory ? `memory:${Math.random()}` : resolve(path);
    const entry = signals.get(this.signalKey) ?? { signal: new WakeSignal(), users: 0 };
    entry.users += 1;
    signals.set(this.signalKey, entry);
    this.signal = entry.signal;
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    const result = this.writer.append(streamId, events, expected);
    this.signal.wake();
    return result;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.reader.readStream(streamId, options);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.reader.readAll(options);
  }

  async readAllText(options?: ReadAllOptions): Promise<StoredEventText[]> {
    return this.reader.readAllText(options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription: CatchUpSubscription = new CatchUpSubscription(async (fromPosition, maxCount) => this.reader.readAll({ fromPosition, maxCount }), this.signal, {
      ...options,
      pollMs: this.options.pollMs ?? 50,
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return this.reader.headPosition();
  }

  async deleteStream(streamId: string, expected: ExpectedRevision = 'any'): Promise<void> {
    this.writer.deleteStream(streamId, expected);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    const entry = signals.get(this.signalKey);
    if (entry && --entry.users === 0) signals.delete(this.signalKey);
    this.db.close();
  }
}

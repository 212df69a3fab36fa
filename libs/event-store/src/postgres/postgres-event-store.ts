import pg from 'pg';
import { validateAppend } from '../shared/append-rules.js';
import { CatchUpSubscription } from '../shared/catch-up-subscription.js';
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, ReadAllOptions, ReadStreamOptions, RecordedEvent, StoredEventText, SubscribeOptions, Subscription } from '../port.js';
import { describeEventStoreUrl } from '../url.js';
import { append, deleteStream } from './append.js';
import { PgNotifier } from './notifier.js';
import { headPosition, readAll, readAllText, readStream } from './read.js';
import { migrate } from './schema.js';

export interface PostgresEventStoreOptions {
  /** Live subscriptions re-read this often even without a notification (default 100 ms). */
  readonly pollMs?: number;
  /** Connections in the pool (default 10); concurrent appends each hold one for their transaction. */
  readonly poolSize?: number;
}

/**
 * PostgreSQL adapter. Appends to different streams run fully in parallel (a row lock per
 * stream, no global lock); the global order is made safe for readers by transaction-id based
 * positions and a high-water mark (append.ts, read.ts).
 */
export class PostgresEventStore implements EventStore {
  readonly description: string;
  private readonly notifier: PgNotifier;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    connectionString: string,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.description = describeEventStoreUrl(connectionString);
    this.notifier = new PgNotifier(pool, connectionString);
  }

  /** Connects and creates or migrates the schema before the store is handed out. */
  static async start(connectionString: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresEventStore(pool, connectionString, options);
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    const result = await append(this.pool, streamId, events, expected);
    this.notifier.appended();
    return result;
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStream(this.pool, streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAll(this.pool, options);
  }

  readAllText(options?: ReadAllOptions): Promise<StoredEventText[]> {
    return readAllText(this.pool, options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription: CatchUpSubscription = new CatchUpSubscription((fromPosition, maxCount) => readAll(this.pool, { fromPosition, maxCount }), this.notifier, {
      ...options,
      pollMs: this.options.pollMs ?? 100,
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  headPosition(): Promise<number> {
    return headPosition(this.pool);
  }

  deleteStream(streamId: string, expected: ExpectedRevision = 'any'): Promise<void> {
    return deleteStream(this.pool, streamId, expected);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifier.close();
    await this.pool.end();
  }
}

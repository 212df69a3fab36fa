import pg from 'pg';
import { WakeSignal, type WakeSource } from '../shared/catch-up-subscription.js';

const CHANNEL = 'tlc_event_store_appended';
/**
 * A NOTIFY takes a transaction id and so a commit record; it is only a hint, so it need not
 * wait for the WAL flush (otherwise a single writer pays two fsyncs per append). One round trip:
 * the simple query protocol runs the statements together.
 */
/** Other processes' subscribers hear of appends at most this late (ours are woken at once). */
const NOTIFY_INTERVAL_MS = 10;
const NOTIFY = `BEGIN; SET LOCAL synchronous_commit = off; NOTIFY ${CHANNEL}; COMMIT`;

/**
 * Wake-ups for live subscriptions. Same-process appends wake subscribers directly; other
 * processes hear of them through LISTEN/NOTIFY. Polling in the subscription covers a lost
 * notification or a broken listener connection, so neither is fatal.
 *
 * NOTIFY is sent after COMMIT, not inside the append transaction: PostgreSQL serialises the
 * commits of all notifying transactions on one global lock, which would serialise appends.
 * Notifications are coalesced and throttled (NOTIFY_INTERVAL_MS).
 */
export class PgNotifier implements WakeSource {
  private readonly signal = new WakeSignal();
  private listener: pg.Client | undefined;
  private listening: Promise<void> | undefined;
  private sending: Promise<void> | undefined;
  private pending = false;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {}

  onWake(listener: () => void): () => void {
    this.ensureListening();
    return this.signal.onWake(listener);
  }

  appended(): void {
    this.signal.wake();
    if (this.closed) return;
    this.pending = true;
    if (this.sending) return;
    this.sending = (async () => {
      // At most one NOTIFY per interval: each costs a round trip and a commit, and a listener
      // only needs to know "something new", not what; polling covers anything missed.
      while (this.pending && !this.closed) {
        this.pending = false;
        await this.pool.query(NOTIFY).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, NOTIFY_INTERVAL_MS));
      }
      this.sending = undefined;
    })();
  }

  private ensureListening(): void {
    if (this.listening || this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    this.listener = client;
    client.on('notification', () => this.signal.wake());
    // A dropped listener is replaced on the next subscribe; polling covers the gap.
    client.on('error', () => this.dropListener(client));
    client.on('end', () => this.dropListener(client));
    this.listening = client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .then(() => undefined)
      .catch(() => this.dropListener(client));
  }

  private dropListener(client: pg.Client): void {
    if (this.listener !== client) return;
    this.listener = undefined;
    this.listening = undefined;
    client.end().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.sending;
    await this.listening;
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => undefined);
  }
}

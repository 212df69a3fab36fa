import pg from 'pg';
import { WakeSignal, type WakeSource } from '../shared/catch-up-subscription.js';

const CHANNEL = 'tlc_event_store_appended';

/**
 * Wake-ups for live subscriptions. Same-process appends wake subscribers directly; other
 * processes hear of them through LISTEN/NOTIFY. Polling in the subscription covers a lost
 * notification or a broken listener connection, so neither is fatal.
 *
 * NOTIFY is sent after COMMIT, not inside the append transaction: PostgreSQL serialises the
 * commits of all notifying transactions on one global lock, which would serialise appends.
 * Notifications are coalesced: while one is in flight, any number of appends cause one more.
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
    if (this.sending) {
      this.pending = true;
      return;
    }
    this.sending = (async () => {
      do {
        this.pending = false;
        await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, '']).catch(() => undefined);
      } while (this.pending && !this.closed);
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

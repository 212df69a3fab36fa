import { excludeSystemEvents, type AllStreamSubscription, type EventStoreDBClient, type Position } from '@eventstore/db-client';
import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionBatch } from '../port.js';
import { isSystemEvent, toEsdbPosition, toRecorded } from './mapping.js';

/** One page of $all strictly after a position, with the exact position reached (system events included). */
export type ReadAllPage = (after: Position | undefined, maxCount: number) => Promise<{ events: RecordedEvent[]; last: Position | undefined; exhausted: boolean }>;

/**
 * History is read in pages (so the consumer learns exactly when it has caught up), then the
 * server's own subscribeToAll takes over from the last position read, which it treats as
 * exclusive, filtered to non-system events on the server.
 */
export class EsdbSubscription implements Subscription {
  private stopped = false;
  private started = false;
  private live: AllStreamSubscription | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly readPage: ReadAllPage,
    private readonly options: SubscribeOptions,
    private readonly onEnd: () => void = () => undefined,
  ) {}

  async stop(): Promise<void> {
    this.stopped = true;
    this.onEnd();
    await this.live?.unsubscribe().catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionBatch> {
    if (this.started) throw new Error('A subscription can be iterated only once');
    this.started = true;
    return this.batches();
  }

  private async *batches(): AsyncGenerator<SubscriptionBatch> {
    const batchSize = Math.max(1, this.options.batchSize ?? 500);
    let after = this.options.fromPosition === undefined ? undefined : toEsdbPosition(this.options.fromPosition);
    try {
      for (;;) {
        if (this.stopped) return;
        const page = await this.readPage(after, batchSize);
        after = page.last ?? after;
        if (this.stopped) return;
        if (page.events.length > 0 || page.exhausted) yield { events: page.events, caughtUp: page.exhausted };
        if (page.exhausted) break;
      }
      this.live = this.client.subscribeToAll({ fromPosition: after ?? 'start', filter: excludeSystemEvents() });
      for await (const resolved of this.live) {
        if (this.stopped) return;
        if (isSystemEvent(resolved)) continue;
        yield { events: [toRecorded(resolved)], caughtUp: true };
      }
    } finally {
      this.stopped = true;
      this.onEnd();
      await this.live?.unsubscribe().catch(() => undefined);
    }
  }
}

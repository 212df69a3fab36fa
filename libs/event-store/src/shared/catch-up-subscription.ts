import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionBatch } from '../port.js';

/** Reads one page of the global log strictly after `fromPosition`, in position order. */
export type ReadPage = (fromPosition: number, maxCount: number) => Promise<RecordedEvent[]>;

/** Something that says "the log may have grown": an in-process emitter, LISTEN/NOTIFY, ... */
export interface WakeSource {
  /** Registers a listener and returns the function that removes it. */
  onWake(listener: () => void): () => void;
}

/** In-process fan-out of "something was appended", so same-process subscribers wake at once. */
export class WakeSignal implements WakeSource {
  private readonly listeners = new Set<() => void>();
  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  wake(): void {
    for (const listener of this.listeners) listener();
  }
}

export interface CatchUpOptions extends SubscribeOptions {
  /** Re-read this often even without a wake-up: writers in other processes may not signal us. */
  readonly pollMs: number;
  /** Called once when the subscription ends (stop(), break, or an error), so its owner can forget it. */
  readonly onEnd?: () => void;
}

/**
 * A catch-up subscription built only on "read a page after position X": history pages first,
 * then live pages whenever a wake-up arrives or the poll interval passes. Because each read
 * starts strictly after the last delivered position, and the backend's page reader only returns
 * positions that can no longer be preceded by a late commit, every event arrives exactly once
 * and in position order.
 */
export class CatchUpSubscription implements Subscription {
  private checkpoint: number;
  private readonly batchSize: number;
  private stopped = false;
  private started = false;
  private ended = false;
  /** Set by a wake-up that arrives while a read is running, so it is not lost. */
  private woken = false;
  private wakeWaiter: (() => void) | undefined;
  private readonly unsubscribeWake: () => void;
  private inFlight: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readPage: ReadPage,
    wakeSource: WakeSource,
    private readonly options: CatchUpOptions,
  ) {
    this.checkpoint = options.fromPosition ?? 0;
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.unsubscribeWake = wakeSource.onWake(() => this.wake());
  }

  private wake(): void {
    this.woken = true;
    this.wakeWaiter?.();
  }

  /** Ends the iteration; waits for a read in progress so the caller may close the store next. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.end();
    this.wake();
    await this.inFlight.catch(() => undefined);
  }

  private end(): void {
    this.stopped = true;
    this.unsubscribeWake();
    if (!this.ended) {
      this.ended = true;
      this.options.onEnd?.();
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionBatch> {
    if (this.started) throw new Error('A subscription can be iterated only once');
    this.started = true;
    return this.batches();
  }

  private async *batches(): AsyncGenerator<SubscriptionBatch> {
    // Tell the consumer once that history is done, even when that happened with an empty page.
    let announcedCaughtUp = false;
    try {
      while (!this.stopped) {
        this.woken = false;
        const read = this.readPage(this.checkpoint, this.batchSize);
        this.inFlight = read;
        const events = await read;
        if (this.stopped) return;
        const caughtUp = events.length < this.batchSize;
        if (events.length > 0) {
          this.checkpoint = events[events.length - 1].position;
          yield { events, caughtUp };
          if (caughtUp) announcedCaughtUp = true;
        } else if (!announcedCaughtUp) {
          announcedCaughtUp = true;
          yield { events: [], caughtUp: true };
        }
        if (!caughtUp || this.woken || this.stopped) continue;
        await this.sleep();
      }
    } finally {
      this.end();
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeWaiter = () => {
        this.wakeWaiter = undefined;
        done();
      };
    });
  }
}

import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent, Subscription } from '../port.js';

/** A fresh event with a new UUID; extra metadata is merged in. */
export const ev = (type: string, data: unknown = {}, metadata: Record<string, unknown> = {}): EventToAppend => ({
  type,
  data,
  metadata: { eventId: randomUUID(), ...metadata },
});

/** A prefix unique to one test, so tests sharing a store only look at their own streams. */
export const uniquePrefix = (label: string): string => `${label}-${randomUUID().slice(0, 8)}`;

/**
 * Drains a subscription in the background and lets a test wait until what it received
 * satisfies a condition. The wait has a generous liveness guard, not a speed assertion.
 */
export class Collector {
  readonly events: RecordedEvent[] = [];
  readonly batches: { size: number; caughtUp: boolean }[] = [];
  /** Resolves when the subscription's iteration ends (after stop()); rejects if it threw. */
  readonly done: Promise<void>;
  private waiters: (() => void)[] = [];

  constructor(readonly subscription: Subscription) {
    this.done = (async () => {
      for await (const batch of subscription) {
        this.events.push(...batch.events);
        this.batches.push({ size: batch.events.length, caughtUp: batch.caughtUp });
        for (const w of this.waiters) w();
      }
    })();
    this.done.catch(() => undefined);
  }

  /** Only this test's events (by stream prefix). */
  of(prefix: string): RecordedEvent[] {
    return this.events.filter((e) => e.streamId.startsWith(prefix));
  }

  async waitFor(condition: () => boolean, what: string, guardMs = 45_000): Promise<void> {
    const deadline = Date.now() + guardMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Subscription never delivered ${what} (got ${this.events.length} events)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Repeats a read until its result satisfies `done` and returns that result. For reads of the
 * global log right after an append: the PostgreSQL adapter may hold back the newest events for
 * as long as an older transaction of the same database is still finishing (by design), so
 * "visible at once" is not part of the contract; "visible once nothing older is in flight" is.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, guardMs = 10_000): Promise<T> {
  const deadline = Date.now() + guardMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Never saw ${what}; last read: ${JSON.stringify(value).slice(0, 300)}`);
    await sleep(20);
  }
}

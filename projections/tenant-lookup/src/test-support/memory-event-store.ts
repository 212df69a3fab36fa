/**
 * A minimal in-memory EventStore (the port only) so projection tests do not depend on an
 * adapter's progress. No expected-revision subtleties beyond what appends here need.
 */
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription, SubscriptionBatch } from '@tlc/event-store';

export class MemoryEventStore implements EventStore {
  readonly description = 'memory';
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const last = stream.length - 1;
    if ((expected === 'no_stream' && last >= 0) || (typeof expected === 'number' && expected !== last)) {
      throw new Error(`wrong expected revision on ${streamId}: ${String(expected)} vs ${last}`);
    }
    for (const e of events) {
      const rec: RecordedEvent = {
        streamId,
        eventId: e.metadata.eventId,
        type: e.type,
        data: JSON.parse(JSON.stringify(e.data)),
        metadata: JSON.parse(JSON.stringify(e.metadata)),
        revision: stream.length,
        position: this.log.length + 1,
        recordedAt: new Date().toISOString(),
      };
      stream.push(rec);
      this.log.push(rec);
    }
    this.streams.set(streamId, stream);
    return { nextExpectedRevision: stream.length - 1, position: this.log.length };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const s = this.streams.get(streamId);
    if (!s) throw new Error(`Stream "${streamId}" does not exist`);
    return [...s];
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? 0;
    return this.log.slice(from, from + (options.maxCount ?? Number.MAX_SAFE_INTEGER));
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    let position = options.fromPosition ?? 0;
    let stopped = false;
    const batchSize = options.batchSize ?? 500;
    // Arrows keep this store's `this` for the generator method below, which has its own.
    const readAll = (o: ReadAllOptions) => this.readAll(o);
    const logLength = () => this.log.length;
    return {
      async stop() {
        stopped = true;
      },
      async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionBatch> {
        while (!stopped) {
          const events = await readAll({ fromPosition: position, maxCount: batchSize });
          if (events.length > 0) {
            position = events[events.length - 1].position;
            yield { events, caughtUp: position >= logLength() };
          } else {
            await new Promise((r) => setTimeout(r, 10));
          }
        }
      },
    };
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }
  async deleteStream(): Promise<void> {
    throw new Error('not supported');
  }
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

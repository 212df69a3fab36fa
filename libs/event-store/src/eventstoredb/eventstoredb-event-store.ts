import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START, type Position, type ReadPosition } from '@eventstore/db-client';
import { validateAppend } from '../shared/append-rules.js';
import type { AppendResult, EventStore, EventToAppend, ExpectedRevision, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions, Subscription } from '../port.js';
import { WrongExpectedRevisionError } from '../errors.js';
import { describeEventStoreUrl } from '../url.js';
import { isSystemEvent, mapError, toEsdbExpected, toEsdbPosition, toEventData, toNumberPosition, toRecorded } from './mapping.js';
import { EsdbSubscription } from './subscription.js';

const after = (a: Position, b: Position): boolean => a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);

/**
 * EventStoreDB adapter. The server does the hard parts itself (optimistic concurrency,
 * idempotent appends by event id, a totally ordered $all); this class maps names and types.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly description: string;
  private readonly client: EventStoreDBClient;
  private readonly subscriptions = new Set<Subscription>();

  constructor(connectionString: string) {
    this.description = describeEventStoreUrl(connectionString);
    this.client = EventStoreDBClient.connectionString(connectionString);
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEventData), { expectedRevision: toEsdbExpected(expected) });
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: toNumberPosition(result.position) };
    } catch (error) {
      throw mapError(error, streamId, expected);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      });
      for await (const resolved of read) if (resolved.event) out.push(toRecorded(resolved));
    } catch (error) {
      throw mapError(error, streamId);
    }
    return out;
  }

  /** One page strictly after `from` (readAll itself is inclusive), skipping system events. */
  private async readPage(from: Position | undefined, maxCount: number): Promise<{ events: RecordedEvent[]; last: Position | undefined; exhausted: boolean }> {
    const requested = maxCount + (from ? 1 : 0);
    const events: RecordedEvent[] = [];
    let last: Position | undefined;
    let raw = 0;
    const fromPosition: ReadPosition = from ?? START;
    for await (const resolved of this.client.readAll({ fromPosition, maxCount: requested, direction: FORWARDS })) {
      raw += 1;
      const position = resolved.event?.position;
      if (!position || (from && !after(position, from))) continue;
      last = position;
      if (!isSystemEvent(resolved)) events.push(toRecorded(resolved));
    }
    return { events, last, exhausted: raw < requested };
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const out: RecordedEvent[] = [];
    let from = options.fromPosition === undefined ? undefined : toEsdbPosition(options.fromPosition);
    while (out.length < wanted) {
      const page = await this.readPage(from, Math.min(1000, wanted - out.length));
      out.push(...page.events);
      if (page.exhausted || !page.last) break;
      from = page.last;
    }
    return out;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const subscription: EsdbSubscription = new EsdbSubscription(
      this.client,
      (from, max) => this.readPage(from, max),
      options,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The newest non-system event's position: walks back over the server's own ($stats...) events. */
  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      let raw = 0;
      let last: Position | undefined;
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount: 100, direction: BACKWARDS })) {
        raw += 1;
        if (!isSystemEvent(resolved)) return toNumberPosition(resolved.event?.position);
        last = resolved.event?.position;
      }
      if (raw < 100 || !last) return 0;
      from = last;
    }
  }

  /** Soft delete (not a tombstone): the stream can be recreated and its revisions continue. */
  async deleteStream(streamId: string, expected: ExpectedRevision = 'any'): Promise<void> {
    try {
      let expectedRevision = expected;
      if (expected === 'stream_exists') {
        // The server's delete has no stream_exists check: resolve it to the current revision.
        const last = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 }).catch(() => []);
        if (last.length === 0) throw new WrongExpectedRevisionError(streamId, expected, -1);
        expectedRevision = last[0].revision;
      }
      const esdbExpected = toEsdbExpected(expectedRevision);
      await this.client.deleteStream(streamId, { expectedRevision: esdbExpected === 'stream_exists' ? 'any' : esdbExpected });
    } catch (error) {
      const mapped = mapError(error, streamId, expected);
      // Deleting what is already gone, without a revision to check, is a no-op (a retried delete succeeds).
      if (mapped instanceof Error && mapped.name === 'StreamNotFoundError' && (expected === 'any' || expected === 'no_stream')) return;
      throw mapped;
    }
  }

  async ping(): Promise<void> {
    for await (const _ of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) break;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }
}

import { WrongExpectedRevisionError } from '../errors.js';
import type { EventStore, RecordedEvent } from '../port.js';
import { Collector, ev, uniquePrefix } from './collector.js';

export const positions = (events: readonly RecordedEvent[]): number[] => events.map((e) => e.position);
export const isStrictlyIncreasing = (xs: readonly number[]): boolean => xs.every((x, i) => i === 0 || x > xs[i - 1]);

/** Subscriptions and concurrent writers: the part of the contract about order under load. */
export function describeConcurrencyContract(getStore: () => EventStore): void {
  let store: EventStore;
  // Registered after the suite's own beforeAll (which creates the store), so it runs after it.
  beforeAll(() => {
    store = getStore();
  });

  describe('catch-up subscription', () => {
    it('delivers exactly the events after the checkpoint, then live ones in order, and stop() ends it', async () => {
      const s = uniquePrefix('sub');
      const history = Array.from({ length: 5 }, (_, i) => ev(`H${i}`));
      await store.append(s, history, 'no_stream');
      const stored = await store.readStream(s);
      const checkpoint = stored[2].position;

      const collector = new Collector(store.subscribeToAll({ fromPosition: checkpoint, batchSize: 2 }));
      await collector.waitFor(() => collector.of(s).length >= 2, 'the history after the checkpoint');
      await collector.waitFor(() => collector.batches.some((b) => b.caughtUp), 'a caught-up batch');
      const live = Array.from({ length: 3 }, (_, i) => ev(`L${i}`));
      await store.append(s, [live[0]], 4);
      await store.append(s, [live[1], live[2]], 5);
      await collector.waitFor(() => collector.of(s).length >= 5, 'the live events');

      expect(collector.of(s).map((e) => e.type)).toEqual(['H3', 'H4', 'L0', 'L1', 'L2']);
      expect(collector.events.every((e) => e.position > checkpoint)).toBe(true);
      expect(isStrictlyIncreasing(positions(collector.events))).toBe(true);
      expect(collector.batches.every((b) => b.size <= 2)).toBe(true);

      await collector.subscription.stop();
      await expect(collector.done).resolves.toBeUndefined();
      const afterStop = collector.events.length;
      await store.append(s, [ev('AfterStop')], 7);
      expect(collector.events.length).toBe(afterStop);
    });

    it('8 concurrent writers x 500 events: every event exactly once, in position order', async () => {
      const p = uniquePrefix('load');
      const collector = new Collector(store.subscribeToAll({ fromPosition: await store.headPosition() }));
      const writers = Array.from({ length: 8 }, async (_, w) => {
        const stream = `${p}-w${w}`;
        const ids: string[] = [];
        let expected: number | 'no_stream' = 'no_stream';
        // Mixed batch sizes (1-3 events) so commits interleave at odd boundaries.
        while (ids.length < 500) {
          const n = Math.min(1 + ((ids.length + w) % 3), 500 - ids.length);
          const batch = Array.from({ length: n }, () => ev('Loaded', { w }));
          const r = await store.append(stream, batch, expected);
          expected = r.nextExpectedRevision;
          ids.push(...batch.map((e) => e.metadata.eventId));
        }
        return ids;
      });
      const written = (await Promise.all(writers)).flat();
      await collector.waitFor(() => collector.of(p).length >= written.length, `all ${written.length} events`);
      await collector.subscription.stop();
      await collector.done;

      const got = collector.of(p);
      expect(got).toHaveLength(4000);
      expect(new Set(got.map((e) => e.eventId))).toEqual(new Set(written));
      expect(isStrictlyIncreasing(positions(collector.events))).toBe(true);
      for (let w = 0; w < 8; w++) {
        expect(got.filter((e) => e.streamId === `${p}-w${w}`).map((e) => e.revision)).toEqual(Array.from({ length: 500 }, (_, i) => i));
      }
      // The log read afterwards agrees with what the subscription saw live.
      const all = (await store.readAll({ fromPosition: got[0].position - 1 })).filter((e) => e.streamId.startsWith(p));
      expect(all.map((e) => e.eventId)).toEqual(got.map((e) => e.eventId));
    }, 120_000);
  });

  it('20 concurrent appends with the same expected revision: exactly one wins', async () => {
    const s = uniquePrefix('race');
    const start = await store.append(s, [ev('Start')], 'no_stream');
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.append(s, [ev('Racer', { i })], start.nextExpectedRevision)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(losers).toHaveLength(19);
    expect(losers.every((r) => r.reason instanceof WrongExpectedRevisionError)).toBe(true);
    expect(await store.readStream(s)).toHaveLength(2);

    const fresh = uniquePrefix('race-new');
    const creations = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(fresh, [ev('Reserved')], 'no_stream')));
    expect(creations.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(creations.filter((r) => r.status === 'rejected' && r.reason instanceof WrongExpectedRevisionError)).toHaveLength(19);
  });
}

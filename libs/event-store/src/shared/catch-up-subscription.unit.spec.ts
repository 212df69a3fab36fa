import type { RecordedEvent } from '../port.js';
import { CatchUpSubscription, WakeSignal } from './catch-up-subscription.js';

const event = (position: number): RecordedEvent => ({
  streamId: 's',
  eventId: `e${position}`,
  type: 'T',
  data: null,
  metadata: {},
  revision: position - 1,
  position,
  recordedAt: '2026-01-01T00:00:00.000Z',
});

/** An in-memory log whose reads the test can hold open, to interleave wake-ups and stop(). */
class FakeLog {
  readonly events: RecordedEvent[] = [];
  reads = 0;
  gate: Promise<void> | undefined;
  add(n: number): void {
    for (let i = 0; i < n; i++) this.events.push(event(this.events.length + 1));
  }
  read = async (from: number, max: number): Promise<RecordedEvent[]> => {
    this.reads += 1;
    // Like a database snapshot: what the read returns is fixed when it starts.
    const page = this.events.filter((e) => e.position > from).slice(0, max);
    await this.gate;
    return page;
  };
}

describe('CatchUpSubscription', () => {
  it('pages history, says once that it caught up, then delivers live events after a wake-up', async () => {
    const log = new FakeLog();
    log.add(5);
    const signal = new WakeSignal();
    const sub = new CatchUpSubscription(log.read, signal, { fromPosition: 1, batchSize: 2, pollMs: 60_000 });
    const it = sub[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ events: [event(2), event(3)], caughtUp: false });
    expect((await it.next()).value).toEqual({ events: [event(4), event(5)], caughtUp: false });
    expect((await it.next()).value).toEqual({ events: [], caughtUp: true });
    const next = it.next();
    log.add(1);
    signal.wake();
    expect((await next).value).toEqual({ events: [event(6)], caughtUp: true });
    await sub.stop();
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it('does not lose a wake-up that arrives while a read is in flight', async () => {
    const log = new FakeLog();
    const signal = new WakeSignal();
    const sub = new CatchUpSubscription(log.read, signal, { pollMs: 60_000 });
    const it = sub[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ events: [], caughtUp: true });
    let open!: () => void;
    log.gate = new Promise<void>((resolve) => (open = resolve));
    const next = it.next(); // the subscription goes to sleep (poll interval: a minute)
    signal.wake(); // ... and wakes up into a read that the gate holds open
    while (log.reads < 2) await new Promise((resolve) => setImmediate(resolve));
    log.add(1);
    signal.wake(); // arrives during that read, whose snapshot lacks the new event
    log.gate = undefined;
    open();
    // Without remembering the wake-up it would sleep a minute and this test would time out.
    expect((await next).value).toEqual({ events: [event(1)], caughtUp: true });
    expect(log.reads).toBe(3);
    await sub.stop();
  });

  it('stop() ends a waiting iteration, waits for the read in flight, and reports the end once', async () => {
    const log = new FakeLog();
    const signal = new WakeSignal();
    let ended = 0;
    const sub = new CatchUpSubscription(log.read, signal, { pollMs: 60_000, onEnd: () => (ended += 1) });
    const it = sub[Symbol.asyncIterator]();
    await it.next();
    const waiting = it.next();
    await sub.stop();
    await sub.stop();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(ended).toBe(1);
    expect(() => sub[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});

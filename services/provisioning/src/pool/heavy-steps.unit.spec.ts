import { Semaphore } from './heavy-steps.js';

/** A step that holds its slot until released by the spec. */
function held(order: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    release: () => release(),
    fn: async () => {
      order.push(name);
      await done;
    },
  };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('the heavy-step limiter', () => {
  it('gives a freed slot to a step taken over from a dead runner before any new step that waited longer', async () => {
    const s = new Semaphore(1);
    const order: string[] = [];
    const running = held(order, 'running');
    const fresh = held(order, 'fresh');
    const takeover = held(order, 'takeover');
    const all = [s.run(running.fn), s.run(fresh.fn), s.run(takeover.fn, { first: true })];
    await tick();
    expect(order).toEqual(['running']);
    running.release();
    await tick();
    expect(order).toEqual(['running', 'takeover']);
    takeover.release();
    await tick();
    fresh.release();
    await Promise.all(all);
    expect(order).toEqual(['running', 'takeover', 'fresh']);
    expect(s.inUse).toBe(0);
  });

  it('never runs more than its limit, and tryRun refuses while anyone waits', async () => {
    const s = new Semaphore(2);
    const order: string[] = [];
    const a = held(order, 'a');
    const b = held(order, 'b');
    const c = held(order, 'c');
    const all = [s.run(a.fn), s.run(b.fn), s.run(c.fn, { first: true })];
    await tick();
    expect([order, s.inUse]).toEqual([['a', 'b'], 2]);
    expect(await s.tryRun(async () => 'x')).toBeUndefined();
    a.release();
    b.release();
    await tick();
    c.release();
    await Promise.all(all);
    expect(await s.tryRun(async () => 'x')).toEqual({ value: 'x' });
  });
});

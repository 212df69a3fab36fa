import { ClaimActivity } from './claim-activity.js';

describe('ClaimActivity: refills wait for claims to finish, within bounds', () => {
  let t = 0;
  const clock = () => t;
  beforeEach(() => {
    t = 1_000_000;
  });

  it('lets a refill start at once when nothing was claimed', () => {
    expect(new ClaimActivity(100, 10_000, clock).waitMs(t)).toBe(0);
  });

  it('holds a refill while a claim is finishing, then for the settle time after the last one', () => {
    const a = new ClaimActivity(100, 10_000, clock);
    a.started('t1');
    const since = t;
    t += 40;
    expect(a.waitMs(since)).toBe(10_000 - 40);
    a.finished('t1');
    expect(a.waitMs(since)).toBe(100);
    t += 60;
    a.started('t2'); // the next signup of a burst
    expect(a.waitMs(since)).toBe(10_000 - 100);
    t += 50;
    a.finished('t2');
    t += 99;
    expect(a.waitMs(since)).toBe(1);
    t += 1;
    expect(a.waitMs(since)).toBe(0);
  });

  it('never holds a refill longer than the maximum, however many claims come', () => {
    const a = new ClaimActivity(100, 10_000, clock);
    const since = t;
    for (let i = 0; i < 200; i++) {
      a.started(`t${i}`);
      t += 30;
      a.finished(`t${i}`);
      t += 20;
    }
    expect(t - since).toBe(10_000);
    expect(a.waitMs(since)).toBe(0);
  });

  it('forgets a claim whose end was never reported once it is older than the maximum', () => {
    const a = new ClaimActivity(100, 10_000, clock);
    a.started('lost');
    t += 10_000;
    expect(a.waitMs(t)).toBe(0);
    a.finished('lost'); // late word of it changes nothing
    expect(a.waitMs(t)).toBe(0);
  });

  it('release() ends every wait at once (the service is stopping)', async () => {
    const a = new ClaimActivity(20, 10_000);
    a.started('t1');
    const began = Date.now();
    const q = a.quiet();
    a.release();
    await q;
    expect(Date.now() - began).toBeLessThan(1000);
    await a.quiet(); // and later ones do not wait either
  });

  it('quiet() resolves when the last finishing claim ends and the settle time has passed', async () => {
    const a = new ClaimActivity(20, 10_000);
    a.started('t1');
    let done = false;
    const q = a.quiet().then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    const ended = Date.now();
    a.finished('t1');
    await q;
    expect(Date.now() - ended).toBeGreaterThanOrEqual(19);
  });
});

/**
 * The heavy-step limit (new-site, install-app are CPU and database heavy). One limiter per
 * instance is shared by tenant provisioning and pool refills; the pool asks for a slot only
 * when one is free right now (`tryRun`), so refills never queue ahead of a customer's signup.
 */
export interface HeavyStepLimiter {
  /** Runs `fn` in a slot, waiting for one. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` if a slot is free now (and nobody waits), else returns undefined at once. */
  tryRun<T>(fn: () => Promise<T>): Promise<{ value: T } | undefined>;
  readonly inUse: number;
  readonly limit: number;
}

export const HEAVY_STEPS = Symbol.for('tlc.provisioning.heavy-steps');

export class Semaphore implements HeavyStepLimiter {
  private used = 0;
  private readonly queue: Array<() => void> = [];
  constructor(readonly limit: number) {}

  get inUse(): number {
    return this.used;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.used >= this.limit || this.queue.length > 0) await new Promise<void>((r) => this.queue.push(r));
    else this.used++;
    try {
      return await fn();
    } finally {
      const next = this.queue.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else this.used--;
    }
  }

  async tryRun<T>(fn: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.used >= this.limit || this.queue.length > 0) return undefined;
    return { value: await this.run(fn) };
  }
}

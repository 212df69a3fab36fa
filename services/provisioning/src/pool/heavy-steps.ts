/**
 * The heavy-step limit (new-site, install-app are CPU and database heavy). One limiter per
 * instance is shared by tenant provisioning and pool refills; the pool asks for a slot only
 * when one is free right now (`tryRun`), so refills never queue ahead of a customer's signup.
 */
export interface HeavyStepLimiter {
  /**
   * Runs `fn` in a slot, waiting for one. `first`: ahead of every waiter without it (a step taken
   * over from a dead runner has waited since that runner died; it must not queue behind new work).
   */
  run<T>(fn: () => Promise<T>, opts?: { readonly first?: boolean }): Promise<T>;
  /** Runs `fn` if a slot is free now (and nobody waits), else returns undefined at once. */
  tryRun<T>(fn: () => Promise<T>): Promise<{ value: T } | undefined>;
  readonly inUse: number;
  readonly limit: number;
}

export const HEAVY_STEPS = Symbol.for('tlc.provisioning.heavy-steps');

export class Semaphore implements HeavyStepLimiter {
  private used = 0;
  private readonly urgent: Array<() => void> = [];
  private readonly queue: Array<() => void> = [];
  constructor(readonly limit: number) {}

  get inUse(): number {
    return this.used;
  }

  private get waiting(): number {
    return this.urgent.length + this.queue.length;
  }

  async run<T>(fn: () => Promise<T>, opts: { readonly first?: boolean } = {}): Promise<T> {
    if (this.used >= this.limit || this.waiting > 0) await new Promise<void>((r) => (opts.first ? this.urgent : this.queue).push(r));
    else this.used++;
    try {
      return await fn();
    } finally {
      const next = this.urgent.shift() ?? this.queue.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else this.used--;
    }
  }

  async tryRun<T>(fn: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.used >= this.limit || this.waiting > 0) return undefined;
    return { value: await this.run(fn) };
  }
}

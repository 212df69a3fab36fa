/**
 * Refills yield to claims. A standby build's new-site and install-app are heavy (minutes of CPU
 * and database work on real bench); started beside a claim's finishing steps they slowed the
 * person waiting for that claim (B5), for the sake of a build that takes minutes anyway. So a
 * refill step starts only once no claim of this instance is finishing and none has finished
 * within `settleMs` (a burst of signups is over), and never waits longer than `maxWaitMs`, so a
 * steady stream of claims cannot starve the pool.
 */
export class ClaimActivity {
  /** tenant id -> when its claim was recorded. */
  private readonly finishing = new Map<string, number>();
  private lastFinished = Number.NEGATIVE_INFINITY;
  private readonly waiters = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly settleMs: number,
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  started(tenantId: string): void {
    this.finishing.set(tenantId, this.now());
  }

  /** The tenant is no longer finishing (Active, rolling back, ...). */
  finished(tenantId: string): void {
    if (!this.finishing.delete(tenantId)) return;
    this.lastFinished = this.now();
    for (const wake of [...this.waiters]) wake();
  }

  /** How long a refill step that began waiting at `since` should still wait (0: start now). */
  waitMs(since: number): number {
    const now = this.now();
    const left = since + this.maxWaitMs - now;
    if (left <= 0) return 0;
    // A claim whose end was never reported (its tenant moved on elsewhere) stops counting.
    for (const [tenantId, at] of this.finishing) if (now - at >= this.maxWaitMs) this.finishing.delete(tenantId);
    if (this.finishing.size > 0) return left;
    return Math.max(0, Math.min(left, this.lastFinished + this.settleMs - now));
  }

  /** Ends every wait at once (the service is stopping). */
  release(): void {
    this.stopped = true;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves when a refill step that began waiting at `since` may start (or the service stops). */
  async quiet(since = this.now()): Promise<void> {
    for (let ms = this.waitMs(since); ms > 0 && !this.stopped; ms = this.waitMs(since)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        this.waiters.add(done);
      });
    }
  }
}

/**
 * Keeps POOL_SIZE standby sites ready or building. Each build is new-site, then install-app per
 * configured app, each step under a lease on the standby stream and in a free heavy-step slot.
 * A failed build is dropped and replaced; a build whose runner died (lease expired, or silent for
 * longer than a lease) is abandoned, dropped and replaced, never resumed half-way. The same tick
 * settles claims that a crashed claimant left unrecorded (PoolService.settle).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WrongExpectedRevisionError } from '@tlc/event-store';
import { nextStandbyStep, standbyStepKey, type StandbyState } from '@tlc/tenant-events';
import { randomBytes } from 'node:crypto';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { HEAVY_STEPS, type HeavyStepLimiter } from './heavy-steps.js';
import { isPoolError } from './pool-error.js';
import { PoolMetrics } from './pool-metrics.js';
import { PoolService } from './pool.service.js';
import type { BenchOutcome } from './standby-bench.js';
import { StandbyRepository } from './standby-repository.js';

const LEASE_GRACE_MS = 30_000;
export const newStandbyName = (): string => `standby-${randomBytes(4).toString('hex')}`;

@Injectable()
export class PoolRefiller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PoolRefiller');
  /** Sites this instance is working on right now. */
  private readonly mine = new Map<string, Promise<void>>();
  private readonly settled = new Set<string>();
  private stopped = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private failuresInARow = 0;
  private paused = false;

  constructor(
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
    @Inject(HEAVY_STEPS) private readonly limiter: HeavyStepLimiter,
    private readonly pool: PoolService,
    private readonly standbys: StandbyRepository,
    private readonly metrics: PoolMetrics,
  ) {
    pool.onClaimed = () => this.poke();
  }

  onApplicationBootstrap(): void {
    if (!this.pool.enabled) return;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    this.pool.activity.release();
    await this.loop;
    // A bench command in flight finishes and is recorded; nothing new starts.
    await Promise.allSettled([...this.mine.values()]);
  }

  /**
   * Stops starting new builds (running ones finish; settling and clean-up go on), e.g. while an
   * operator works on the bench, or for a test that needs the pool to stay as it is.
   */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.poke();
  }

  /** Asks for a tick now (after a claim, so the pool refills without waiting for the timer). */
  poke(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    await this.pool.index.start();
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (e) {
        this.logger.error({ msg: 'pool tick failed', error: (e as Error).message });
      }
      const backoff = Math.min(60_000, this.failuresInARow * this.config.pool.refillIntervalMs);
      await Promise.race([
        sleep(this.config.pool.refillIntervalMs + backoff),
        new Promise<void>((r) => {
          this.wake = r;
        }),
      ]);
    }
  }

  /** One look at the pool: settle, clean up, then start builds up to POOL_SIZE. */
  async tick(): Promise<void> {
    const now = Date.now();
    for (const s of this.pool.index.all()) {
      if (this.stopped) return;
      if (this.mine.has(s.site)) continue;
      if (s.status === 'Claimed' && !this.settled.has(s.site) && now - Date.parse(s.updatedAt ?? '') >= this.config.pool.claimGraceMs) {
        // Recorded or returned: either way this claim needs no more looks until the site changes.
        if (await this.pool.settle(s.site, `settle-${s.site}`)) this.settled.add(s.site);
      } else if (s.status === 'Building' && this.abandoned(s, now)) {
        await this.tryStandby(() =>
          this.standbys.handle({
            type: 'AbandonStandby',
            data: { site: s.site, reason: 'its builder stopped (lease expired)', silentSince: new Date(now - this.leaseMs()).toISOString() },
            metadata: this.pool.meta(s.site),
          }),
        );
      } else if (s.status === 'Failed' && s.siteMayExist && !(s.running && Date.parse(s.running.leaseExpiresAt) > now)) {
        this.spawn(s.site, () => this.drop(s.site));
      }
    }
    const c = this.pool.index.counts();
    // Builds we spawned whose StandbyRequested is not appended yet count too, or a slow append overfills.
    const unseen = [...this.mine.keys()].filter((site) => !this.pool.index.get(site)).length;
    const missing = this.config.pool.size - c.ready - c.building - unseen;
    for (let i = 0; i < missing && !this.stopped && !this.paused; i++) {
      const site = newStandbyName();
      this.spawn(site, () => this.build(site));
    }
  }

  private leaseMs(): number {
    return this.config.pm.heavyStepTimeoutMs + LEASE_GRACE_MS;
  }

  private abandoned(s: StandbyState, now: number): boolean {
    if (s.running) return Date.parse(s.running.leaseExpiresAt) <= now;
    return now - Date.parse(s.updatedAt ?? '') > this.leaseMs();
  }

  private spawn(site: string, work: () => Promise<void>): void {
    // Deferred one tick, so the entry exists before the work can finish and remove it.
    const p = Promise.resolve()
      .then(work)
      .catch((e) => {
        if (!this.stopped) this.logger.error({ msg: 'standby work failed', site, error: (e as Error).message });
      })
      .finally(() => {
        this.mine.delete(site);
      });
    this.mine.set(site, p);
  }

  private async tryStandby<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const r = await fn();
      const state = (r as { state?: StandbyState })?.state;
      if (state) this.pool.index.remember(state);
      return r;
    } catch (e) {
      if (e instanceof WrongExpectedRevisionError || isPoolError(e)) return undefined;
      throw e;
    }
  }

  /** Waits for a free heavy-step slot without queueing ahead of tenants, nor beside a claim that is finishing. */
  private async inFreeSlot(fn: () => Promise<void>): Promise<void> {
    // One bound for the whole wait, however often the slot turns out to be taken.
    const since = Date.now();
    while (!this.stopped) {
      await this.pool.activity.quiet(since);
      if (
        await this.limiter.tryRun(async () => {
          if (!this.stopped) await fn();
        })
      )
        return;
      await sleep(Math.min(250, this.config.pool.refillIntervalMs));
    }
  }

  private async build(site: string): Promise<void> {
    const meta = () => this.pool.meta(site);
    const requested = await this.tryStandby(() => this.standbys.handle({ type: 'RequestStandby', data: { site, apps: this.config.apps }, metadata: meta() }));
    if (!requested) return;
    for (;;) {
      const { state } = await this.standbys.load(site);
      const next = nextStandbyStep(state);
      if (!next || state.status !== 'Building' || this.stopped) break;
      const attempt = (state.attempts[standbyStepKey(next.step, next.app)] ?? 0) + 1;
      let outcome: BenchOutcome | undefined;
      await this.inFreeSlot(async () => {
        const started = await this.tryStandby(() =>
          this.standbys.handle({
            type: 'StartStandbyStep',
            metadata: meta(),
            data: { site, step: next.step, ...(next.app ? { app: next.app } : {}), attempt, runnerId: this.pool.runnerId, leaseExpiresAt: new Date(Date.now() + this.leaseMs()).toISOString() },
          }),
        );
        if (!started) return;
        outcome =
          next.step === 'new-site' ? await this.pool.bench.newSite(site) : next.step === 'api-key' ? await this.pool.bench.createApiKey(site) : await this.pool.bench.installApp(site, next.app ?? '');
      });
      if (!outcome) return; // stopped, or another runner took the step
      const data = { site, step: next.step, ...(next.app ? { app: next.app } : {}), attempt };
      if (!outcome.ok) {
        this.failuresInARow++;
        this.logger.warn({ msg: 'standby build step failed', site, step: next.step, app: next.app, exitCode: outcome.exitCode, stderrTail: outcome.stderrTail });
        await this.tryStandby(() =>
          this.standbys.handle({
            type: 'RecordStandbyStepFailed',
            metadata: meta(),
            data: { ...data, exitCode: outcome!.exitCode, reason: outcome!.timedOut ? `${next.step} timed out` : `${next.step} exited with ${outcome!.exitCode}`, stderrTail: outcome!.stderrTail },
          }),
        );
        await this.drop(site);
        return;
      }
      const { dbName, apiKey } = outcome;
      const done = await this.tryStandby(() =>
        this.standbys.handle({
          type: 'RecordStandbyStepSucceeded',
          metadata: meta(),
          data: { ...data, durationMs: outcome!.durationMs, ...(dbName ? { dbName } : {}), ...(apiKey ? { apiKey } : {}) },
        }),
      );
      if (!done) return;
      const ready = done.events.find((e) => e.type === 'StandbyReady');
      if (ready && ready.type === 'StandbyReady') {
        this.failuresInARow = 0;
        this.metrics.refillSeconds.observe(ready.data.buildMs / 1000);
        this.logger.log({ msg: 'standby site ready', site, buildMs: ready.data.buildMs });
        return;
      }
    }
  }

  /** drop-site for a failed or abandoned build (nothing of a customer's is on it). */
  private async drop(site: string): Promise<void> {
    const { state } = await this.standbys.load(site);
    if (state.status !== 'Failed' || !state.siteMayExist) return;
    const attempt = (state.attempts['drop-site'] ?? 0) + 1;
    const started = await this.tryStandby(() =>
      this.standbys.handle({
        type: 'StartStandbyStep',
        metadata: this.pool.meta(site),
        data: { site, step: 'drop-site', attempt, runnerId: this.pool.runnerId, leaseExpiresAt: new Date(Date.now() + this.leaseMs()).toISOString() },
      }),
    );
    if (!started) return;
    // new-site may have failed before making the folder: then there is nothing to drop.
    const present = existsSync(join(this.pool.bench.benchPath, 'sites', site));
    const outcome = present ? await this.pool.bench.dropSite(site) : undefined;
    const data = { site, step: 'drop-site' as const, attempt };
    if (outcome && !outcome.ok) {
      await this.tryStandby(() =>
        this.standbys.handle({
          type: 'RecordStandbyStepFailed',
          metadata: this.pool.meta(site),
          data: { ...data, exitCode: outcome.exitCode, reason: `drop-site exited with ${outcome.exitCode}`, stderrTail: outcome.stderrTail },
        }),
      );
      return;
    }
    await this.tryStandby(() =>
      this.standbys.handle({ type: 'RecordStandbyStepSucceeded', metadata: this.pool.meta(site), data: { ...data, durationMs: outcome?.durationMs ?? 0, reason: state.lastError ?? 'build failed' } }),
    );
  }
}

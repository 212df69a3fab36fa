/**
 * The durable process manager: a thin scheduler around the pure workflow (tenants/
 * decide-next.ts). For each tenant in flight it loads the folded stream, asks `decideNext` what
 * to do, and does it: claim a standby site, start steps (each start and result goes through the
 * tenant command handler at the stream's expected revision), or set a timer. It holds no state
 * that matters: a restart, a second instance or a replayed event only makes it look again.
 *
 * Woken by a checkpointed subscription (tenant-feed.ts) and a periodic scan of every in-flight
 * tenant; steps run in step-runner.ts. Liveness comes from heartbeats (liveness/heartbeat.ts), not from step
 * timeouts: a dead runner's steps are taken over within PM_RUNNER_DEAD_AFTER_MS, and a stop
 * says goodbye so that they are taken over at once.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventStore } from '@tlc/event-store';
import type { Logger } from 'pino';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, EVENT_STORE, LOGGER } from '../config/tokens.js';
import { HEAVY_STEPS as HEAVY_LIMITER, type HeavyStepLimiter } from '../pool/heavy-steps.js';
import { PoolService } from '../pool/pool.service.js';
import { HEAVY_STEPS, decideNext, type WorkflowPolicy } from '../tenants/decide-next.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { Heartbeat } from './liveness/heartbeat.js';
import type { PmConfig } from './pm-config.js';
import { StepRunner, type Start } from './step-runner.js';
import type { StepWork } from './step-work.js';
import { TenantFeed } from './tenant-feed.js';
import { HEARTBEAT, STEP_WORK } from './tokens.js';

@Injectable()
export class ProcessManager implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly inFlight = new Set<string>();
  private readonly workers = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  private readonly config: PmConfig;
  private readonly policy: WorkflowPolicy;
  private readonly feed: TenantFeed;
  private readonly steps: StepRunner;
  private scanTimer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(TenantRepository) private readonly repository: TenantRepository,
    @Inject(CommandBus) bus: CommandBus,
    @Inject(HEAVY_LIMITER) private readonly heavy: HeavyStepLimiter,
    @Inject(CONFIG) config: ProvisioningConfig,
    @Inject(STEP_WORK) work: StepWork,
    @Inject(HEARTBEAT) private readonly heartbeat: Heartbeat,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PoolService) private readonly pool: PoolService,
  ) {
    this.config = config.pm;
    this.policy = Object.freeze({ ...config.pm, poolEnabled: config.pool.size > 0 });
    this.feed = new TenantFeed(store, config.pm, () => [...this.inFlight], logger);
    this.steps = new StepRunner(config.pm.runnerId, this.policy, bus, work, pool, logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.enabled) return;
    // Alive before anything is started: a step is never leased by a runner nobody can see.
    await this.heartbeat.start();
    const resumed = await this.feed.start((id) => this.track(id));
    this.logger.info({ runnerId: this.config.runnerId, inFlight: resumed.length }, 'process manager starting');
    for (const id of resumed) this.track(id);
    this.scanTimer = setInterval(() => this.scan(), this.config.scanIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.config.enabled) return;
    this.stopping = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
    for (const t of this.timers.values()) clearTimeout(t.timer);
    // Goodbye first: another instance takes our steps over now, not when we would be declared dead.
    await this.heartbeat.stop().catch((e) => this.logger.warn({ err: (e as Error).message }, 'could not say goodbye; our steps wait for PM_RUNNER_DEAD_AFTER_MS'));
    await this.feed.stop();
  }

  /** Tenants this instance is looking after right now (for status and tests). */
  get tracked(): number {
    return this.inFlight.size;
  }

  private track(tenantId: string): void {
    this.inFlight.add(tenantId);
    this.schedule(tenantId);
  }

  private scan(): void {
    for (const id of this.inFlight) this.schedule(id);
    void this.feed.save(false).catch((e) => this.logger.warn({ err: (e as Error).message }, 'checkpoint not saved'));
  }

  /** One worker per tenant; a look asked for while it runs makes it look once more. */
  private schedule(tenantId: string): void {
    if (this.stopping) return;
    if (this.workers.has(tenantId)) {
      this.dirty.add(tenantId);
      return;
    }
    const run = (async () => {
      while (!this.stopping && (await this.advance(tenantId)));
    })()
      .catch((e) => this.logger.error({ tenantId, err: (e as Error).message }, 'process manager step failed unexpectedly'))
      .finally(() => {
        this.workers.delete(tenantId);
        if (this.dirty.delete(tenantId)) this.schedule(tenantId);
      });
    this.workers.set(tenantId, run);
  }

  /** Looks at the tenant again at `at`, unless an earlier look is already due. */
  private wakeAt(tenantId: string, at: number): void {
    if (this.stopping) return;
    const pending = this.timers.get(tenantId);
    if (pending && pending.at <= at) return;
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(
      () => {
        this.timers.delete(tenantId);
        this.schedule(tenantId);
      },
      Math.max(0, at - Date.now()) + 25,
    );
    this.timers.set(tenantId, { timer, at });
  }

  /** Performs one decision. True when something was done and the tenant should be looked at again. */
  private async advance(tenantId: string): Promise<boolean> {
    const { state, recorded } = await this.repository.load(tenantId);
    // A claimed tenant is finishing until it is Active or rolling back (refills wait for it).
    if (state.standbySite && state.status !== 'Provisioning') this.pool.activity.finished(tenantId);
    const trace = { correlationId: String(recorded[0]?.metadata.correlationId ?? tenantId), causationId: recorded[recorded.length - 1]?.eventId ?? tenantId };
    const now = Date.now();
    // A runner that cannot prove it is alive starts nothing (others may be taking its steps over).
    if (!this.heartbeat.fresh(now)) {
      this.wakeAt(tenantId, now + this.config.heartbeatMs);
      return false;
    }
    let actions = decideNext(state, now, this.policy, this.heartbeat.runners());
    // Taking a step from another runner: decide again on heartbeats read just now.
    if (actions.some((a) => a.type === 'StartStep' && (a.takeover || a.deadRunners))) actions = decideNext(state, Date.now(), this.policy, await this.heartbeat.refresh());
    const starts: Start[] = [];
    for (const a of actions) {
      switch (a.type) {
        case 'Settled':
          this.inFlight.delete(tenantId);
          return false;
        case 'ClaimStandby':
          // A claimed standby site has new-site and every app already: decide again.
          if (await this.pool.claimFor(tenantId, trace.correlationId)) return true;
          break;
        case 'WakeAt':
          this.wakeAt(tenantId, a.at);
          break;
        case 'StartStep':
          starts.push(a);
          break;
        default: {
          const never: never = a;
          throw new Error(`unknown workflow action ${JSON.stringify(never)}`);
        }
      }
    }
    // Side-by-side steps: wait for all, even when one throws, so the worker never ends under a running step.
    const made = await Promise.allSettled(
      starts.map((s) => {
        if (!HEAVY_STEPS.has(s.ref.step)) return this.steps.run(tenantId, trace, s);
        // A step of a dead runner is taken over at once (the lease says a live runner has it), then
        // waits for a heavy slot ahead of new work. A new step takes its lease only once it has a
        // slot, so the timeline never shows it started while it queues.
        if (s.takeover) return this.steps.run(tenantId, trace, s, (work) => this.heavy.run(work, { first: true }));
        return this.heavy.run(() => this.steps.run(tenantId, trace, s));
      }),
    );
    const failed = made.find((m): m is PromiseRejectedResult => m.status === 'rejected');
    if (failed) throw failed.reason;
    // Not started here: another runner got there first, or the tenant moved on; look again shortly.
    if (made.some((m) => m.status === 'fulfilled' && m.value === 'not-started')) this.wakeAt(tenantId, Date.now() + 250);
    return made.some((m) => m.status === 'fulfilled' && m.value === 'done');
  }
}

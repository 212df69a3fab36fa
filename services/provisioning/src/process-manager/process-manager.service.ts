/**
 * The durable process manager: a thin scheduler around the pure workflow (tenants/
 * decide-next.ts). For each tenant in flight it loads the folded stream, asks `decideNext` what
 * to do, and does it: claim a standby site, start steps (each start and result goes through the
 * tenant command handler at the stream's expected revision), or set a timer. It holds no state
 * that matters: a restart, a second instance or a replayed event only makes it look again.
 *
 * Fed by a checkpointed `subscribeToAll` (checkpoint.ts); a periodic scan re-looks at every
 * in-flight tenant. Liveness comes from heartbeats (liveness/heartbeat.ts), not from step
 * timeouts: a dead runner's steps are taken over within PM_RUNNER_DEAD_AFTER_MS, and a stop
 * says goodbye so that they are taken over at once.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventStore, Subscription } from '@tlc/event-store';
import { stepKey, tenantIdFromStream, type TenantState } from '@tlc/tenant-events';
import type { Logger } from 'pino';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, EVENT_STORE, LOGGER } from '../config/tokens.js';
import { HEAVY_STEPS as HEAVY_LIMITER, type HeavyStepLimiter } from '../pool/heavy-steps.js';
import { PoolService } from '../pool/pool.service.js';
import { DomainError } from '../shared/domain-error.js';
import { newId } from '../shared/ids.js';
import type { TenantCommand } from '../tenants/commands.js';
import { HEAVY_STEPS, decideFailure, decideNext, type WorkflowAction, type WorkflowPolicy } from '../tenants/decide-next.js';
import { ExecuteTenantCommand } from '../tenants/tenant-command.handler.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';
import { Heartbeat } from './liveness/heartbeat.js';
import type { PmConfig } from './pm-config.js';
import type { StepOutcome, StepWork } from './step-work.js';
import { HEARTBEAT, STEP_WORK } from './tokens.js';

type Data<T extends TenantCommand['type']> = Extract<TenantCommand, { type: T }>['data'];
type Start = Extract<WorkflowAction, { type: 'StartStep' }>;
interface Trace { readonly correlationId: string; readonly causationId: string }

@Injectable()
export class ProcessManager implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly inFlight = new Set<string>();
  private readonly workers = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  private readonly config: PmConfig;
  private readonly policy: WorkflowPolicy;
  private position?: number;
  private savedPosition?: number;
  private lastSave = 0;
  private subscription?: Subscription;
  private scanTimer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(TenantRepository) private readonly repository: TenantRepository,
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(HEAVY_LIMITER) private readonly heavy: HeavyStepLimiter,
    @Inject(CONFIG) config: ProvisioningConfig,
    @Inject(STEP_WORK) private readonly work: StepWork,
    @Inject(HEARTBEAT) private readonly heartbeat: Heartbeat,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PoolService) private readonly pool: PoolService,
  ) {
    this.config = config.pm;
    this.policy = Object.freeze({ ...config.pm, poolEnabled: config.pool.size > 0 });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.enabled) return;
    // Alive before anything is started: a step is never leased by a runner nobody can see.
    await this.heartbeat.start();
    const cp = await loadCheckpoint(this.store, this.config.name);
    this.position = this.savedPosition = cp.position;
    this.logger.info({ runnerId: this.config.runnerId, position: cp.position, inFlight: cp.inFlight.length }, 'process manager starting');
    for (const id of cp.inFlight) this.track(id);
    void this.follow();
    this.scanTimer = setInterval(() => this.scan(), this.config.scanIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.config.enabled) return;
    this.stopping = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
    for (const t of this.timers.values()) clearTimeout(t.timer);
    // Goodbye first: another instance takes our steps over now, not when we would be declared dead.
    await this.heartbeat.stop().catch((e) => this.logger.warn({ err: (e as Error).message }, 'could not say goodbye; our steps wait for PM_RUNNER_DEAD_AFTER_MS'));
    await this.subscription?.stop().catch(() => undefined);
    await this.saveCheckpoint(true).catch(() => undefined);
  }

  /** Tenants this instance is looking after right now (for status and tests). */
  get tracked(): number {
    return this.inFlight.size;
  }

  private track(tenantId: string): void {
    this.inFlight.add(tenantId);
    this.schedule(tenantId);
  }

  private async follow(): Promise<void> {
    while (!this.stopping) {
      try {
        this.subscription = this.store.subscribeToAll({ fromPosition: this.position });
        for await (const batch of this.subscription) {
          for (const e of batch.events) {
            this.position = e.position;
            const id = tenantIdFromStream(e.streamId);
            if (id) this.track(id);
          }
          await this.saveCheckpoint(false);
        }
      } catch (e) {
        if (this.stopping) return;
        this.logger.warn({ err: (e as Error).message }, 'process manager subscription failed; resuming from the checkpoint');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async saveCheckpoint(force: boolean): Promise<void> {
    if (this.position === undefined || this.position === this.savedPosition) return;
    if (!force && Date.now() - this.lastSave < this.config.checkpointEveryMs) return;
    this.lastSave = Date.now();
    const position = this.position;
    await saveCheckpoint(this.store, this.config.name, { position, inFlight: [...this.inFlight] });
    // Our own checkpoint event moves the head; it needs no checkpoint of its own.
    this.savedPosition = position;
  }

  private scan(): void {
    for (const id of this.inFlight) this.schedule(id);
    void this.saveCheckpoint(false).catch((e) => this.logger.warn({ err: (e as Error).message }, 'checkpoint not saved'));
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
    const timer = setTimeout(() => {
      this.timers.delete(tenantId);
      this.schedule(tenantId);
    }, Math.max(0, at - Date.now()) + 25);
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
    const made = await Promise.allSettled(starts.map((s) => {
      const go = (): Promise<boolean> => this.runStep(tenantId, trace, s);
      return HEAVY_STEPS.has(s.ref.step) ? this.heavy.run(go) : go();
    }));
    const failed = made.find((m): m is PromiseRejectedResult => m.status === 'rejected');
    if (failed) throw failed.reason;
    return made.some((m) => m.status === 'fulfilled' && m.value);
  }

  private async runStep(tenantId: string, trace: Trace, s: Start): Promise<boolean> {
    const { ref, attempt } = s;
    let started: TenantState;
    try {
      started = (await this.send('StartStep', {
        tenantId, ...ref, attempt, runnerId: this.config.runnerId, leaseExpiresAt: s.leaseExpiresAt,
        ...(s.takeover ? { takeover: s.takeover } : {}), ...(s.deadRunners ? { deadRunners: [...s.deadRunners] } : {}),
      }, trace)).state;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // Another instance started it first (or the tenant moved on): look again shortly.
      this.logger.debug({ tenantId, step: stepKey(ref), attempt, code: e.code }, 'step not started here');
      this.wakeAt(tenantId, Date.now() + 250);
      return false;
    }
    if (s.takeover) this.logger.warn({ tenantId, step: stepKey(ref), attempt, from: s.takeover }, 'step taken over from a runner seen dead');
    const outcome = await this.perform(started, s);
    const log = { tenantId, step: stepKey(ref), attempt, benchMs: outcome.benchMs, runnerId: this.config.runnerId };
    try {
      if (outcome.ok) {
        await this.send('RecordStepSucceeded', { tenantId, ...ref, attempt, durationMs: outcome.benchMs, result: outcome.result }, trace);
        this.logger.info(log, 'step succeeded');
        return true;
      }
      const f = outcome.failure;
      const verdict = decideFailure(f.classification, attempt, Date.now(), this.policy, Math.random());
      await this.send('RecordStepFailed', {
        tenantId, ...ref, attempt, classification: f.classification, exitCode: f.exitCode, reason: f.reason,
        stderrTail: (f.stderrTail || f.stdoutTail).slice(-2000), willRetry: verdict.willRetry,
        ...(verdict.retryAt ? { retryAt: verdict.retryAt } : {}), durationMs: outcome.benchMs,
      }, trace);
      const fields = { ...log, classification: f.classification, reason: f.reason, command: f.command, willRetry: verdict.willRetry };
      if (verdict.loud) this.logger.error(fields, 'bench is misconfigured: an operator must fix it; the step waits and retries (the tenant is not rolled back)');
      else this.logger.warn(fields, 'step failed');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // Someone took the step over (we were seen dead, or our lease ran out): their result counts.
      this.logger.warn({ ...log, code: e.code }, 'step result refused');
    }
    return true;
  }

  private async perform(started: TenantState, s: Start): Promise<StepOutcome> {
    const began = Date.now();
    try {
      // A standby site with nothing of the customer's on it goes back to the pool instead of being dropped.
      if (s.ref.step === 'drop-site' && started.standbySite !== undefined && (await this.pool.releaseIfClean(started))) {
        return { ok: true, result: {}, benchMs: Date.now() - began };
      }
      return await this.work.run(started, s.ref, s.attempt);
    } catch (e) {
      const reason = (e as Error).message;
      return { ok: false, benchMs: Date.now() - began, failure: { classification: 'permanent', reason, exitCode: null, stderrTail: '', stdoutTail: '', command: [], durationMs: 0, ok: false, timedOut: false } };
    }
  }

  private send<T extends TenantCommand['type']>(type: T, data: Data<T>, t: Trace) {
    const command = {
      type, data,
      metadata: { commandId: newId(), correlationId: t.correlationId, causationId: t.causationId, actor: { kind: 'system' as const, id: `process-manager:${this.config.runnerId}` }, now: new Date().toISOString() },
    } as TenantCommand;
    return this.bus.execute(new ExecuteTenantCommand(command));
  }
}

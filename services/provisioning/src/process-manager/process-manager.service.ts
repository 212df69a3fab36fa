/**
 * The durable process manager. It holds no state of its own that matters: every move is
 * derived from the folded tenant stream (startable steps, their leases, retry times), and a
 * step's start and result are appended through the tenant command service at the stream's
 * expected revision. That is what makes a restart, a second instance or a replayed event safe:
 * the lease in StepStarted lets exactly one runner start a step, and a stale result is refused.
 * Steps that do not depend on each other (admin, API keys, host name) run side by side, each
 * under its own lease.
 *
 * Fed by a checkpointed `subscribeToAll` (checkpoint.ts); a periodic scan re-looks at every
 * in-flight tenant so an expired lease (a runner that died) or a due retry is picked up even
 * when no new event arrives.
 */
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EventStore, RecordedEvent, Subscription } from '@tlc/event-store';
import { leaseOf, liveLeases, startableSteps, stepKey, tenantIdFromStream, type StepFailed, type StepRef, type TenantState } from '@tlc/tenant-events';
import type { Logger } from 'pino';
import { EVENT_STORE, LOGGER } from '../config/tokens.js';
import { HEAVY_STEPS, type HeavyStepLimiter } from '../pool/heavy-steps.js';
import { PoolService } from '../pool/pool.service.js';
import { canTakeStandby } from '../pool/tenant-claim.js';
import { DomainError } from '../shared/domain-error.js';
import { newId } from '../shared/ids.js';
import type { TenantCommand } from '../tenants/commands.js';
import { ExecuteTenantCommand } from '../tenants/tenant-command.handler.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';
import { failurePolicy } from './failure-policy.js';
import { backoffMs, type PmConfig } from './pm-config.js';
import { HEAVY_STEP_NAMES, StepWork, stepTimeoutMs } from './step-work.js';
import { PM_CONFIG, STEP_WORK } from './tokens.js';

const TERMINAL = new Set(['None', 'Active', 'RolledBack', 'Broken', 'Suspended', 'Deprovisioned']);
/**
 * The order side-by-side steps start in (their StartSteps are appended one after another): the
 * longest first, since the last step to finish sets when the tenant is Active. On a warm claim:
 * the host name (add-domain, then set-config), the admin user (one 2 s command on real bench),
 * then the API secret (one `generate_keys`: the key was made while the standby site was built).
 */
const START_ORDER: Partial<Record<StepRef['step'], number>> = { 'set-host-name': 0, 'add-system-manager': 1, 'api-keys': 2 };
type Data<T extends TenantCommand['type']> = Extract<TenantCommand, { type: T }>['data'];

/** When the step's last attempt failed and asked to be retried later: that time, else undefined. */
function pendingRetry(recorded: readonly RecordedEvent[], key: string): string | undefined {
  for (let i = recorded.length - 1; i >= 0; i--) {
    const r = recorded[i];
    if (r.type === 'ProvisioningRetried') return undefined;
    if (r.type !== 'StepStarted' && r.type !== 'StepFailed') continue;
    if (stepKey(r.data as StepRef) !== key) continue;
    const d = r.data as StepFailed['data'];
    return r.type === 'StepFailed' && d.willRetry ? d.retryAt : undefined;
  }
  return undefined;
}

@Injectable()
export class ProcessManager implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly inFlight = new Set<string>();
  private readonly workers = new Map<string, Promise<void>>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
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
    @Inject(HEAVY_STEPS) private readonly heavy: HeavyStepLimiter,
    @Inject(PM_CONFIG) private readonly config: PmConfig,
    @Inject(STEP_WORK) private readonly work: StepWork,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(PoolService) private readonly pool: PoolService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.enabled) return;
    const cp = await loadCheckpoint(this.store, this.config.name);
    this.position = this.savedPosition = cp.position;
    this.logger.info({ runnerId: this.config.runnerId, position: cp.position, inFlight: cp.inFlight.length }, 'process manager starting');
    for (const id of cp.inFlight) this.track(id);
    void this.follow();
    this.scanTimer = setInterval(() => this.scan(), this.config.scanIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.scanTimer) clearInterval(this.scanTimer);
    for (const t of this.timers.values()) clearTimeout(t.timer);
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
          for (const e of batch.events) this.observe(e);
          await this.saveCheckpoint(false);
        }
      } catch (e) {
        if (this.stopping) return;
        this.logger.warn({ err: (e as Error).message }, 'process manager subscription failed; resuming from the checkpoint');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private observe(e: RecordedEvent): void {
    this.position = e.position;
    const id = tenantIdFromStream(e.streamId);
    if (id) this.track(id);
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
    }, Math.max(0, at - Date.now()));
    this.timers.set(tenantId, { timer, at });
  }

  /**
   * One round of moves for one tenant: every step that may run now, side by side (the finishing
   * steps do not depend on each other). True when any made progress and it should look again.
   */
  private async advance(tenantId: string): Promise<boolean> {
    const { state, recorded } = await this.repository.load(tenantId);
    // A claimed tenant is finishing until it is Active or rolling back (refills wait for it).
    if (state.standbySite && state.status !== 'Provisioning') this.pool.activity.finished(tenantId);
    if (TERMINAL.has(state.status)) {
      this.inFlight.delete(tenantId);
      return false;
    }
    // Warm start: a claimed standby site already has new-site and every app (pool/); look again.
    if (canTakeStandby(state) && (await this.pool.claimFor(tenantId, String(recorded[0]?.metadata.correlationId ?? tenantId)))) return true;
    const moves = this.nextMoves(tenantId, state, recorded, Date.now());
    if (moves.length === 0) return false;
    // Wait for every step of the round, even when one throws, so this tenant's worker never
    // ends while a step of it still runs.
    const made = await Promise.allSettled(moves.map(({ ref, attempt }) => {
      const go = (): Promise<boolean> => this.runStep(tenantId, recorded, ref, attempt);
      return HEAVY_STEP_NAMES.has(ref.step) ? this.heavy.run(go) : go();
    }));
    const failed = made.find((m): m is PromiseRejectedResult => m.status === 'rejected');
    if (failed) throw failed.reason;
    return made.some((m) => m.status === 'fulfilled' && m.value);
  }

  /** The steps to start now; for the ones that must wait (a lease, a retry time) a wake-up is set. */
  private nextMoves(tenantId: string, state: TenantState, recorded: readonly RecordedEvent[], now: number): Array<{ ref: StepRef; attempt: number }> {
    const waitFor = (iso: string, extra = 0): void => this.wakeAt(tenantId, Date.parse(iso) + extra);
    if (state.status === 'RollingBack' || state.status === 'Deprovisioning') {
      if (!state.siteMayExist) return [];
      // drop-site waits for every step still running on the site (ours finish in this round).
      const live = liveLeases(state, now);
      if (live.length > 0) {
        waitFor(live.reduce((a, l) => (l.leaseExpiresAt < a ? l.leaseExpiresAt : a), live[0].leaseExpiresAt), 50);
        return [];
      }
      // Attempts of drop-site since compensation began (the plan does not list drop-site).
      let begun = 0;
      recorded.forEach((r, i) => (r.type === 'RollbackStarted' || r.type === 'DeprovisionRequested') && (begun = i));
      const made = recorded.slice(begun).filter((r) => r.type === 'StepStarted' && (r.data as { step: string }).step === 'drop-site').length;
      return [{ ref: { step: 'drop-site' }, attempt: made + 1 }];
    }
    const moves: Array<{ ref: StepRef; attempt: number }> = [];
    for (const step of [...startableSteps(state)].sort((a, b) => (START_ORDER[a.step] ?? 0) - (START_ORDER[b.step] ?? 0))) {
      const lease = leaseOf(state, step.key);
      if (lease && Date.parse(lease.leaseExpiresAt) > now) {
        waitFor(lease.leaseExpiresAt, 50);
        continue;
      }
      const retryAt = pendingRetry(recorded, step.key);
      if (retryAt && Date.parse(retryAt) > now) {
        waitFor(retryAt);
        continue;
      }
      const ref: StepRef = step.step === 'install-app' ? { step: step.step, app: step.app } : { step: step.step };
      moves.push({ ref, attempt: Math.max(step.attempts, lease?.attempt ?? 0) + 1 });
    }
    return moves;
  }

  private async runStep(tenantId: string, recorded: readonly RecordedEvent[], ref: StepRef, attempt: number): Promise<boolean> {
    const timeoutMs = stepTimeoutMs(this.config, ref.step);
    const meta = { correlationId: String(recorded[0]?.metadata.correlationId ?? tenantId), causationId: recorded[recorded.length - 1]?.eventId ?? tenantId };
    let started: TenantState;
    try {
      const leaseExpiresAt = new Date(Date.now() + timeoutMs + this.config.leaseGraceMs).toISOString();
      started = (await this.send('StartStep', { tenantId, ...ref, attempt, runnerId: this.config.runnerId, leaseExpiresAt }, meta)).state;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // Another instance started it first (or the tenant moved on): look again shortly.
      this.logger.debug({ tenantId, step: stepKey(ref), attempt, code: e.code }, 'step not started here');
      this.wakeAt(tenantId, Date.now() + 250);
      return false;
    }
    const began = Date.now();
    let outcome;
    try {
      // A standby site with nothing of the customer's on it goes back to the pool instead of being dropped.
      const returned = ref.step === 'drop-site' && started.standbySite !== undefined && (await this.pool.releaseIfClean(started));
      outcome = returned ? { ok: true as const, result: {}, benchMs: Date.now() - began } : await this.work.run(started, ref, attempt);
    } catch (e) {
      outcome = { ok: false as const, benchMs: Date.now() - began, failure: { classification: 'permanent' as const, reason: (e as Error).message, exitCode: null, stderrTail: '', stdoutTail: '', command: [], durationMs: 0, ok: false as const, timedOut: false } };
    }
    const log = { tenantId, step: stepKey(ref), attempt, benchMs: outcome.benchMs, runnerId: this.config.runnerId };
    try {
      if (outcome.ok) {
        await this.send('RecordStepSucceeded', { tenantId, ...ref, attempt, durationMs: outcome.benchMs, result: outcome.result }, meta);
        this.logger.info(log, 'step succeeded');
      } else {
        const f = outcome.failure;
        const policy = failurePolicy(f.classification, attempt, this.config.maxAttempts);
        const retryable = policy.willRetry;
        const retryAt = retryable ? new Date(Date.now() + backoffMs(this.config, attempt)).toISOString() : undefined;
        await this.send('RecordStepFailed', {
          tenantId, ...ref, attempt, classification: f.classification, exitCode: f.exitCode, reason: f.reason,
          stderrTail: (f.stderrTail || f.stdoutTail).slice(-2000), willRetry: retryable, ...(retryAt ? { retryAt } : {}), durationMs: outcome.benchMs,
        }, meta);
        const fields = { ...log, classification: f.classification, reason: f.reason, command: f.command, willRetry: retryable };
        if (policy.loud) this.logger.error(fields, 'bench is misconfigured: an operator must fix it; the step waits and retries (the tenant is not rolled back)');
        else this.logger.warn(fields, 'step failed');
      }
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // Our lease ran out and someone else took the step over: their result counts, not ours.
      this.logger.warn({ ...log, code: e.code }, 'step result refused');
    }
    return true;
  }

  private send<T extends TenantCommand['type']>(type: T, data: Data<T>, m: { correlationId: string; causationId: string }) {
    const command = {
      type, data,
      metadata: { commandId: newId(), correlationId: m.correlationId, causationId: m.causationId, actor: { kind: 'system' as const, id: `process-manager:${this.config.runnerId}` }, now: new Date().toISOString() },
    } as TenantCommand;
    return this.bus.execute(new ExecuteTenantCommand(command));
  }
}

/**
 * Runs one step the workflow asked for: StartStep (the lease; refused if another runner got
 * there first), the bench work, then the result as RecordStepSucceeded or RecordStepFailed with
 * the workflow's verdict on a retry (decideFailure). Every write goes through the tenant
 * command handler on the command bus, at the stream's expected revision.
 */
import type { CommandBus } from '@nestjs/cqrs';
import { stepKey, type TenantState } from '@tlc/tenant-events';
import type { Logger } from 'pino';
import type { PoolService } from '../pool/pool.service.js';
import { DomainError } from '../shared/domain-error.js';
import { newId } from '../shared/ids.js';
import type { TenantCommand } from '../tenants/commands.js';
import { decideFailure, type WorkflowAction, type WorkflowPolicy } from '../tenants/decide-next.js';
import { ExecuteTenantCommand } from '../tenants/tenant-command.handler.js';
import type { StepOutcome, StepWork } from './step-work.js';

type Data<T extends TenantCommand['type']> = Extract<TenantCommand, { type: T }>['data'];
export type Start = Extract<WorkflowAction, { type: 'StartStep' }>;
export interface Trace {
  readonly correlationId: string;
  readonly causationId: string;
}

export class StepRunner {
  constructor(
    private readonly runnerId: string,
    private readonly policy: WorkflowPolicy,
    private readonly bus: CommandBus,
    private readonly work: StepWork,
    private readonly pool: PoolService,
    private readonly logger: Logger,
  ) {}

  /**
   * 'not-started' when another runner holds the step (or the tenant moved on); 'done' otherwise.
   * `slot` wraps the bench work only (the heavy-step limit, when the lease is taken first).
   */
  async run(tenantId: string, trace: Trace, s: Start, slot: <T>(work: () => Promise<T>) => Promise<T> = (work) => work()): Promise<'done' | 'not-started'> {
    const { ref, attempt } = s;
    let started: TenantState;
    try {
      started = (
        await this.send(
          'StartStep',
          {
            tenantId,
            ...ref,
            attempt,
            runnerId: this.runnerId,
            leaseExpiresAt: s.leaseExpiresAt,
            ...(s.takeover ? { takeover: s.takeover } : {}),
            ...(s.deadRunners ? { deadRunners: [...s.deadRunners] } : {}),
          },
          trace,
        )
      ).state;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      this.logger.debug({ tenantId, step: stepKey(ref), attempt, code: e.code }, 'step not started here');
      return 'not-started';
    }
    if (s.takeover) this.logger.warn({ tenantId, step: stepKey(ref), attempt, from: s.takeover }, 'step taken over from a runner seen dead');
    const outcome = await slot(() => this.perform(started, s));
    const log = { tenantId, step: stepKey(ref), attempt, benchMs: outcome.benchMs, runnerId: this.runnerId };
    try {
      if (outcome.ok) {
        await this.send('RecordStepSucceeded', { tenantId, ...ref, attempt, durationMs: outcome.benchMs, result: outcome.result }, trace);
        this.logger.info(log, 'step succeeded');
        return 'done';
      }
      const f = outcome.failure;
      const verdict = decideFailure(f.classification, attempt, Date.now(), this.policy, Math.random());
      await this.send(
        'RecordStepFailed',
        {
          tenantId,
          ...ref,
          attempt,
          classification: f.classification,
          exitCode: f.exitCode,
          reason: f.reason,
          stderrTail: (f.stderrTail || f.stdoutTail).slice(-2000),
          willRetry: verdict.willRetry,
          ...(verdict.retryAt ? { retryAt: verdict.retryAt } : {}),
          durationMs: outcome.benchMs,
        },
        trace,
      );
      const fields = { ...log, classification: f.classification, reason: f.reason, command: f.command, willRetry: verdict.willRetry };
      if (verdict.loud) this.logger.error(fields, 'bench is misconfigured: an operator must fix it; the step waits and retries (the tenant is not rolled back)');
      else this.logger.warn(fields, 'step failed');
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // Someone took the step over (we were seen dead, or our lease ran out): their result counts.
      this.logger.warn({ ...log, code: e.code }, 'step result refused');
    }
    return 'done';
  }

  private async perform(started: TenantState, s: Start): Promise<StepOutcome> {
    const began = Date.now();
    try {
      // A standby site with nothing of the customer's on it goes back to the pool instead of being dropped.
      if (s.ref.step === 'drop-site' && started.standbySite !== undefined && (await this.pool.releaseIfClean(started))) {
        return { ok: true, result: { step: 'drop-site' }, benchMs: Date.now() - began };
      }
      return await this.work.run(started, s.ref, s.attempt);
    } catch (e) {
      const reason = (e as Error).message;
      return {
        ok: false,
        benchMs: Date.now() - began,
        failure: { classification: 'permanent', reason, exitCode: null, stderrTail: '', stdoutTail: '', command: [], durationMs: 0, ok: false, timedOut: false },
      };
    }
  }

  private send<T extends TenantCommand['type']>(type: T, data: Data<T>, t: Trace) {
    const command = {
      type,
      data,
      metadata: {
        commandId: newId(),
        correlationId: t.correlationId,
        causationId: t.causationId,
        actor: { kind: 'system' as const, id: `process-manager:${this.runnerId}` },
        now: new Date().toISOString(),
      },
    } as TenantCommand;
    return this.bus.execute(new ExecuteTenantCommand(command));
  }
}

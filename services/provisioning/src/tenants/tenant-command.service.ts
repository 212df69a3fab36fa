/**
 * Runs one tenant command through the one command handler (shared/command-handler.ts): load
 * (the repository's cache) -> decide -> append at the expected revision, retrying a bounded
 * number of times when another writer got there first. Side effects that must follow
 * certain events (releasing reservation streams, destroying the tenant key) run after the
 * append and again on a redo, so a crash between the two is healed by the next attempt.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WrongExpectedRevisionError, type EventStore } from '@tlc/event-store';
import { SCHEMA_VERSIONS, evolve, initialTenantState, tenantIdFromStream, tenantStream, upcast, type EventMetadata, type TenantEvent, type TenantState } from '@tlc/tenant-events';
import { EVENT_STORE } from '../config/tokens.js';
import { CommandHandler, type StreamDecider } from '../shared/command-handler.js';
import { DomainError } from '../shared/domain-error.js';
import { eventIdFor } from '../shared/ids.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ReservationsService } from '../reservations/reservations.service.js';
import { SecretsService } from '../secrets/secrets.service.js';
import type { TenantCommand } from './commands.js';
import { decide, type TenantDraft } from './decide.js';
import { TenantRepository } from './tenant-repository.js';

export interface TenantCommandResult {
  readonly tenantId: string;
  readonly state: TenantState;
  /** The events this command appended (empty when it had already been applied). */
  readonly events: ReadonlyArray<{ type: string; data: unknown; metadata: EventMetadata }>;
  readonly alreadyApplied: boolean;
}

export const MAX_CONFLICT_RETRIES = 8;

@Injectable()
export class TenantCommandService {
  private readonly logger = new Logger('TenantCommands');
  /**
   * Commands for one tenant from this process run one after another: the process manager starts
   * and finishes steps side by side, and queueing them here costs less than letting them collide
   * on the stream's revision and back off. Other processes still meet the revision check.
   */
  private readonly queues = new Map<string, Promise<unknown>>();

  private readonly handler: CommandHandler;
  private readonly decider: StreamDecider<TenantCommand, TenantState, TenantDraft>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly repository: TenantRepository,
    @Inject(ReservationsService) private readonly reservations: ReservationsService,
    @Inject(SecretsService) private readonly secrets: SecretsService,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {
    this.handler = new CommandHandler(store);
    this.decider = {
      streamOf: (c) => tenantStream(c.data.tenantId),
      initial: initialTenantState,
      evolve: (state, r) => evolve(state, upcast<TenantEvent>(r), r.revision),
      decide,
      schemaVersion: (type) => SCHEMA_VERSIONS[type],
      conflictRetries: MAX_CONFLICT_RETRIES - 1,
      load: (stream) => repository.load(tenantIdFromStream(stream) ?? ''),
    };
  }

  handle(command: TenantCommand): Promise<TenantCommandResult> {
    const tenantId = command.data.tenantId;
    const before = this.queues.get(tenantId) ?? Promise.resolve();
    const run = before.then(
      () => this.handleNow(command),
      () => this.handleNow(command),
    );
    const tail = run.catch(() => undefined);
    this.queues.set(tenantId, tail);
    void tail.then(() => {
      if (this.queues.get(tenantId) === tail) this.queues.delete(tenantId);
    });
    return run;
  }

  private async handleNow(command: TenantCommand): Promise<TenantCommandResult> {
    try {
      const result = await this.decideAndAppend(command);
      this.metrics.commands.labels(command.type, result.alreadyApplied ? 'already-applied' : 'appended').inc();
      return result;
    } catch (e) {
      this.metrics.commands.labels(command.type, e instanceof DomainError ? e.code : 'error').inc();
      throw e;
    }
  }

  private async decideAndAppend(command: TenantCommand): Promise<TenantCommandResult> {
    const tenantId = command.data.tenantId;
    // A retry after a rollback takes its names back first (idempotent: a hold we have is kept).
    if (command.type === 'RetryProvisioning') {
      const { state, recorded } = await this.repository.load(tenantId);
      const replay = recorded.some((r) => r.eventId === eventIdFor(command.metadata.commandId, 0));
      if (!replay && state.status === 'RolledBack') await this.reserveAgain(state, command);
    }
    try {
      const done = await this.handler.handle(this.decider, command);
      // Also on a replay: a crash between the append and these effects is healed by the retry.
      const types = done.alreadyApplied ? (await this.repository.load(tenantId)).recorded.map((r) => r.type) : done.events.map((e) => e.type);
      if (done.alreadyApplied || done.events.length > 0) await this.afterAppend(done.state, types, command);
      return { tenantId, state: done.state, events: done.events, alreadyApplied: done.alreadyApplied };
    } catch (e) {
      if (e instanceof WrongExpectedRevisionError) {
        throw new DomainError('TENANT.CONCURRENCY_EXHAUSTED', 'The tenant changed too often while this request was decided; try again.');
      }
      throw e;
    }
  }

  private async reserveAgain(state: TenantState, command: TenantCommand): Promise<void> {
    const sub = await this.reservations.reserve(this.reservations.subdomain(state.subdomain), state.tenantId, command.metadata);
    if (!sub.ok) {
      throw new DomainError('TENANT.SUBDOMAIN_TAKEN', `The subdomain "${state.subdomain}" was taken by another signup after this tenant was rolled back.`, { field: 'subdomain' });
    }
    const mail = await this.reservations.reserve(this.reservations.email(state.adminEmail, state.subdomain), state.tenantId, command.metadata);
    if (!mail.ok) {
      await this.reservations.release(this.reservations.subdomain(state.subdomain), state.tenantId, command.metadata);
      throw new DomainError('TENANT.EMAIL_HAS_TENANT', `This email address already owns the tenant "${mail.holder.subdomain}".`, {
        field: 'adminEmail',
        extra: { subdomain: mail.holder.subdomain },
      });
    }
  }

  private async afterAppend(state: TenantState, types: readonly string[], command: TenantCommand): Promise<void> {
    if (types.includes('SubdomainReleased')) await this.reservations.releaseAll(state, command.metadata);
    if (types.includes('TenantDeprovisioned')) {
      const destroyed = await this.secrets.destroyKey(state.tenantId);
      if (destroyed) this.logger.log({ msg: 'tenant key destroyed', tenantId: state.tenantId, correlationId: command.metadata.correlationId });
    }
  }
}

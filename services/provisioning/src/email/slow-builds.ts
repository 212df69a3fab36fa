/**
 * "It is taking longer": a build passing a multiple of its expected time is a matter of the
 * clock, not an event, so this watch turns it into one. The outbox's subscription tells it which
 * tenants are being built (and its checkpoint keeps that list across restarts); every few seconds
 * it looks at each one's stream and, once the build has run longer than `m` times what it was
 * expected to take, records ProvisioningSlow(m) through the tenant command handler. The command
 * id is made from tenant, attempt and multiple, and the decider records a multiple only once per
 * provisioning attempt, so two instances (or a repeat after a crash) record it once; the outbox
 * then mails it like any other event, once.
 *
 * The expected time is what the progress page shows as its estimate: the per-step medians of the
 * last 50 active tenants in the lookup read model, summed over the tenant's plan. Without that
 * history (a new deployment, a read model that does not answer) BUILD_ETA_FALLBACK_SECONDS.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { RecordedEvent } from '@tlc/event-store';
import { tenantIdFromStream, type TenantState } from '@tlc/tenant-events';
import type { Logger } from 'pino';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, LOGGER } from '../config/tokens.js';
import { LookupService } from '../lookup/lookup.service.js';
import { ExecuteTenantCommand } from '../tenants/tenant-command.handler.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { BUILDING } from './decide-slow.js';

/** Events after which a tenant is (again) being built, and after which it is not. */
const STARTS = new Set(['SignupRequested', 'ProvisioningRetried', 'StepStarted']);
const ENDS = new Set(['TenantActivated', 'RollbackStarted', 'RolledBack', 'TenantBroken', 'DeprovisionRequested']);
const MEDIANS_TTL_MS = 60_000;

export interface StepTimes {
  readonly steps: ReadonlyArray<{ readonly key: string; readonly status: string; readonly durationMs?: number | null }>;
}

/** Median duration per step key over finished builds (the same sample the progress page uses). */
export function medianStepTimes(docs: readonly StepTimes[]): Record<string, number> {
  const byKey = new Map<string, number[]>();
  for (const doc of docs) {
    for (const s of doc.steps) {
      if (s.status === 'succeeded' && typeof s.durationMs === 'number') byKey.set(s.key, [...(byKey.get(s.key) ?? []), s.durationMs]);
    }
  }
  const out: Record<string, number> = {};
  for (const [key, values] of byKey) out[key] = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return out;
}

/** The whole plan's expected time; the fallback when any of its steps has no history. */
export function expectedBuildMs(state: Pick<TenantState, 'steps'>, medians: Readonly<Record<string, number>>, fallbackMs: number): number {
  let sum = 0;
  for (const s of state.steps) {
    if (s.key === 'drop-site') continue;
    const m = medians[s.key];
    if (m === undefined) return fallbackMs;
    sum += m;
  }
  return sum > 0 ? sum : fallbackMs;
}

/** The highest multiple the build has passed, if any. */
export function passedMultiple(elapsedMs: number, expectedMs: number, multiples: readonly number[]): number | undefined {
  let passed: number | undefined;
  for (const m of multiples) if (elapsedMs > m * expectedMs) passed = m;
  return passed;
}

/** When the customer started waiting for this attempt: the signup, or the retry after a rollback. */
export function buildStartedAt(recorded: readonly RecordedEvent[]): string | undefined {
  for (let i = recorded.length - 1; i >= 0; i--) {
    const r = recorded[i];
    if (r.type === 'ProvisioningRetried' || r.type === 'SignupRequested') {
      return typeof r.metadata.occurredAt === 'string' ? r.metadata.occurredAt : r.recordedAt;
    }
  }
  return undefined;
}

@Injectable()
export class SlowBuildWatch {
  private readonly building = new Set<string>();
  private medians?: { at: number; value: Record<string, number> };
  private checking = false;

  constructor(
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
    @Inject(TenantRepository) private readonly tenants: TenantRepository,
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(ModuleRef) private readonly modules: ModuleRef,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return this.config.email.slowMultiples.length > 0;
  }

  /** The tenants being built, for the outbox's checkpoint. */
  inFlight(): string[] {
    return [...this.building];
  }

  restore(tenantIds: readonly string[]): void {
    for (const id of tenantIds) this.building.add(id);
  }

  observe(e: RecordedEvent): void {
    if (!this.enabled || (!STARTS.has(e.type) && !ENDS.has(e.type))) return;
    const tenantId = tenantIdFromStream(e.streamId);
    if (!tenantId) return;
    if (ENDS.has(e.type)) this.building.delete(tenantId);
    else this.building.add(tenantId);
  }

  /** One look at every tenant being built. */
  async check(now = Date.now()): Promise<void> {
    if (!this.enabled || this.checking || this.building.size === 0) return;
    this.checking = true;
    try {
      const medians = await this.stepMedians(now);
      for (const tenantId of [...this.building]) {
        await this.checkOne(tenantId, medians, now).catch((e: Error) => {
          this.logger.warn({ tenantId, err: e.message }, 'slow-build watch: will look again');
        });
      }
    } finally {
      this.checking = false;
    }
  }

  private async checkOne(tenantId: string, medians: Record<string, number>, now: number): Promise<void> {
    const { state, recorded } = await this.tenants.load(tenantId);
    if (!state.exists || !BUILDING.has(state.status)) {
      this.building.delete(tenantId);
      return;
    }
    const since = buildStartedAt(recorded);
    if (!since) return;
    const expectedMs = expectedBuildMs(state, medians, this.config.email.buildEtaFallbackMs);
    const elapsedMs = now - Date.parse(since);
    const multiple = passedMultiple(elapsedMs, expectedMs, this.config.email.slowMultiples);
    if (multiple === undefined) return;
    const attempt = state.provisioningAttempt;
    if (state.slow?.attempt === attempt && state.slow.multiple >= multiple) return;
    const commandId = `slow-build:${tenantId}:${attempt}:${multiple}`;
    await this.bus.execute(
      new ExecuteTenantCommand({
        type: 'NoteProvisioningSlow',
        data: { tenantId, provisioningAttempt: attempt, multiple, expectedMs, elapsedMs },
        metadata: {
          commandId,
          causationId: recorded.at(-1)?.eventId ?? tenantId,
          correlationId: String(recorded[0]?.metadata.correlationId ?? tenantId),
          actor: { kind: 'system', id: 'slow-build-watch' },
          now: new Date(now).toISOString(),
        },
      }),
    );
  }

  private async stepMedians(now: number): Promise<Record<string, number>> {
    if (this.medians && now - this.medians.at < MEDIANS_TTL_MS) return this.medians.value;
    let value: Record<string, number> = {};
    try {
      // The lookup module is optional here: without it (or when it does not answer) the fallback applies.
      const lookup = this.modules.get(LookupService, { strict: false });
      value = medianStepTimes((await lookup.list({ status: ['Active', 'Suspended'], limit: 50 })).items);
    } catch {
      value = {};
    }
    this.medians = { at: now, value };
    return value;
  }
}

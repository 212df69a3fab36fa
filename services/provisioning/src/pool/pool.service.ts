/**
 * Claims, returns and settles standby sites. A claim is two appends on two streams:
 *   1. StandbyClaimed on `standby-<id>` at the revision of its Ready state (the store lets one
 *      racing claimant through; the others try the next site or miss);
 *   2. StandbySiteClaimed on the tenant stream at the tenant's revision, only while the tenant
 *      has not started (canTakeStandby).
 * A crash between them leaves a claim the tenant never recorded; `settle` decides it with one
 * rule (settleClaim): record it if the tenant can still take it, else return the site. Both
 * outcomes use event ids derived from the claim's event id, so a redo is a no-op.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WrongExpectedRevisionError } from '@tlc/event-store';
import { claimsBy, type StandbyEvent, type TenantState } from '@tlc/tenant-events';
import type { BenchOperations } from '../bench/bench-operations.js';
import { BENCH_OPERATIONS } from '../bench/bench.module.js';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { newId } from '../shared/ids.js';
import type { CommandMetadata } from '../tenants/commands.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { PoolIndex } from './pool-index.js';
import { PoolMetrics } from './pool-metrics.js';
import type { PoolFaults } from './pool-tokens.js';
import { isPoolError } from './pool-error.js';
import { StandbyBench } from './standby-bench.js';
import { StandbyRepository } from './standby-repository.js';
import { DomainError } from '../shared/domain-error.js';
import { TenantCommandService } from '../tenants/tenant-command.service.js';
import { canTakeStandby, settleClaim } from './tenant-claim.js';
import { ClaimActivity } from './claim-activity.js';

const MAX_TENANT_TRIES = 5;
/** The longest a refill step waits for claims to finish (they take seconds on real bench). */
export const CLAIM_PRIORITY_MS = 10_000;

@Injectable()
export class PoolService {
  private readonly logger = new Logger('Pool');
  readonly runnerId = `pool-${newId().slice(0, 8)}`;
  readonly bench: StandbyBench;
  /** Tests only: set to stop the claimant between the two appends, as a crash would. */
  faults?: PoolFaults;
  /** Set by the refiller: a claim wakes it, so the pool refills without waiting for its timer. */
  onClaimed?: () => void;
  /** Claims of this instance still finishing: refills wait for them (claim-activity.ts). */
  readonly activity: ClaimActivity;

  constructor(
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
    @Inject(BENCH_OPERATIONS) ops: BenchOperations,
    readonly index: PoolIndex,
    private readonly standbys: StandbyRepository,
    private readonly tenants: TenantRepository,
    private readonly metrics: PoolMetrics,
    private readonly commands: TenantCommandService,
  ) {
    this.bench = new StandbyBench(ops, config.bench, config.pm.heavyStepTimeoutMs);
    this.activity = new ClaimActivity(config.pool.refillIntervalMs, CLAIM_PRIORITY_MS);
  }

  get enabled(): boolean {
    return this.config.pool.size > 0;
  }

  meta(correlationId: string, commandId = newId()): CommandMetadata {
    return { commandId, correlationId, causationId: correlationId, actor: { kind: 'system', id: this.runnerId }, now: new Date().toISOString() };
  }

  /**
   * Before a tenant's first step: gives it a ready standby site, recorded on its stream, or
   * undefined (pool off, empty, or the tenant already started): then the normal path runs.
   */
  async claimFor(tenantId: string, correlationId = tenantId): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    await this.index.start();
    const { state } = await this.tenants.load(tenantId);
    if (state.standbySite) return state.standbySite;
    if (!canTakeStandby(state)) return undefined;
    // Our own earlier claim that never reached the tenant stream (a crash in between): finish it.
    const earlier = this.index.all().find((s) => s.status === 'Claimed' && s.claimedBy === tenantId);
    let site = earlier?.site;
    if (!site) {
      site = await this.claimOne(tenantId, correlationId);
      if (!site) {
        this.metrics.misses.inc();
        return undefined;
      }
      await this.faults?.afterStandbyClaimed?.(site, tenantId);
    }
    const recorded = await this.settle(site, correlationId);
    if (recorded) {
      this.activity.started(tenantId);
      this.metrics.claims.inc({ outcome: 'warm' });
    } else {
      this.metrics.misses.inc();
    }
    this.onClaimed?.();
    return recorded ? site : undefined;
  }

  /** Tries ready sites from a random offset (racing claimants spread out); each try is one append. */
  private async claimOne(tenantId: string, correlationId: string): Promise<string | undefined> {
    const ready = this.index.ready();
    const offset = ready.length ? Math.floor(Math.random() * ready.length) : 0;
    for (let i = 0; i < ready.length; i++) {
      const candidate = ready[(offset + i) % ready.length].site;
      try {
        const done = await this.standbys.handle({ type: 'ClaimStandby', data: { site: candidate, tenantId }, metadata: this.meta(correlationId) });
        this.index.remember(done.state);
        return candidate;
      } catch (e) {
        if (e instanceof WrongExpectedRevisionError || isPoolError(e, 'POOL.STANDBY_NOT_READY')) {
          const fresh = await this.standbys.load(candidate);
          this.index.remember(fresh.state);
          continue;
        }
        throw e;
      }
    }
    return undefined;
  }

  /**
   * Brings a Claimed site and its tenant into agreement (see settleClaim). Returns true when the
   * tenant now has the site recorded, false when the site went back to the pool (or elsewhere).
   */
  async settle(site: string, correlationId: string): Promise<boolean> {
    for (let attempt = 1; attempt <= MAX_TENANT_TRIES; attempt++) {
      const { state: s, recorded: sr } = await this.standbys.load(site);
      this.index.remember(s);
      if (s.status !== 'Claimed' || !s.claimedBy) return false;
      const tenantId = s.claimedBy;
      const claimEvent = [...sr].reverse().find((r) => r.type === 'StandbyClaimed');
      const claimId = claimEvent?.eventId ?? `${site}/${s.revision}`;
      const { state: t, recorded: tr } = await this.tenants.load(tenantId);
      const verdict = settleClaim(t, tr, site, claimsBy(sr as unknown as StandbyEvent[], tenantId));
      if (verdict === 'in-use') return true;
      if (verdict === 'return') {
        await this.returnSite(site, s.apiKey, tenantId, 'the tenant started without it', correlationId, claimId);
        return false;
      }
      // The claim itself is only appends: the customer's domain is attached by the tenant's own
      // set-host-name step (step-work.ts), which runs beside the admin and API-key steps.
      try {
        // A tenant command like any other: the decider and the per-tenant queue see it.
        const data = { tenantId, standbySite: site, ...(s.apiKey ? { apiKey: s.apiKey } : {}) };
        await this.commands.handle({ type: 'RecordStandbyClaim', data, metadata: this.meta(correlationId, `record/${claimId}`) });
        this.logger.log({ msg: 'standby site claimed', site, tenantId, correlationId });
        return true;
      } catch (e) {
        if (isPoolError(e, 'POOL.TENANT_CANNOT_TAKE_STANDBY') || (e instanceof DomainError && e.code === 'TENANT.CONCURRENCY_EXHAUSTED')) continue;
        throw e;
      }
    }
    return false;
  }

  /**
   * Detaches the customer's name, gives Administrator a new API secret nobody holds (the claimant
   * may have been issued one) and puts the site back as Ready; if that fails, it is dropped.
   */
  async returnSite(site: string, builtKey: string | undefined, tenantId: string, reason: string, correlationId: string, claimId: string): Promise<void> {
    let detached = await this.bench.detachDomain(site);
    if (detached.ok && builtKey) detached = await this.bench.rotateApiSecret(site);
    if (!detached.ok) {
      this.logger.warn({ msg: 'could not detach a returned standby site; it stays claimed and is replaced', site, tenantId });
      this.metrics.releases.inc({ outcome: 'kept' });
      return;
    }
    try {
      const done = await this.standbys.handle({ type: 'ReturnStandby', data: { site, tenantId, reason }, metadata: this.meta(correlationId, `return/${claimId}`) });
      this.index.remember(done.state);
      this.metrics.releases.inc({ outcome: 'returned' });
      this.logger.log({ msg: 'standby site returned to the pool', site, tenantId, reason });
    } catch (e) {
      if (!(e instanceof WrongExpectedRevisionError) && !isPoolError(e, 'POOL.NOT_CLAIMED_BY')) throw e;
    }
  }

  /**
   * Compensation for a tenant on a standby site (its drop-site step): true when there is nothing
   * of the tenant's to drop with bench: the site is not (or no longer) claimed by it (a redo after
   * it gave the site back, which the next signup may already have claimed), or it still holds
   * nothing of the customer's (no admin user, the API key made while building; asked of the site)
   * and goes back to the pool now. Otherwise false, and the caller drops it with bench as usual.
   */
  async releaseIfClean(t: TenantState, correlationId = t.tenantId): Promise<boolean> {
    const site = t.standbySite;
    if (!site) return false;
    const { state: s, recorded } = await this.standbys.load(site);
    // Never drop a site this tenant does not hold: it may be the next customer's by now.
    if (s.status !== 'Claimed' || s.claimedBy !== t.tenantId) return true;
    if (!(await this.bench.isClean(site, t.adminEmail, s.apiKey))) {
      this.metrics.releases.inc({ outcome: 'dropped' });
      return false;
    }
    const claimId = [...recorded].reverse().find((r) => r.type === 'StandbyClaimed')?.eventId ?? site;
    await this.returnSite(site, s.apiKey, t.tenantId, 'the tenant was rolled back before anything was written to the site', correlationId, claimId);
    const after = await this.standbys.load(site);
    // Still ours only when it could not be detached: then it is dropped.
    return !(after.state.status === 'Claimed' && after.state.claimedBy === t.tenantId);
  }
}

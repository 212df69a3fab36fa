/**
 * Keeps a ProvisioningStats folded up to the log's head, on demand: a scrape or a console page
 * asks, one catch-up runs (single flight), reading only the events after the last checkpoint.
 * The first call after a start folds the whole log (about a second per 100,000 events on
 * SQLite); it is started in the background at boot so a scrape rarely waits for it.
 * The same fold feeds /metrics (counters and a signup-to-Active histogram) and the console.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@tlc/event-store';
import { Counter, Gauge, Histogram } from 'prom-client';
import { EVENT_STORE } from '../config/tokens.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ProvisioningStats, SIGNUP_TO_ACTIVE_BUCKETS, type StatsEffect } from './provisioning-stats.js';

const PAGE = 5000;

@Injectable()
export class ProvisioningStatsService implements OnApplicationBootstrap {
  private readonly stats = new ProvisioningStats();
  private running: Promise<ProvisioningStats> | undefined;
  private readonly signups: Counter;
  private readonly activations: Counter;
  private readonly rollbacks: Counter;
  private readonly broken: Counter;
  private readonly stepFailures: Counter<'step' | 'class' | 'final'>;
  private readonly toActive: Histogram;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(MetricsService) metrics: MetricsService,
  ) {
    const registers = [metrics.registry];
    // Every metric below is read after a catch-up: the collect hook of the first one scraped
    // waits for it, the others share the same single-flight promise.
    const fresh = async () => {
      await this.current().catch(() => undefined);
    };
    const counter = (name: string, help: string) => new Counter({ name, help, registers, collect: fresh });
    this.signups = counter('provisioning_tenant_signups_total', 'SignupRequested events in the log');
    this.activations = counter('provisioning_tenant_activations_total', 'TenantActivated events in the log');
    this.rollbacks = counter('provisioning_tenant_rollbacks_total', 'RolledBack events in the log');
    this.broken = counter('provisioning_tenant_broken_total', 'TenantBroken events in the log (a rollback that could not finish)');
    this.stepFailures = new Counter({
      name: 'provisioning_step_failures_total',
      help: 'StepFailed events by step, failure class and whether it was final (no retry)',
      labelNames: ['step', 'class', 'final'],
      registers,
      collect: fresh,
    });
    this.toActive = new Histogram({
      name: 'provisioning_signup_to_active_seconds',
      help: "Time from a tenant's first SignupRequested to TenantActivated",
      buckets: [...SIGNUP_TO_ACTIVE_BUCKETS],
      registers,
      collect: fresh,
    });
    const stats = this.stats;
    new Gauge({
      name: 'provisioning_tenants_broken',
      help: 'Tenants in the Broken state now (need an operator)',
      registers,
      async collect() {
        await fresh();
        this.set(stats.brokenTenants);
      },
    });
  }

  onApplicationBootstrap(): void {
    void this.current().catch(() => undefined);
  }

  /** The stats folded up to the head as of this call. */
  current(): Promise<ProvisioningStats> {
    this.running ??= this.catchUp().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async catchUp(): Promise<ProvisioningStats> {
    for (;;) {
      const from = this.stats.checkpoint < 0 ? undefined : this.stats.checkpoint;
      const page = await this.events.readAll({ fromPosition: from, maxCount: PAGE });
      for (const r of page) this.record(this.stats.apply(r));
      if (page.length < PAGE) return this.stats;
    }
  }

  private record(effect: StatsEffect | null): void {
    if (!effect) return;
    switch (effect.kind) {
      case 'signup':
        this.signups.inc();
        return;
      case 'activated':
        this.activations.inc();
        if (effect.seconds !== null) this.toActive.observe(effect.seconds);
        return;
      case 'rolled-back':
        this.rollbacks.inc();
        return;
      case 'broken':
        this.broken.inc();
        return;
      case 'step-failed':
        this.stepFailures.inc({ step: effect.step, class: effect.classification, final: String(effect.final) });
        return;
      default: {
        const never: never = effect;
        throw new Error(`unhandled effect ${JSON.stringify(never)}`);
      }
    }
  }
}

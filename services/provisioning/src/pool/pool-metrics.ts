/**
 * Pool metrics, registered in the app's own registry (MetricsService) so they appear in /metrics
 * next to everything else. Sizes are read from the index at scrape time.
 */
import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';
import { PoolIndex } from './pool-index.js';

@Injectable()
export class PoolMetrics {
  readonly claims: Counter<'outcome'>;
  readonly misses: Counter;
  readonly refillSeconds: Histogram;
  readonly releases: Counter<'outcome'>;

  constructor(metrics: MetricsService, index: PoolIndex) {
    const registers = [metrics.registry];
    new Gauge({
      name: 'provisioning_pool_sites',
      help: 'Standby sites by state (ready, building, claimed, failed)',
      labelNames: ['state'],
      registers,
      collect() {
        const c = index.counts();
        this.set({ state: 'ready' }, c.ready);
        this.set({ state: 'building' }, c.building);
        this.set({ state: 'claimed' }, c.claimed);
        this.set({ state: 'failed' }, c.failed);
      },
    });
    this.claims = new Counter({ name: 'provisioning_pool_claims_total', help: 'Standby sites claimed by signups (warm starts)', labelNames: ['outcome'], registers });
    this.misses = new Counter({ name: 'provisioning_pool_misses_total', help: 'Signups that found no ready standby site and took the normal path', registers });
    this.releases = new Counter({ name: 'provisioning_pool_releases_total', help: 'Claimed standby sites given up: returned clean or dropped', labelNames: ['outcome'], registers });
    this.refillSeconds = new Histogram({
      name: 'provisioning_pool_refill_seconds',
      help: 'Time from StandbyRequested to StandbyReady',
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800],
      registers,
    });
  }
}

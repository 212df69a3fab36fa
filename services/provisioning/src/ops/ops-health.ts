/** The console's health figures from the folded stats, the pool gauge and the projection lag. */
import type { ProjectionLag } from '@tlc/tenant-lookup';
import type { Registry } from 'prom-client';
import type { FailureCount, HealthHour, LagView, OpsHealth, PoolSizes } from './ops.dto.js';
import { ProvisioningStats, SIGNUP_TO_ACTIVE_BUCKETS, quantile, successRate } from './provisioning-stats.js';

const HOUR = 3600_000;

export function healthView(stats: ProvisioningStats, now: number, hours: number, pool: PoolSizes | null, lag: ProjectionLag | null): OpsHealth {
  const last = Math.floor(now / HOUR) * HOUR;
  const series: HealthHour[] = [];
  for (let t = last - (hours - 1) * HOUR; t <= last; t += HOUR) {
    const h = stats.hours.get(t);
    const sorted = [...(h?.durations ?? [])].sort((a, b) => a - b);
    series.push({
      hour: new Date(t).toISOString(),
      signups: h?.signups ?? 0,
      activations: h?.activations ?? 0,
      rollbacks: h?.rollbacks ?? 0,
      broken: h?.broken ?? 0,
      successRate: h ? successRate(h.activations, h.rollbacks, h.broken) : null,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
    });
  }
  const all = [...stats.hours.values()].flatMap((h) => h.durations).sort((a, b) => a - b);
  const buckets = [...SIGNUP_TO_ACTIVE_BUCKETS, null].map((le) => ({ le, count: 0 }));
  for (const d of all) (buckets.find((b) => b.le === null || d <= b.le) ?? buckets[buckets.length - 1]).count++;
  const failures: FailureCount[] = [...stats.failures]
    .flatMap(([step, byClass]) => [...byClass].map(([classification, c]) => ({ step, classification, all: c.all, final: c.final })))
    .sort((a, b) => b.all - a.all);
  return {
    generatedAt: new Date(now).toISOString(),
    checkpoint: stats.checkpoint,
    totals: {
      signups: stats.signups,
      activations: stats.activations,
      rollbacks: stats.rollbacks,
      brokenEvents: stats.brokenEvents,
      brokenNow: stats.brokenTenants,
      successRate: successRate(stats.activations, stats.rollbacks, stats.brokenEvents),
    },
    hours: series,
    signupToActive: {
      count: all.length,
      p50: quantile(all, 0.5),
      p95: quantile(all, 0.95),
      mean: all.length ? all.reduce((s, d) => s + d, 0) / all.length : null,
      buckets,
    },
    failures,
    pool,
    lag: lag && lagView(lag),
  };
}

export const lagView = (lag: ProjectionLag): LagView => ({
  generation: lag.generation,
  checkpoint: lag.checkpoint,
  head: lag.head,
  eventsBehind: lag.eventsBehind,
  eventsBehindCapped: lag.eventsBehindCapped,
  secondsBehind: lag.secondsBehind,
});

/** The warm pool's sizes as its own gauge reports them (pool/pool-metrics.ts); null without a pool. */
export async function poolSizes(registry: Registry): Promise<PoolSizes | null> {
  const metric = registry.getSingleMetric('provisioning_pool_sites');
  if (!metric) return null;
  const { values } = await metric.get();
  const of = (state: string) => values.find((v) => v.labels.state === state)?.value ?? 0;
  return { ready: of('ready'), building: of('building'), claimed: of('claimed'), failed: of('failed') };
}

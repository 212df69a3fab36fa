/**
 * prom-client gauges for the provisioning service's /metrics. One lag reading serves every
 * gauge of a scrape (memoised for a second) so a scrape costs one head read, not four.
 */
import { Gauge, type Registry } from 'prom-client';
import type { ProjectionLag } from './lag.js';

export function registerTenantLookupMetrics(registry: Registry, readLag: () => Promise<ProjectionLag>, prefix = 'tlc_'): void {
  let memo: { at: number; value: Promise<ProjectionLag> } | undefined;
  const lag = (): Promise<ProjectionLag> => {
    const now = Date.now();
    if (!memo || now - memo.at > 1000) memo = { at: now, value: readLag() };
    return memo.value;
  };
  const gauge = (name: string, help: string, pick: (l: ProjectionLag) => number) =>
    new Gauge({
      name: `${prefix}${name}`,
      help,
      labelNames: ['projection'],
      registers: [registry],
      async collect() {
        const l = await lag().catch(() => undefined);
        if (l) this.set({ projection: l.projection }, pick(l));
      },
    });
  gauge('projection_lag_events', 'Events in the log not yet folded into the live read model', (l) => l.eventsBehind);
  gauge('projection_lag_seconds', 'Age in seconds of the oldest event not yet folded into the live read model', (l) => l.secondsBehind);
  gauge('projection_checkpoint', 'Global position the live read model has folded up to', (l) => l.checkpoint);
  gauge('projection_generation', 'Live generation of the read model (changes after a blue/green rebuild)', (l) => l.generation);
  gauge('projection_rebuild_checkpoint', 'Checkpoint of the generation being rebuilt (-1 when no rebuild runs)', (l) => l.rebuilding?.checkpoint ?? -1);
}

import { Registry } from 'prom-client';
import { projectionLag } from './lag.js';
import { registerTenantLookupMetrics } from './metrics.js';
import { catchUpLive } from './runner.js';
import { appendSampleHistories, sampleHistories } from './sample-histories.js';
import { SqliteReadModelStore } from './sqlite-store.js';
import { MemoryEventStore } from './test-support/memory-event-store.js';

describe('projection lag', () => {
  it('counts events and seconds behind the head, in status and in /metrics gauges', async () => {
    const es = new MemoryEventStore();
    const store = new SqliteReadModelStore(':memory:');
    await store.init();
    const appended = await appendSampleHistories(es, sampleHistories(5));
    const now = Date.now() + 30_000;

    const behind = await projectionLag(store, es, () => now);
    expect(behind).toMatchObject({ projection: 'tenant-lookup', generation: 1, checkpoint: -1, head: appended, eventsBehind: appended, rebuilding: null });
    expect(behind.secondsBehind).toBeGreaterThanOrEqual(30);

    const registry = new Registry();
    registerTenantLookupMetrics(registry, () => projectionLag(store, es));
    expect(await registry.metrics()).toContain(`tlc_projection_lag_events{projection="tenant-lookup"} ${appended}`);

    await catchUpLive(store, es, 10);
    expect(await projectionLag(store, es)).toMatchObject({ checkpoint: appended, eventsBehind: 0, secondsBehind: 0 });
    await new Promise((r) => setTimeout(r, 1100)); // the gauges memoise one reading per second
    const text = await registry.metrics();
    expect(text).toContain('tlc_projection_lag_events{projection="tenant-lookup"} 0');
    expect(text).toContain(`tlc_projection_checkpoint{projection="tenant-lookup"} ${appended}`);
    expect(text).toContain('tlc_projection_generation{projection="tenant-lookup"} 1');
    await store.close();
  });
});

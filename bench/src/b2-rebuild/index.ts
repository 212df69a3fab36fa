/**
 * B2 rebuild: the function `tenantctl projections rebuild tenant-lookup` runs
 * (rebuildTenantLookup, its default page of 5,000) over 100,000 events of 10,000 tenants, into a
 * fresh read model each run, against the raw batched read-fold-upsert loop on the raw driver
 * reading the same event table.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore } from '@tlc/event-store';
import { openReadModel, rebuildTenantLookup } from '@tlc/tenant-lookup';
import type { BenchContext } from '../harness/context.js';
import { settle } from '../harness/context.js';
import { forEachConcurrently } from '../harness/concurrency.js';
import { figure, unavailable, type Figure } from '../harness/figure.js';
import { createTempDatabase, withTempDatabase, type TempDatabase } from '../harness/postgres.js';
import { tenantHistories, type FixtureStream } from '../fixtures/tenant-histories.js';
import { rawSqliteRebuild } from './raw-sqlite.js';
import { rawPostgresRebuild } from './raw-postgres.js';

async function seed(es: EventStore, streams: readonly FixtureStream[], writers: number): Promise<void> {
  await forEachConcurrently(streams, writers, async (s) => {
    await es.append(s.streamId, s.events, 'no_stream');
  });
}

async function timedRebuild(eventStoreUrl: string, readModelUrl: string): Promise<{ ms: number; processed: number }> {
  const es = await createEventStore(eventStoreUrl);
  const rm = await openReadModel(readModelUrl);
  try {
    const started = performance.now();
    const r = await rebuildTenantLookup(rm, es);
    return { ms: performance.now() - started, processed: r.processed };
  } finally {
    await rm.close();
    await es.close();
  }
}

interface Pair {
  subject: number[];
  baseline: number[];
}

async function measure(runs: number, events: number, subject: () => Promise<{ ms: number; processed: number }>, baseline: () => Promise<number>): Promise<Pair> {
  const out: Pair = { subject: [], baseline: [] };
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? ['s', 'b'] : ['b', 's'];
    for (const who of order) {
      if (who === 's') {
        const res = await subject();
        if (res.processed !== events) throw new Error(`rebuild folded ${res.processed} events, expected ${events}`);
        out.subject.push(events / (res.ms / 1000));
      } else out.baseline.push(events / ((await baseline()) / 1000));
      await settle();
    }
  }
  return out;
}

export async function runB2(ctx: BenchContext): Promise<Figure[]> {
  const tenants = ctx.quick ? 500 : 10_000;
  const streams = tenantHistories(tenants);
  const events = tenants * 10;
  const figures: Figure[] = [];

  const dir = ctx.stores.includes('sqlite') ? mkdtempSync(join(tmpdir(), 'tlc-bench-b2-')) : '';
  if (dir)
    try {
      const eventsFile = join(dir, 'events.db');
      const es = await createEventStore(`sqlite:${eventsFile}`);
      ctx.log(`B2 sqlite: seeding ${events} events (${tenants} tenants)`);
      await seed(es, streams, 1);
      await es.close();
      let n = 0;
      const r = await measure(
        ctx.runs,
        events,
        () => timedRebuild(`sqlite:${eventsFile}`, `sqlite:${join(dir, `rm-${n++}.db`)}`),
        async () => rawSqliteRebuild(eventsFile, join(dir, `raw-${n++}.db`)),
      );
      figures.push(
        figure({
          bench: 'B2',
          name: 'rebuild sqlite',
          unit: 'events/s',
          runs: r.subject,
          baseline: { name: 'raw read-fold-upsert', runs: r.baseline },
          target: { text: '>= 0.6 x raw, >= 20,000/s', check: (m, ratio) => (ratio ?? 0) >= 0.6 && m >= 20_000 },
        }),
      );
    } catch (error) {
      figures.push(unavailable('B2', 'rebuild sqlite', `failed: ${(error as Error).message.split('\n')[0]}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

  let eventsDb: TempDatabase | undefined;
  if (ctx.stores.includes('postgres'))
    try {
      eventsDb = await createTempDatabase(ctx.postgresUrl);
      const es = await createEventStore(eventsDb.url, { poolSize: 8 });
      ctx.log(`B2 postgres: seeding ${events} events (${tenants} tenants, 8 writers)`);
      try {
        await seed(es, streams, 8);
      } finally {
        await es.close();
      }
      const url = eventsDb.url;
      const r = await measure(
        ctx.runs,
        events,
        () => withTempDatabase(ctx.postgresUrl, (rm) => timedRebuild(url, rm.url)),
        () => withTempDatabase(ctx.postgresUrl, (rm) => rawPostgresRebuild(url, rm.url)),
      );
      figures.push(
        figure({
          bench: 'B2',
          name: 'rebuild postgres',
          unit: 'events/s',
          runs: r.subject,
          baseline: { name: 'raw read-fold-upsert', runs: r.baseline },
          target: { text: '>= 0.6 x raw, >= 8,000/s', check: (m, ratio) => (ratio ?? 0) >= 0.6 && m >= 8_000 },
        }),
      );
    } catch (error) {
      figures.push(unavailable('B2', 'rebuild postgres', `failed: ${(error as Error).message.split('\n')[0]}`));
    } finally {
      await eventsDb?.drop();
    }
  return figures;
}

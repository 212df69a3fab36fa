/**
 * Measures the blue/green rebuild rate (events/s) of the tenant lookup read model.
 *
 *   node projections/tenant-lookup/dist/scripts/rebuild-rate.js [--events 100000] [--batch 5000]
 *        [--stores sqlite,postgres] [--event-store-url <url>] [--pg-admin-url <url>]
 *
 * Fills a throw-away SQLite event store (or the one given) with sample tenant histories of
 * about --events events, then for each read-model store: creates it fresh (a temp file, or a
 * throw-away PostgreSQL database), projects the live generation, and times a full rebuild
 * (read from the log, fold, write, switch). Prints one JSON line per store.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createEventStore, type EventStore } from '@tlc/event-store';
import { appendSampleHistories, sampleHistory } from '../sample-histories.js';
import { openReadModel } from '../store-factory.js';
import { rebuildTenantLookup } from '../rebuild.js';
import { catchUpLive } from '../runner.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '5000' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    'event-store-url': { type: 'string' },
    'pg-admin-url': { type: 'string', default: process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const wanted = Number(values.events);
const batch = Number(values.batch);
const dir = mkdtempSync(join(tmpdir(), 'rebuild-rate-'));

async function fill(es: EventStore): Promise<number> {
  let total = (await es.headPosition()) > 0 ? wanted : 0;
  for (let i = 0; total < wanted; i += 200) {
    const group = Array.from({ length: 200 }, (_, k) => sampleHistory(i + k));
    total += await appendSampleHistories(es, group, { chunk: 6 });
  }
  return total;
}

async function pgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rebuild_rate_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: values['pg-admin-url'] });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(values['pg-admin-url']!);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function main(): Promise<void> {
  const esUrl = values['event-store-url'] ?? `sqlite:${join(dir, 'events.db')}`;
  const es = await createEventStore(esUrl);
  const started = performance.now();
  const events = await fill(es);
  process.stderr.write(`log ready: ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s (${es.description})\n`);
  try {
    for (const kind of values.stores!.split(',')) {
      const target = kind === 'postgres' ? await pgDatabase() : { url: `sqlite:${join(dir, 'read-model.db')}`, drop: async () => undefined };
      const store = await openReadModel(target.url);
      try {
        await catchUpLive(store, es, batch);
        const load = loadavg()[0];
        const r = await rebuildTenantLookup(store, es, { batchSize: batch });
        process.stdout.write(
          `${JSON.stringify({
            store: kind,
            events: r.processed,
            batch,
            seconds: Number(r.seconds.toFixed(2)),
            eventsPerSecond: Math.round(r.processed / r.seconds),
            tenants: (await store.dump(r.generation)).length,
            loadAverage1m: Number(load.toFixed(2)),
          })}\n`,
        );
      } finally {
        await store.close();
        await target.drop();
      }
    }
  } finally {
    await es.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`rebuild-rate failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});

/**
 * B1 append throughput: 50,000 events in streams of 10 through the event store port, against the
 * raw driver writing the same rows the same way and, on PostgreSQL, against the peer (Emmett;
 * postgres-figures.ts). Subject and baselines alternate within each run, each on a fresh file or
 * database. Correctness probes (racing writers and creators) run for every store measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '@tlc/event-store';
import type { BenchContext } from '../harness/context.js';
import { settle } from '../harness/context.js';
import { forEachConcurrently } from '../harness/concurrency.js';
import { figure, unavailable, type Figure } from '../harness/figure.js';
import { tenantHistories, type FixtureStream } from '../fixtures/tenant-histories.js';
import { rawSqliteAppend } from './raw-sqlite.js';
import { runProbes } from '../peers/probes.js';
import { postgresFigures } from './postgres-figures.js';
import { ourProbeTarget, probeFigures } from './probe-figures.js';

async function storeAppend(url: string, streams: readonly FixtureStream[], writers: number): Promise<number> {
  const store = await createEventStore(url, { poolSize: Math.max(writers, 2) });
  try {
    const started = performance.now();
    await forEachConcurrently(streams, writers, async (s) => {
      await store.append(s.streamId, s.events, 'no_stream');
    });
    return performance.now() - started;
  } finally {
    await store.close();
  }
}

/** Runs subject and baseline `runs` times, alternating; returns events/s for each. */
async function alternate(runs: number, events: number, subject: () => Promise<number>, baseline: () => Promise<number>) {
  const s: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < runs; r++) {
    const pair = r % 2 === 0 ? [subject, baseline] : [baseline, subject];
    for (const which of pair) {
      const ms = await which();
      (which === subject ? s : b).push(events / (ms / 1000));
      await settle();
    }
  }
  return { subject: s, baseline: b };
}

export async function runB1(ctx: BenchContext): Promise<Figure[]> {
  const streamCount = ctx.quick ? 300 : 5000;
  const streams = tenantHistories(streamCount);
  const events = streams.reduce((n, s) => n + s.events.length, 0);
  const figures: Figure[] = [];
  const dir = ctx.stores.includes('sqlite') ? mkdtempSync(join(tmpdir(), 'tlc-bench-b1-')) : '';
  if (dir)
    try {
      ctx.log(`B1 sqlite: ${events} events in ${streamCount} streams, ${ctx.runs} runs`);
      let n = 0;
      const r = await alternate(
        ctx.runs,
        events,
        () => storeAppend(`sqlite:${join(dir, `store-${n++}.db`)}`, streams, 1),
        async () => rawSqliteAppend(join(dir, `raw-${n++}.db`), streams),
      );
      figures.push(
        figure({
          bench: 'B1',
          name: 'append sqlite, 1 writer',
          unit: 'events/s',
          runs: r.subject,
          baseline: { name: 'raw better-sqlite3', runs: r.baseline },
          target: { text: '>= 0.6 x raw', check: (_m, ratio) => (ratio ?? 0) >= 0.6 },
        }),
      );
    } catch (error) {
      figures.push(unavailable('B1', 'append sqlite, 1 writer', `failed: ${(error as Error).message}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

  if (ctx.stores.includes('sqlite')) {
    figures.push(
      unavailable(
        'B1',
        'append sqlite, ratio to peer',
        'not installed: @event-driven-io/emmett-sqlite exists only as 0.42.4 (its peer is emmett 0.42.4, not the 0.42.0 measured here) and needs the sqlite3 native addon, whose prebuilt binaries come from GitHub, out of reach of npm ci here',
      ),
    );
    const probeDir = mkdtempSync(join(tmpdir(), 'tlc-bench-b1-probe-'));
    try {
      const store = await createEventStore(`sqlite:${join(probeDir, 'probe.db')}`);
      try {
        figures.push(...probeFigures('sqlite ours', await runProbes(ourProbeTarget(store))));
      } finally {
        await store.close();
      }
    } catch (error) {
      figures.push(unavailable('B1', 'probes sqlite', `failed: ${(error as Error).message.split('\n')[0]}`));
    } finally {
      rmSync(probeDir, { recursive: true, force: true });
    }
  }
  if (ctx.stores.includes('postgres')) figures.push(...(await postgresFigures(ctx, streams)));
  return figures;
}

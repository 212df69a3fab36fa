/**
 * B1 on PostgreSQL: our store against two same-run baselines, the raw driver (the floor of what
 * these rows cost) and the peer, Emmett 0.42 (what a TypeScript team would use instead). Each run
 * measures all three, each on a fresh database, the order rotated every run. Our store and the
 * peer also read every stream back (read-back figure), with as many readers as there were writers.
 */
import { createEventStore } from '@tlc/event-store';
import type { BenchContext } from '../harness/context.js';
import { settle } from '../harness/context.js';
import { forEachConcurrently } from '../harness/concurrency.js';
import { figure, unavailable, type Figure } from '../harness/figure.js';
import { withTempDatabase } from '../harness/postgres.js';
import type { FixtureStream } from '../fixtures/tenant-histories.js';
import { emmettB1, emmettProbes } from '../peers/emmett-run.js';
import { runProbes } from '../peers/probes.js';
import { ourProbeTarget, probeFigures } from './probe-figures.js';
import { rawPostgresAppend } from './raw-postgres.js';

const PEER = 'Emmett 0.42';

interface Timing {
  readonly appendMs: number;
  readonly readMs?: number;
}

async function ours(url: string, streams: readonly FixtureStream[], writers: number): Promise<Timing> {
  const store = await createEventStore(url, { poolSize: Math.max(writers, 2) });
  try {
    let started = performance.now();
    await forEachConcurrently(streams, writers, async (s) => {
      await store.append(s.streamId, s.events, 'no_stream');
    });
    const appendMs = performance.now() - started;
    started = performance.now();
    await forEachConcurrently(streams, writers, async (s) => {
      await store.readStream(s.streamId);
    });
    return { appendMs, readMs: performance.now() - started };
  } finally {
    await store.close();
  }
}

type Subject = 'ours' | 'raw' | 'peer';

async function measure(ctx: BenchContext, streams: readonly FixtureStream[], writers: number) {
  const events = streams.reduce((n, s) => n + s.events.length, 0);
  const rate = (ms: number): number => events / (ms / 1000);
  const out = { ours: [] as number[], oursRead: [] as number[], raw: [] as number[], peer: [] as number[], peerRead: [] as number[] };
  const order: Subject[] = ['ours', 'raw', 'peer'];
  for (let r = 0; r < ctx.runs; r++) {
    for (const which of [...order.slice(r % 3), ...order.slice(0, r % 3)]) {
      await withTempDatabase(ctx.postgresUrl, async (db) => {
        if (which === 'raw') out.raw.push(rate(await rawPostgresAppend(db.url, streams, writers)));
        else if (which === 'ours') {
          const t = await ours(db.url, streams, writers);
          out.ours.push(rate(t.appendMs));
          out.oursRead.push(rate(t.readMs!));
        } else {
          // The child builds its own fixture of the same size with the same generator.
          const t = await emmettB1(db.url, streams.length, writers);
          if (t.eventsRead !== events) throw new Error(`Emmett read back ${t.eventsRead} of ${events} events`);
          out.peer.push(rate(t.appendMs));
          out.peerRead.push(rate(t.readMs));
        }
      });
      await settle();
    }
  }
  return out;
}

export async function postgresFigures(ctx: BenchContext, streams: readonly FixtureStream[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  const events = streams.reduce((n, s) => n + s.events.length, 0);
  for (const writers of [1, 8]) {
    const w = `${writers} writer${writers > 1 ? 's' : ''}`;
    const name = `append postgres, ${w}`;
    try {
      ctx.log(`B1 postgres ${w}: ${events} events, ${ctx.runs} runs x (ours, raw pg, ${PEER})`);
      const m = await measure(ctx, streams, writers);
      figures.push(
        figure({
          bench: 'B1',
          name,
          unit: 'events/s',
          runs: m.ours,
          baseline: { name: 'raw pg', runs: m.raw },
          ...(writers === 8 && { target: { text: '>= 0.5 x raw', check: (_m: number, ratio: number | undefined) => (ratio ?? 0) >= 0.5 } }),
        }),
        figure({
          bench: 'B1',
          name: `${name}, ratio to peer`,
          unit: 'events/s',
          runs: m.ours,
          baseline: { name: PEER, runs: m.peer },
          target: { text: '>= 1.2 x peer', check: (_m, ratio) => (ratio ?? 0) >= 1.2 },
        }),
        figure({
          bench: 'B1',
          name: `read-back postgres, ${writers} reader${writers > 1 ? 's' : ''}, ratio to peer`,
          unit: 'events/s',
          runs: m.oursRead,
          baseline: { name: PEER, runs: m.peerRead },
        }),
      );
    } catch (error) {
      figures.push(unavailable('B1', name, `failed: ${(error as Error).message.split('\n')[0]}`));
    }
  }
  try {
    ctx.log('B1 postgres: correctness probes (ours, peer)');
    await withTempDatabase(ctx.postgresUrl, async (db) => {
      const store = await createEventStore(db.url, { poolSize: 10 });
      try {
        figures.push(...probeFigures('postgres ours', await runProbes(ourProbeTarget(store))));
      } finally {
        await store.close();
      }
    });
    await withTempDatabase(ctx.postgresUrl, async (db) => {
      figures.push(...probeFigures(`postgres ${PEER}`, await emmettProbes(db.url, 'STREAM_DOES_NOT_EXIST')));
    });
    await withTempDatabase(ctx.postgresUrl, async (db) => {
      figures.push(...probeFigures(`postgres ${PEER} (no stream as 0n)`, await emmettProbes(db.url, '0n')));
    });
  } catch (error) {
    figures.push(unavailable('B1', 'probes postgres', `failed: ${(error as Error).message.split('\n')[0]}`));
  }
  return figures;
}

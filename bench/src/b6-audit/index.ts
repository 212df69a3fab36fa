/**
 * B6 audit (issue 19): what `tenantctl verify --all`, `tenantctl audit checkpoint` and
 * `tenantctl verify --all --checkpoints` do (the functions the CLI calls: one scan of the log
 * through the port, as stored JSON text where the store offers it (readAllText), then chain
 * check / Merkle commitment + Ed25519 signature / both in the same scan), over 100,000 events
 * of 10,000 tenants in SQLite, against a same-run raw read of the same table: better-sqlite3
 * paging the events by position and parsing data and metadata, nothing else. SQLite only:
 * PostgreSQL has readAllText too; EventStoreDB takes the parse path.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEventStore } from '@tlc/event-store';
import { commitEventStore, makeCheckpoint, verifyLog, verifyLogAndCheckpoints, type SignedCheckpoint } from '@tlc/tenantctl';
import type { BenchContext } from '../harness/context.js';
import { settle } from '../harness/context.js';
import { figure, unavailable, type Figure } from '../harness/figure.js';
import { tenantHistories } from '../fixtures/tenant-histories.js';

function rawRead(file: string, pageSize = 5000): { ms: number; events: number } {
  const db = new Database(file, { readonly: true });
  try {
    const page = db.prepare<[number, number], { position: number; data: string; metadata: string }>(
      'SELECT position, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT ?',
    );
    const started = performance.now();
    let from = 0;
    let events = 0;
    for (;;) {
      const rows = page.all(from, pageSize);
      if (rows.length === 0) break;
      for (const r of rows) {
        JSON.parse(r.data);
        JSON.parse(r.metadata);
      }
      events += rows.length;
      from = rows[rows.length - 1].position;
    }
    return { ms: performance.now() - started, events };
  } finally {
    db.close();
  }
}

export async function runB6(ctx: BenchContext): Promise<Figure[]> {
  if (!ctx.stores.includes('sqlite')) return [unavailable('B6', 'audit', 'needs --store sqlite')];
  const tenants = ctx.quick ? 500 : 10_000;
  const events = tenants * 10;
  const dir = mkdtempSync(join(tmpdir(), 'tlc-bench-b6-'));
  const figures: Figure[] = [];
  try {
    const file = join(dir, 'events.db');
    const url = `sqlite:${file}`;
    const seed = await createEventStore(url);
    ctx.log(`B6: seeding ${events} events (${tenants} tenants)`);
    for (const s of tenantHistories(tenants)) await seed.append(s.streamId, s.events, 'no_stream');
    await seed.close();
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    let checkpoint: SignedCheckpoint | undefined;
    let lineBytes = 0;

    const subjects: Record<string, () => Promise<number>> = {
      'verify --all': async () => {
        const es = await createEventStore(url);
        try {
          const t = performance.now();
          const r = await verifyLog(es, { crossCheck: true });
          if (!r.ok || r.events !== events) throw new Error(`verify: ok=${r.ok}, ${r.events} events`);
          return performance.now() - t;
        } finally {
          await es.close();
        }
      },
      'audit checkpoint': async () => {
        const es = await createEventStore(url);
        try {
          const t = performance.now();
          checkpoint = makeCheckpoint(await commitEventStore(es), privateKey);
          lineBytes = JSON.stringify(checkpoint).length + 1;
          return performance.now() - t;
        } finally {
          await es.close();
        }
      },
      'verify --all --checkpoints (1)': async () => {
        const es = await createEventStore(url);
        try {
          const t = performance.now();
          const { chain, checkpoints } = await verifyLogAndCheckpoints(es, [checkpoint!], publicKey, { crossCheck: true });
          if (!chain.ok || chain.events !== events || checkpoints.verified !== 1) throw new Error('verify --checkpoints found problems in an untouched store');
          return performance.now() - t;
        } finally {
          await es.close();
        }
      },
    };
    const runs: Record<string, number[]> = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
    const raw: number[] = [];
    for (let r = 0; r < ctx.runs; r++) {
      const baselineFirst = r % 2 === 1;
      if (baselineFirst) {
        raw.push(events / (rawRead(file).ms / 1000));
        await settle();
      }
      for (const [name, fn] of Object.entries(subjects)) {
        runs[name].push(events / ((await fn()) / 1000));
        await settle();
      }
      if (!baselineFirst) {
        raw.push(events / (rawRead(file).ms / 1000));
        await settle();
      }
    }
    // Targets are ratios only (absolute rates move with the machine's load). verify --all: issue 19
    // item 6 asks for 0.5 x raw; the others keep their floors (hashing every event, SHA-256 over
    // canonical JSON, is the point of the exercise and costs about as much as the read itself).
    const targets: Record<string, { text: string; check: (m: number, ratio: number | undefined) => boolean }> = {
      'verify --all': { text: '>= 0.5 x raw read', check: (_m, ratio) => (ratio ?? 0) >= 0.5 },
      'audit checkpoint': { text: '>= 0.15 x raw read', check: (_m, ratio) => (ratio ?? 0) >= 0.15 },
      'verify --all --checkpoints (1)': { text: '>= 0.1 x raw read', check: (_m, ratio) => (ratio ?? 0) >= 0.1 },
    };
    for (const name of Object.keys(subjects)) {
      figures.push(
        figure({
          bench: 'B6',
          name: `${name} sqlite`,
          unit: 'events/s',
          runs: runs[name],
          baseline: { name: 'raw read + JSON.parse', runs: raw },
          target: targets[name],
          ...(name === 'audit checkpoint' ? { notes: `one checkpoint line is ${(lineBytes / 1e6).toFixed(2)} MB for ${events} events in ${tenants} streams` } : {}),
        }),
      );
    }
  } catch (error) {
    figures.push(unavailable('B6', 'audit sqlite', `failed: ${(error as Error).message.split('\n')[0]}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

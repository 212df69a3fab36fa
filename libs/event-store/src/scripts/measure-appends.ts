/**
 * Quick append throughput measurement (not a test, not the real benchmark):
 *   npx tsc -b libs/event-store && node libs/event-store/dist/scripts/measure-appends.js
 * SQLite: one writer. PostgreSQL: 1 and 8 writers, each in its own throw-away database on
 * MEASURE_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createEventStore } from '../factory.js';
import type { EventStore, EventToAppend } from '../port.js';

const EVENTS_PER_APPEND = Number(process.env.MEASURE_EVENTS_PER_APPEND ?? 10);
const APPENDS_PER_WRITER = Number(process.env.MEASURE_APPENDS_PER_WRITER ?? 500);

const batch = (): EventToAppend[] =>
  Array.from({ length: EVENTS_PER_APPEND }, (_, i) => ({
    type: 'Measured',
    data: { i, tenantId: randomUUID(), note: 'a typical small event payload of a hundred bytes or so' },
    metadata: { eventId: randomUUID(), correlationId: randomUUID(), actor: 'measure' },
  }));

async function run(label: string, store: EventStore, writers: number): Promise<void> {
  // Warm-up (JIT, connections, catalog caches), not counted.
  for (let w = 0; w < writers; w++) {
    let expected: number | 'no_stream' = 'no_stream';
    const stream = `warm-up-${w}-${randomUUID()}`;
    for (let i = 0; i < 30; i++) expected = (await store.append(stream, batch(), expected)).nextExpectedRevision;
  }
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const stream = `measure-${w}-${randomUUID()}`;
      let expected: number | 'no_stream' = 'no_stream';
      for (let i = 0; i < APPENDS_PER_WRITER; i++) expected = (await store.append(stream, batch(), expected)).nextExpectedRevision;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const appends = writers * APPENDS_PER_WRITER;
  // Client CPU per append helps read the figure on a shared, busy machine (wall time includes waiting for a core).
  console.log(
    `${label.padEnd(20)} ${writers} writer(s) x ${APPENDS_PER_WRITER} appends of ${EVENTS_PER_APPEND} events: ` +
      `${Math.round(appends / seconds)} appends/s, ${Math.round((appends * EVENTS_PER_APPEND) / seconds)} events/s ` +
      `(client CPU ${((used.user + used.system) / 1000 / appends).toFixed(2)} ms/append, load avg ${loadavg()[0].toFixed(1)})`,
  );
}

async function withPostgresDatabase(use: (url: string) => Promise<void>): Promise<void> {
  const admin = process.env.MEASURE_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `es_measure_${process.pid}_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  try {
    await use(admin.replace(/\/[^/?]*(\?|$)/, `/${name}$1`));
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'es-measure-'));
try {
  const sqlite = await createEventStore(`sqlite:${join(dir, 'events.db')}`);
  await run('sqlite (WAL, file)', sqlite, 1);
  await sqlite.close();
  for (const writers of [1, 8]) {
    await withPostgresDatabase(async (url) => {
      const store = await createEventStore(url, { poolSize: Math.max(writers, 2) });
      await run('postgres', store, writers);
      await store.close();
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

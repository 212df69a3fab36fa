import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventStore } from './factory.js';
import { Collector, ev, uniquePrefix } from './test-support/collector.js';
import { describeEventStoreContract } from './test-support/event-store.contract.js';

// The int project's testTimeout is not applied per project by Jest; these tests do real I/O.
jest.setTimeout(60_000);

// A real file (not :memory:) so WAL, the busy timeout and cross-connection reads are exercised.
const dir = mkdtempSync(join(tmpdir(), 'es-sqlite-'));
const file = join(dir, 'events.db');
afterAll(() => {
  rmSync(`${dir}-link`, { force: true });
  rmSync(dir, { recursive: true, force: true });
});

describeEventStoreContract(
  'sqlite',
  () => createEventStore(`sqlite:${file}`),
  (store) => store.close(),
  {
    eventIdsUniqueAcrossStreams: true,
    startsEmpty: true,
  },
);

describe('sqlite adapter specifics', () => {
  it('runs in memory too', async () => {
    const store = await createEventStore('sqlite::memory:');
    expect(store.description).toBe('sqlite (in memory)');
    const r = await store.append('m-1', [ev('A')], 'no_stream');
    expect(await store.headPosition()).toBe(r.position);
    await store.close();
  });

  it('keeps its data across a reopen and lets a second connection on the file see appends live', async () => {
    const path = join(dir, 'two.db');
    // Opened through a symlinked directory, the second store does not share the first one's
    // in-process wake-up (keyed by path), so it must find the appends by polling, exactly as
    // a store in another process would.
    symlinkSync(dir, `${dir}-link`);
    const a = await createEventStore(`sqlite:${path}`);
    const b = await createEventStore(`sqlite:${join(`${dir}-link`, 'two.db')}`, { pollMs: 20 });
    const s = uniquePrefix('shared');
    const collector = new Collector(b.subscribeToAll());
    await a.append(s, [ev('One')], 'no_stream');
    await a.append(s, [ev('Two')], 0);
    await collector.waitFor(() => collector.of(s).length === 2, 'both events written by the other connection');
    await a.close();
    await b.close();
    await expect(collector.done).resolves.toBeUndefined();

    const reopened = await createEventStore(`sqlite:${path}`);
    expect((await reopened.readStream(s)).map((e) => e.type)).toEqual(['One', 'Two']);
    await expect(reopened.append(s, [ev('Stale')], 0)).rejects.toMatchObject({ actual: 1 });
    await reopened.close();
  });
});

// Writer processes run the TypeScript sources through SWC (test-support/ts-loader.mjs): no build needed.
const LOADER = new URL('./test-support/ts-loader.mjs', import.meta.url).href;
const REGISTER = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(LOADER)});`;
const WRITER = fileURLToPath(new URL('./test-support/sqlite-writer-process.ts', import.meta.url));

function writerProcess(file: string, stream: string, events: number): { child: ChildProcess; exited: Promise<number | string>; output: () => string } {
  const child = spawn(process.execPath, ['--import', REGISTER, WRITER, file, stream, String(events)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { child, exited, output: () => output };
}

describe('sqlite adapter across processes', () => {
  it('several writer processes on one file, one killed mid-run: whole appends only, every event once, in order', async () => {
    const path = join(dir, 'processes.db');
    const store = await createEventStore(`sqlite:${path}`, { pollMs: 20 });
    const p = uniquePrefix('proc');
    const collector = new Collector(store.subscribeToAll());
    const writers = [0, 1, 2].map((i) => writerProcess(path, `${p}-w${i}`, 300));
    const victim = writerProcess(path, `${p}-victim`, 1_000_000);
    try {
      const progressed = () => victim.output().includes('progress');
      while (!progressed()) {
        if (victim.child.exitCode !== null) throw new Error(`victim writer died early: ${victim.output()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      victim.child.kill('SIGKILL');
      expect(await victim.exited).toBe('SIGKILL');
      for (const w of writers) {
        const code = await w.exited;
        if (code !== 0) throw new Error(`writer exited with ${code}: ${w.output()}`);
      }

      const all = (await store.readAll()).filter((e) => e.streamId.startsWith(p));
      await collector.waitFor(() => collector.of(p).length >= all.length, `all ${all.length} events`);
      expect(collector.of(p).map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
      expect(collector.events.every((e, i) => i === 0 || e.position > collector.events[i - 1].position)).toBe(true);
      for (const i of [0, 1, 2]) {
        expect(all.filter((e) => e.streamId === `${p}-w${i}`).map((e) => e.revision)).toEqual(Array.from({ length: 300 }, (_, r) => r));
      }
      // The killed writer left a dense stream made only of complete appends.
      const victimEvents = all.filter((e) => e.streamId === `${p}-victim`);
      expect(victimEvents.length).toBeGreaterThan(0);
      expect(victimEvents.map((e) => e.revision)).toEqual(victimEvents.map((_, r) => r));
      const batches = new Map<number, { size: number; seen: number }>();
      for (const e of victimEvents) {
        const { batch, size } = e.data as { batch: number; size: number };
        const entry = batches.get(batch) ?? { size, seen: 0 };
        entry.seen += 1;
        batches.set(batch, entry);
      }
      expect([...batches.values()].every((b) => b.seen === b.size)).toBe(true);
    } finally {
      for (const w of [...writers, victim]) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await collector.subscription.stop();
      await store.close();
    }
  }, 120_000);
});

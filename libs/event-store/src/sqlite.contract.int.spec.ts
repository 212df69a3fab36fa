import { jest } from '@jest/globals';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describeEventStoreContract('sqlite', () => createEventStore(`sqlite:${file}`), (store) => store.close(), {
  eventIdsUniqueAcrossStreams: true,
  startsEmpty: true,
});

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

import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors.js';
import type { EventStore } from '../port.js';
import { ev, eventually, uniquePrefix } from './collector.js';
import { describeConcurrencyContract } from './concurrency.contract.js';

export interface ContractOptions {
  /** SQL adapters keep event ids unique across the whole log; EventStoreDB only per stream. */
  readonly eventIdsUniqueAcrossStreams: boolean;
  /** False for a shared server that already holds other runs' events. */
  readonly startsEmpty: boolean;
}

import { isStrictlyIncreasing, positions } from './concurrency.contract.js';

/**
 * The behaviour every EventStore adapter must have (issue 2, item 4). One store is shared by
 * the tests of a run; each test writes to its own uniquely prefixed streams and filters on them.
 */
export function describeEventStoreContract(name: string, makeStore: () => Promise<EventStore>, dispose: (store: EventStore) => Promise<void>, options: ContractOptions): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await makeStore();
    }, 30_000);
    afterAll(async () => {
      if (store) await dispose(store);
    }, 30_000);

    it('answers ping and reports head position 0 while empty', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      if (options.startsEmpty) expect(await store.headPosition()).toBe(0);
      expect(store.description).not.toMatch(/password|secret/i);
    });

    describe('append with an expected revision', () => {
      it('accepts no_stream on a new stream and rejects a second no_stream with the typed conflict', async () => {
        const s = uniquePrefix('nostream');
        const first = await store.append(s, [ev('Opened'), ev('Named')], 'no_stream');
        expect(first.nextExpectedRevision).toBe(1);
        expect(first.position).toBeGreaterThan(0);
        const second = store.append(s, [ev('Opened')], 'no_stream');
        await expect(second).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(second).rejects.toMatchObject({ code: 'EVENT_STORE.WRONG_EXPECTED_REVISION', streamId: s, expected: 'no_stream' });
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('rejects a stale revision and accepts the right one', async () => {
        const s = uniquePrefix('revision');
        const a = await store.append(s, [ev('A')], 'no_stream');
        const b = await store.append(s, [ev('B')], a.nextExpectedRevision);
        expect(b.nextExpectedRevision).toBe(1);
        expect(b.position).toBeGreaterThan(a.position);
        await expect(store.append(s, [ev('C')], a.nextExpectedRevision)).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', expected: 0 });
        await expect(store.append(s, [ev('C')], 5)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        const c = await store.append(s, [ev('C')], b.nextExpectedRevision);
        expect(c.nextExpectedRevision).toBe(2);
        expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('checks stream_exists and lets any through', async () => {
        const s = uniquePrefix('exists');
        await expect(store.append(s, [ev('X')], 'stream_exists')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
        expect((await store.append(s, [ev('A')], 'any')).nextExpectedRevision).toBe(0);
        expect((await store.append(s, [ev('B')], 'stream_exists')).nextExpectedRevision).toBe(1);
        expect((await store.append(s, [ev('C')], 'any')).nextExpectedRevision).toBe(2);
        expect((await store.readStream(s)).map((e) => e.revision)).toEqual([0, 1, 2]);
      });
    });

    it('writes nothing when an append fails half-way (an event that cannot be serialised)', async () => {
      const s = uniquePrefix('atomic');
      const before = await store.headPosition();
      const failing = store.append(s, [ev('Fine'), ev('Broken', { n: BigInt(1) }), ev('Never')], 'no_stream');
      await expect(failing).rejects.toThrow();
      await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
      expect((await store.readAll({ fromPosition: before })).filter((e) => e.streamId === s)).toEqual([]);
      expect((await store.append(s, [ev('Fine')], 'no_stream')).nextExpectedRevision).toBe(0);
    });

    describe('idempotent retry', () => {
      it('treats re-sending the same event ids as a no-op returning the original result', async () => {
        const s = uniquePrefix('retry');
        const batch = [ev('A', { n: 1 }), ev('B', { n: 2 })];
        const original = await store.append(s, batch, 'no_stream');
        expect(await store.append(s, batch, 'no_stream')).toEqual(original);
        const later = await store.append(s, [ev('C')], original.nextExpectedRevision);
        // A retry that arrives after other writes still answers with the original result.
        expect(await store.append(s, batch, 'no_stream')).toEqual(original);
        const events = await store.readStream(s);
        expect(events.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
        expect(later.nextExpectedRevision).toBe(2);
      });

      it('rejects an append that re-uses only some of the stored ids', async () => {
        const s = uniquePrefix('partial');
        const batch = [ev('A'), ev('B')];
        await store.append(s, batch, 'no_stream');
        const overlap = store.append(s, [batch[1], ev('C')], 'no_stream');
        await expect(overlap).rejects.toThrow();
        const error = await overlap.catch((e: unknown) => e);
        expect(error instanceof DuplicateEventIdError || error instanceof WrongExpectedRevisionError).toBe(true);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      if (options.eventIdsUniqueAcrossStreams) {
        it('rejects event ids already stored in another stream with DuplicateEventIdError', async () => {
          const batch = [ev('A')];
          await store.append(uniquePrefix('owner'), batch, 'no_stream');
          const other = uniquePrefix('thief');
          await expect(store.append(other, batch, 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
          await expect(store.readStream(other)).rejects.toBeInstanceOf(StreamNotFoundError);
        });
      }
    });

    describe('readStream', () => {
      let s: string;
      beforeAll(async () => {
        s = uniquePrefix('read');
        await store.append(
          s,
          Array.from({ length: 10 }, (_, i) => ev(`E${i}`, { i })),
          'no_stream',
        );
      });
      const revisions = async (opts: Parameters<EventStore['readStream']>[1]) => (await store.readStream(s, opts)).map((e) => e.revision);

      it('reads forwards and backwards', async () => {
        const forwards = await store.readStream(s);
        expect(forwards.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(forwards.map((e) => e.data)).toEqual(Array.from({ length: 10 }, (_, i) => ({ i })));
        expect(forwards.every((e) => e.streamId === s && !Number.isNaN(Date.parse(e.recordedAt)))).toBe(true);
        expect(await revisions({ direction: 'backwards' })).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      });

      it('reads from a revision (inclusive) and with a max count', async () => {
        expect(await revisions({ fromRevision: 3 })).toEqual([3, 4, 5, 6, 7, 8, 9]);
        expect(await revisions({ fromRevision: 3, direction: 'backwards' })).toEqual([3, 2, 1, 0]);
        expect(await revisions({ maxCount: 4 })).toEqual([0, 1, 2, 3]);
        expect(await revisions({ direction: 'backwards', maxCount: 2 })).toEqual([9, 8]);
        expect(await revisions({ fromRevision: 5, maxCount: 2 })).toEqual([5, 6]);
        expect(await revisions({ fromRevision: 10 })).toEqual([]);
      });

      it('throws StreamNotFoundError for a missing stream', async () => {
        const missing = store.readStream(uniquePrefix('missing'));
        await expect(missing).rejects.toBeInstanceOf(StreamNotFoundError);
        await expect(missing).rejects.toMatchObject({ code: 'EVENT_STORE.STREAM_NOT_FOUND' });
      });
    });

    describe('readAll and headPosition', () => {
      it('returns every stream in commit order with increasing positions; fromPosition is exclusive', async () => {
        const p = uniquePrefix('all');
        const before = await store.headPosition();
        const written: string[] = [];
        for (let i = 0; i < 6; i++) {
          const e = ev(`T${i}`);
          const r = await store.append(`${p}-${i % 3}`, [e], 'any');
          written.push(e.metadata.eventId);
          await eventually(
            () => store.headPosition(),
            (head) => head === r.position,
            `head at ${r.position}`,
          );
        }
        const all = await eventually(
          () => store.readAll({ fromPosition: before }),
          (got) => got.filter((e) => e.streamId.startsWith(p)).length >= 6,
          'the six events',
        );
        expect(isStrictlyIncreasing(positions(all))).toBe(true);
        const mine = all.filter((e) => e.streamId.startsWith(p));
        expect(mine.map((e) => e.eventId)).toEqual(written);
        expect(mine.map((e) => e.streamId)).toEqual([0, 1, 2, 0, 1, 2].map((i) => `${p}-${i}`));

        const after2 = await store.readAll({ fromPosition: mine[1].position, maxCount: 2 });
        expect(after2.map((e) => e.eventId)).toEqual(written.slice(2, 4));
        expect(await store.readAll({ fromPosition: mine[5].position })).toEqual([]);
        const fromStart = await store.readAll({ maxCount: 3 });
        expect(fromStart).toHaveLength(3);
        expect(isStrictlyIncreasing(positions(fromStart))).toBe(true);
      });

      it('readAllText (where offered) is readAll with data and metadata as the JSON text written', async () => {
        if (!store.readAllText) return;
        const s = uniquePrefix('text');
        const before = await store.headPosition();
        // Key order and spacing as JSON.stringify wrote them: the text is kept, not re-serialised.
        const e = ev('Text', { b: [1, 2.5, 'ü 😀'], a: { d: null, c: true } }, { z: 1, actor: { kind: 'user', id: 'u' } });
        const r = await store.append(s, [e], 'no_stream');
        const text = await eventually(
          () => store.readAllText!({ fromPosition: before }),
          (got) => got.some((g) => g.streamId === s),
          'the event as text',
        );
        const parsed = await store.readAll({ fromPosition: before, maxCount: text.length });
        expect(text.map((t) => ({ ...t, data: JSON.parse(t.data) as unknown, metadata: JSON.parse(t.metadata) as unknown }))).toEqual(parsed);
        const mine = text.find((t) => t.streamId === s)!;
        expect(mine).toMatchObject({ position: r.position, revision: 0, type: 'Text', data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) });
        expect(await store.readAllText({ fromPosition: r.position })).toEqual([]);
      });
    });

    describeConcurrencyContract(() => store);

    it('round-trips unicode, nested JSON and a 256 KiB payload unchanged', async () => {
      const s = uniquePrefix('roundtrip');
      const unicode = { text: 'Zürich – 東京 – مرحبا – 👩‍💻🇳🇱 – e\u0301 – \u2028\u2029 – "quotes" \\ back\\slash', key: { 'ключ 🔑': 'värde' } };
      const nested = { a: [1, -2.5, 1e-7, 0, true, false, null, { b: [[], {}, [{ c: 'd' }]] }], deep: { x: { y: { z: { w: [1, [2, [3]]] } } } } };
      const big = { blob: 'x'.repeat(256 * 1024 - 20) + '€'.repeat(6) };
      const metadata = { correlationId: 'corr-1', causationId: 'cause-1', actor: { kind: 'user', id: 'ü-1' }, tags: ['α', 'β'] };
      const events = [ev('Unicode ✓', unicode, metadata), ev('Nested', nested, metadata), ev('Big', big, metadata)];
      await store.append(s, events, 'no_stream');
      const read = await store.readStream(s);
      expect(read.map((e) => e.type)).toEqual(['Unicode ✓', 'Nested', 'Big']);
      expect(read.map((e) => e.data)).toEqual([unicode, nested, big]);
      expect(read.map((e) => e.metadata)).toEqual(events.map((e) => e.metadata));
      expect(read.map((e) => e.eventId)).toEqual(events.map((e) => e.metadata.eventId));
      const viaAll = await eventually(
        async () => (await store.readAll({ fromPosition: read[0].position - 1, maxCount: 3 })).filter((e) => e.streamId === s),
        (got) => got.length === 3,
        'the three events in readAll',
      );
      expect(viaAll.map((e) => e.data)).toEqual([unicode, nested, big]);
    });

    describe('deleteStream', () => {
      it('soft-deletes: the stream reads as missing, its events stay in readAll, and it can be recreated', async () => {
        const s = uniquePrefix('delete');
        const before = await store.headPosition();
        const first = await store.append(s, [ev('A'), ev('B'), ev('C')], 'no_stream');
        await expect(store.deleteStream(s, 1)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(s)).toHaveLength(3);

        await store.deleteStream(s, first.nextExpectedRevision);
        await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
        const audit = await eventually(
          async () => (await store.readAll({ fromPosition: before })).filter((e) => e.streamId === s),
          (got) => got.length >= 3,
          "the deleted stream's events in readAll",
        );
        expect(audit.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        await expect(store.append(s, [ev('X')], 'stream_exists')).rejects.toBeInstanceOf(WrongExpectedRevisionError);

        // Recreated with no_stream: revisions continue after the deleted ones, which stay hidden.
        const again = await store.append(s, [ev('D')], 'no_stream');
        expect(again.nextExpectedRevision).toBe(3);
        const visible = await store.readStream(s);
        expect(visible.map((e) => [e.type, e.revision])).toEqual([['D', 3]]);
        expect((await store.readStream(s, { direction: 'backwards' })).map((e) => e.type)).toEqual(['D']);
      });
    });
  });
}

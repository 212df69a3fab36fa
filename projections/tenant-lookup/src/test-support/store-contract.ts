/**
 * The one contract every read-model store passes (sqlite, postgres, mongodb): queries, the
 * live-first rule, idempotent commits, stale-generation refusal, and the blue/green lifecycle.
 */
import { sampleHistories, sampleHistory } from '../sample-histories.js';
import { findByEmail, findById, findBySubdomain, foldPage, type TenantLookupDoc } from '../tenant-lookup.js';
import type { ReadModelStore } from '../store.js';
import { asLog } from './recorded.js';

export interface StoreFixture {
  readonly store: ReadModelStore;
  /** A second, independent connection to the same store (another process's view). */
  readonly other: () => Promise<ReadModelStore>;
  readonly cleanup: () => Promise<void>;
}

const expected = (log: ReturnType<typeof asLog>): TenantLookupDoc[] => foldPage(log, new Map()).sort((a, b) => (a.tenantId < b.tenantId ? -1 : 1));

export function readModelStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`${name} read-model store contract`, () => {
    let fx: StoreFixture;
    let store: ReadModelStore;
    beforeEach(async () => {
      fx = await open();
      store = fx.store;
      await store.init();
    });
    afterEach(async () => {
      await fx.cleanup();
    });

    it('starts with a live generation 1 at checkpoint -1, and init is idempotent', async () => {
      await store.init();
      const other = await fx.other();
      await other.init();
      await other.close();
      expect(await store.generations()).toMatchObject([{ generation: 1, state: 'live', checkpoint: -1 }]);
      expect(await findBySubdomain(store, 'nobody')).toBeNull();
    });

    it('commits pages, moves the checkpoint and answers every query', async () => {
      const hs = sampleHistories(20);
      const log = asLog(hs);
      for (let i = 0; i < log.length; i += 37) expect((await store.commit(1, 'live', log.slice(i, i + 37))).ok).toBe(true);
      expect((await store.live()).checkpoint).toBe(log[log.length - 1].position);
      expect(await store.dump(1)).toEqual(expected(log));
      const t0 = hs[0];
      expect((await findBySubdomain(store, t0.subdomain.toUpperCase()))?.tenantId).toBe(t0.tenantId);
      expect((await findByEmail(store, ' ADMIN0@example.com'))?.tenantId).toBe(t0.tenantId);
      expect((await findById(store, t0.tenantId))?.status).toBe('Active');
      const page = await store.list({ status: ['Active', 'Suspended'], limit: 5, offset: 0 });
      const all = expected(log).filter((d) => d.status === 'Active' || d.status === 'Suspended');
      expect(page.total).toBe(all.length);
      expect(page.items).toHaveLength(5);
      const next = await store.list({ status: ['Active', 'Suspended'], limit: 5, offset: 5 });
      expect(next.items.map((d) => d.tenantId)).not.toContain(page.items[0].tenantId);
      expect(page.items[0].createdAt >= page.items[4].createdAt).toBe(true);
      expect((await store.list({ limit: 500 })).total).toBe(20);
    });

    it('is idempotent: a replayed or overlapping page changes nothing', async () => {
      const log = asLog(sampleHistories(10));
      await store.commit(1, 'live', log);
      const before = await store.dump(1);
      expect(await store.commit(1, 'live', log)).toEqual({ ok: true, written: 0 });
      expect(await store.dump(1)).toEqual(before);
      expect((await store.live()).checkpoint).toBe(log[log.length - 1].position);
    });

    it('returns the live holder of a subdomain or email, never a released tenant', async () => {
      const released = sampleHistory(3);
      // Same subdomain and same email: signing up again after a rollback is the common case.
      const holder = sampleHistory(4, { subdomain: released.subdomain, adminEmail: 'ADMIN3@example.com' });
      for (const order of [
        [holder, released],
        [released, holder],
      ]) {
        const s = store;
        const gen = await s.beginRebuild();
        await s.commit(
          gen.generation,
          'building',
          asLog(order, 50).map((e, i) => ({ ...e, position: i + 1 })),
        );
        expect((await s.promote(gen.generation)).ok).toBe(true);
        const hit = await findBySubdomain(s, released.subdomain);
        expect(hit?.tenantId).toBe(holder.tenantId);
        expect(hit?.released).toBe(false);
        expect((await findByEmail(s, 'admin3@example.com'))?.tenantId).toBe(holder.tenantId);
      }
      const alone = await store.beginRebuild();
      await store.commit(
        alone.generation,
        'building',
        asLog([released]).map((e, i) => ({ ...e, position: 100 + i })),
      );
      expect((await store.promote(alone.generation)).ok).toBe(true);
      // Nobody holds it now: the released tenant answers, and its status says it is gone.
      expect(await findBySubdomain(store, released.subdomain)).toMatchObject({ tenantId: released.tenantId, released: true, status: 'RolledBack' });
    });

    it('refuses commits to a generation that is not in the expected state', async () => {
      const log = asLog(sampleHistories(2));
      expect(await store.commit(1, 'building', log)).toEqual({ ok: false, reason: 'stale' });
      expect(await store.commit(7, 'live', log)).toEqual({ ok: false, reason: 'stale' });
      expect(await store.dump(1)).toEqual([]);
    });

    it('rebuilds blue/green: resumable, promoted only when caught up, old generation dropped', async () => {
      const log = asLog(sampleHistories(30));
      const half = Math.floor(log.length / 2);
      await store.commit(1, 'live', log);
      const gen = await store.beginRebuild();
      expect(gen).toMatchObject({ generation: 2, state: 'building', checkpoint: -1 });
      await store.commit(2, 'building', log.slice(0, half));
      // A second run resumes the same generation from its checkpoint.
      const other = await fx.other();
      expect(await other.beginRebuild()).toMatchObject({ generation: 2, checkpoint: log[half - 1].position });
      await other.close();
      expect(await store.promote(2)).toEqual({ ok: false, liveCheckpoint: log[log.length - 1].position });
      expect((await store.live()).generation).toBe(1);
      await store.commit(2, 'building', log.slice(half));
      expect(await store.promote(2)).toEqual({ ok: true, retired: 1 });
      expect(await store.generations()).toMatchObject([{ generation: 2, state: 'live', checkpoint: log[log.length - 1].position }]);
      expect(await store.dump(2)).toEqual(expected(log));
      expect(await store.commit(1, 'live', log)).toEqual({ ok: false, reason: 'stale' });
      const t = sampleHistory(5);
      expect((await findBySubdomain(store, t.subdomain))?.tenantId).toBe(t.tenantId);
    });

    it('discards a building generation', async () => {
      const gen = await store.beginRebuild();
      await store.discard(gen.generation);
      expect((await store.generations()).map((g) => g.generation)).toEqual([1]);
      const again = await store.beginRebuild();
      expect(again).toMatchObject({ state: 'building', checkpoint: -1 });
      expect(await store.dump(again.generation)).toEqual([]);
    });
  });
}

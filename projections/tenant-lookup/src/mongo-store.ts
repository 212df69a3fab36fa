/**
 * MongoDB store (driver `mongodb` 7). A standalone server has no multi-document transactions,
 * so a commit writes the documents first (bulk upserts guarded by revision) and moves the
 * checkpoint after: a crash in between replays the page, which the revision guard turns into
 * no-ops. Readers resolve the live generation per query; when a lookup misses they re-resolve
 * once, so a switch racing a lookup is never seen as a miss. The switch itself is one atomic
 * single-document update (the highest `live` generation wins) before the old record goes.
 */
import { MongoClient, type Collection, type Db } from 'mongodb';
import type { RecordedEvent } from '@tlc/event-store';
import { PROJECTION_NAME, STORAGE_NAME, foldPage, normalizeListFilter, tenantIdsOf, type ListFilter, type ListPage, type LookupKey, type TenantLookupDoc } from './tenant-lookup.js';
import {
  GenerationError,
  fromCache,
  generationTable,
  remember,
  type CommitResult,
  type DocCache,
  type GenerationInfo,
  type GenerationState,
  type PromoteResult,
  type ReadModelStore,
} from './store.js';

const FIELD: Record<LookupKey['by'], string> = { subdomain: 'subdomain', email: 'adminEmail', id: 'tenantId' };
type Stored = TenantLookupDoc & { _id: string };
type GenDoc = { _id: string; projection: string; generation: number; state: GenerationState; checkpoint: number; createdAt: string; updatedAt: string };
const toInfo = ({ _id, ...g }: GenDoc): GenerationInfo => g;
const strip = ({ _id, ...d }: Stored): TenantLookupDoc => d;

export class MongoReadModelStore implements ReadModelStore {
  readonly kind = 'mongodb' as const;
  readonly description: string;
  private readonly client: MongoClient;
  private readonly db: Db;

  constructor(url: string) {
    this.client = new MongoClient(url);
    this.db = this.client.db();
    const u = new URL(url);
    this.description = `mongodb ${u.hostname}:${u.port || 27017}${u.pathname}`;
  }

  private get gens(): Collection<GenDoc> {
    return this.db.collection<GenDoc>('projection_generations');
  }

  private docs(generation: number): Collection<Stored> {
    return this.db.collection<Stored>(generationTable(STORAGE_NAME, generation));
  }

  async init(): Promise<void> {
    await this.client.connect();
    const now = new Date().toISOString();
    // Upsert with a fixed _id: two processes starting at once create generation 1 only once.
    await this.gens
      .updateOne(
        { _id: `${PROJECTION_NAME}:1`, projection: PROJECTION_NAME },
        {
          $setOnInsert: { generation: 1, state: 'live', checkpoint: -1, createdAt: now, updatedAt: now },
        },
        { upsert: true },
      )
      .catch((err: { code?: number }) => {
        if (err.code !== 11000) throw err;
      });
    await this.indexes(1);
  }

  async generations(): Promise<GenerationInfo[]> {
    return (await this.gens.find({ projection: PROJECTION_NAME }).sort({ generation: 1 }).toArray()).map(toInfo);
  }

  async live(): Promise<GenerationInfo> {
    const live = await this.gens.find({ projection: PROJECTION_NAME, state: 'live' }).sort({ generation: -1 }).limit(1).next();
    if (!live) throw new GenerationError(`${PROJECTION_NAME}: no live generation (run init)`);
    return toInfo(live);
  }

  async commit(generation: number, expect: GenerationState, events: readonly RecordedEvent[], cache?: DocCache): Promise<CommitResult> {
    const row = await this.gens.findOne({ _id: `${PROJECTION_NAME}:${generation}` });
    if (!row || row.state !== expect || (expect === 'live' && (await this.live()).generation !== generation)) return { ok: false, reason: 'stale' };
    const fresh = events.filter((e) => e.position > row.checkpoint);
    if (fresh.length === 0) return { ok: true, written: 0 };
    const coll = this.docs(generation);
    const { known: existing, missing } = fromCache(tenantIdsOf(fresh), cache);
    if (missing.length > 0) for (const d of await coll.find({ _id: { $in: missing } }).toArray()) existing.set(d._id, strip(d));
    const docs = foldPage(fresh, existing);
    if (docs.length > 0) {
      const ops = docs.map((d) => ({
        replaceOne: { filter: { _id: d.tenantId, revision: { $lt: d.revision } }, replacement: { _id: d.tenantId, ...d }, upsert: true },
      }));
      // A document already at a newer revision fails the filter and the upsert collides on _id:
      // that duplicate-key error is exactly the revision guard saying "already applied".
      await coll.bulkWrite(ops, { ordered: false }).catch((err: { code?: number; writeErrors?: Array<{ code: number }> }) => {
        const errors = err.writeErrors ?? [];
        if (!(err.code === 11000 || (errors.length > 0 && errors.every((w) => w.code === 11000)))) throw err;
      });
    }
    await this.gens.updateOne(
      { _id: row._id, state: expect, checkpoint: { $lt: fresh[fresh.length - 1].position } },
      { $set: { checkpoint: fresh[fresh.length - 1].position, updatedAt: new Date().toISOString() } },
    );
    remember(cache, docs);
    return { ok: true, written: docs.length };
  }

  async beginRebuild(): Promise<GenerationInfo> {
    const all = await this.generations();
    const building = all.find((g) => g.state === 'building');
    if (building) return building;
    const next = Math.max(0, ...all.map((g) => g.generation)) + 1;
    const now = new Date().toISOString();
    await this.gens.insertOne({ _id: `${PROJECTION_NAME}:${next}`, projection: PROJECTION_NAME, generation: next, state: 'building', checkpoint: -1, createdAt: now, updatedAt: now });
    await this.indexes(next);
    return (await this.generations()).find((g) => g.generation === next)!;
  }

  async promote(generation: number): Promise<PromoteResult> {
    const live = await this.live();
    const flipped = await this.gens.updateOne(
      { _id: `${PROJECTION_NAME}:${generation}`, state: 'building', checkpoint: { $gte: live.checkpoint } },
      { $set: { state: 'live', updatedAt: new Date().toISOString() } },
    );
    if (flipped.modifiedCount === 0) {
      const cand = await this.gens.findOne({ _id: `${PROJECTION_NAME}:${generation}` });
      if (cand?.state !== 'building') throw new GenerationError(`generation ${generation} is not being built`);
      return { ok: false, liveCheckpoint: live.checkpoint };
    }
    await this.gens.deleteOne({ _id: `${PROJECTION_NAME}:${live.generation}` });
    await this.docs(live.generation)
      .drop()
      .catch(() => undefined);
    return { ok: true, retired: live.generation };
  }

  async discard(generation: number): Promise<void> {
    const res = await this.gens.deleteOne({ _id: `${PROJECTION_NAME}:${generation}`, state: 'building' });
    if (res.deletedCount === 0) throw new GenerationError(`generation ${generation} is not being built`);
    await this.docs(generation)
      .drop()
      .catch(() => undefined);
  }

  async find(key: LookupKey): Promise<TenantLookupDoc | null> {
    const once = async (gen: number) =>
      this.docs(gen)
        .find({ [FIELD[key.by]]: key.value })
        .sort({ released: 1, createdAt: -1, tenantId: 1 })
        .limit(1)
        .next();
    const gen = (await this.live()).generation;
    let hit = await once(gen);
    if (!hit) {
      const again = (await this.live()).generation;
      if (again !== gen) hit = await once(again);
    }
    return hit ? strip(hit) : null;
  }

  async list(filter?: ListFilter): Promise<ListPage> {
    const f = normalizeListFilter(filter);
    const coll = this.docs((await this.live()).generation);
    const q = f.status.length > 0 ? { status: { $in: [...f.status] } } : {};
    const [items, total] = await Promise.all([coll.find(q).sort({ createdAt: -1, tenantId: 1 }).skip(f.offset).limit(f.limit).toArray(), coll.countDocuments(q)]);
    return { items: items.map(strip), total, limit: f.limit, offset: f.offset };
  }

  async dump(generation: number): Promise<TenantLookupDoc[]> {
    return (await this.docs(generation).find({}).sort({ _id: 1 }).toArray()).map(strip);
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async indexes(generation: number): Promise<void> {
    const c = this.docs(generation);
    await c.createIndex({ subdomain: 1, released: 1, createdAt: -1 });
    await c.createIndex({ adminEmail: 1, released: 1, createdAt: -1 });
    await c.createIndex({ createdAt: -1, tenantId: 1 });
    await c.createIndex({ status: 1, createdAt: -1, tenantId: 1 });
  }
}

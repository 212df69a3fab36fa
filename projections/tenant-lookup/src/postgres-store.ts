/**
 * PostgreSQL store (`pg`). A commit is one transaction: lock the generation's record row
 * (FOR UPDATE, which also serialises it against a promote), load the touched documents, fold
 * in memory, write every changed document with ONE multi-row `INSERT ... ON CONFLICT DO UPDATE`
 * guarded by revision, move the checkpoint. Readers query the view `tenant_lookup`, which
 * promote repoints in the transaction that flips the record (PostgreSQL DDL is transactional).
 */
import pg from 'pg';
import type { RecordedEvent } from '@tlc/event-store';
import {
  LIVE_FIRST,
  LOOKUP_COLUMN,
  PROJECTION_NAME,
  STORAGE_NAME,
  foldPage,
  normalizeListFilter,
  tenantIdsOf,
  type ListFilter,
  type ListPage,
  type LookupKey,
  type TenantLookupDoc,
} from './tenant-lookup.js';
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

interface GenRow {
  projection: string;
  generation: number;
  state: GenerationState;
  checkpoint: string;
  created_at: Date;
  updated_at: Date;
}
const toInfo = (r: GenRow): GenerationInfo => ({
  projection: r.projection,
  generation: r.generation,
  state: r.state,
  checkpoint: Number(r.checkpoint),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export class PostgresReadModelStore implements ReadModelStore {
  readonly kind = 'postgres' as const;
  readonly description: string;
  private readonly pool: pg.Pool;

  constructor(url: string, poolSize = 5) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle connection the server ends (restart, failover, idle timeout) is reported here and
    // dropped by the pool; unheard, the 'error' would end the process. Queries that meet a dead
    // server still fail, where their callers handle it.
    this.pool.on('error', () => undefined);
    const u = new URL(url);
    this.description = `postgres ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }

  async init(): Promise<void> {
    await this.tx(async (c) => {
      // Two processes starting at once must not both create generation 1.
      await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [PROJECTION_NAME]);
      await c.query(`CREATE TABLE IF NOT EXISTS projection_generations (
        projection TEXT NOT NULL, generation INT NOT NULL, state TEXT NOT NULL, checkpoint BIGINT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(), updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, generation))`);
      const { rowCount } = await c.query('SELECT 1 FROM projection_generations WHERE projection = $1', [PROJECTION_NAME]);
      if (rowCount) return;
      await this.createTable(c, 1);
      await this.createIndexes(c, 1);
      await c.query(`INSERT INTO projection_generations (projection, generation, state, checkpoint) VALUES ($1, 1, 'live', -1)`, [PROJECTION_NAME]);
      await c.query(`CREATE OR REPLACE VIEW ${STORAGE_NAME} AS SELECT * FROM ${generationTable(STORAGE_NAME, 1)}`);
    });
  }

  async generations(): Promise<GenerationInfo[]> {
    const { rows } = await this.pool.query<GenRow>('SELECT * FROM projection_generations WHERE projection = $1 ORDER BY generation', [PROJECTION_NAME]);
    return rows.map(toInfo);
  }

  async live(): Promise<GenerationInfo> {
    const live = (await this.generations()).find((g) => g.state === 'live');
    if (!live) throw new GenerationError(`${PROJECTION_NAME}: no live generation (run init)`);
    return live;
  }

  async commit(generation: number, expect: GenerationState, events: readonly RecordedEvent[], cache?: DocCache): Promise<CommitResult> {
    const table = generationTable(STORAGE_NAME, generation);
    let docs: TenantLookupDoc[] = [];
    const result = await this.tx(async (c): Promise<CommitResult> => {
      const { rows } = await c.query<GenRow>('SELECT * FROM projection_generations WHERE projection = $1 AND generation = $2 FOR UPDATE', [PROJECTION_NAME, generation]);
      const row = rows[0];
      if (!row || row.state !== expect) return { ok: false, reason: 'stale' };
      const checkpoint = Number(row.checkpoint);
      const fresh = events.filter((e) => e.position > checkpoint);
      if (fresh.length === 0) return { ok: true, written: 0 };
      const { known: existing, missing } = fromCache(tenantIdsOf(fresh), cache);
      if (missing.length > 0) {
        const found = await c.query<{ doc: TenantLookupDoc }>(`SELECT doc FROM ${table} WHERE tenant_id = ANY($1::text[])`, [missing]);
        for (const r of found.rows) existing.set(r.doc.tenantId, r.doc);
      }
      docs = foldPage(fresh, existing);
      if (docs.length > 0) {
        // One statement for the whole page, whatever its size: the page travels as one jsonb array.
        await c.query(
          `INSERT INTO ${table} AS t (tenant_id, subdomain, admin_email, status, released, created_at, revision, position, doc)
          SELECT d->>'tenantId', d->>'subdomain', d->>'adminEmail', d->>'status', (d->>'released')::boolean, d->>'createdAt',
                 (d->>'revision')::int, (d->>'position')::bigint, d
          FROM jsonb_array_elements($1::jsonb) AS d
          ON CONFLICT (tenant_id) DO UPDATE SET subdomain = EXCLUDED.subdomain, admin_email = EXCLUDED.admin_email,
            status = EXCLUDED.status, released = EXCLUDED.released, created_at = EXCLUDED.created_at,
            revision = EXCLUDED.revision, position = EXCLUDED.position, doc = EXCLUDED.doc
          WHERE t.revision < EXCLUDED.revision`,
          [JSON.stringify(docs)],
        );
      }
      await c.query('UPDATE projection_generations SET checkpoint = $3, updated_at = now() WHERE projection = $1 AND generation = $2', [PROJECTION_NAME, generation, fresh[fresh.length - 1].position]);
      return { ok: true, written: docs.length };
    });
    if (result.ok) remember(cache, docs);
    return result;
  }

  async beginRebuild(): Promise<GenerationInfo> {
    return this.tx(async (c) => {
      await c.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [PROJECTION_NAME]);
      const { rows } = await c.query<GenRow>('SELECT * FROM projection_generations WHERE projection = $1 ORDER BY generation', [PROJECTION_NAME]);
      const building = rows.find((r) => r.state === 'building');
      if (building) return toInfo(building);
      const next = Math.max(0, ...rows.map((r) => r.generation)) + 1;
      await this.createTable(c, next);
      const inserted = await c.query<GenRow>(`INSERT INTO projection_generations (projection, generation, state, checkpoint) VALUES ($1, $2, 'building', -1) RETURNING *`, [PROJECTION_NAME, next]);
      return toInfo(inserted.rows[0]);
    });
  }

  async promote(generation: number): Promise<PromoteResult> {
    const result = await this.tx(async (c): Promise<PromoteResult> => {
      const { rows } = await c.query<GenRow>('SELECT * FROM projection_generations WHERE projection = $1 ORDER BY generation FOR UPDATE', [PROJECTION_NAME]);
      const live = rows.find((r) => r.state === 'live');
      const cand = rows.find((r) => r.generation === generation);
      if (!live || !cand || cand.state !== 'building') throw new GenerationError(`generation ${generation} is not being built`);
      if (Number(cand.checkpoint) < Number(live.checkpoint)) return { ok: false, liveCheckpoint: Number(live.checkpoint) };
      await c.query('DELETE FROM projection_generations WHERE projection = $1 AND generation = $2', [PROJECTION_NAME, live.generation]);
      await c.query(`UPDATE projection_generations SET state = 'live', updated_at = now() WHERE projection = $1 AND generation = $2`, [PROJECTION_NAME, generation]);
      // A building table has no secondary indexes (bulk writes stay cheap); they come with the switch.
      await this.createIndexes(c, generation);
      await c.query(`CREATE OR REPLACE VIEW ${STORAGE_NAME} AS SELECT * FROM ${generationTable(STORAGE_NAME, generation)}`);
      return { ok: true, retired: live.generation };
    });
    // Dropped after the switch committed: the DROP waits for readers still inside the old table,
    // while new readers already go through the repointed view.
    if (result.ok) await this.pool.query(`DROP TABLE IF EXISTS ${generationTable(STORAGE_NAME, result.retired)}`);
    return result;
  }

  async discard(generation: number): Promise<void> {
    await this.tx(async (c) => {
      const { rows } = await c.query<GenRow>('SELECT * FROM projection_generations WHERE projection = $1 AND generation = $2 FOR UPDATE', [PROJECTION_NAME, generation]);
      if (rows[0]?.state !== 'building') throw new GenerationError(`generation ${generation} is not being built`);
      await c.query('DELETE FROM projection_generations WHERE projection = $1 AND generation = $2', [PROJECTION_NAME, generation]);
      await c.query(`DROP TABLE IF EXISTS ${generationTable(STORAGE_NAME, generation)}`);
    });
  }

  async find(key: LookupKey): Promise<TenantLookupDoc | null> {
    const { rows } = await this.pool.query<{ doc: TenantLookupDoc }>(`SELECT doc FROM ${STORAGE_NAME} WHERE ${LOOKUP_COLUMN[key.by]} = $1 ORDER BY ${LIVE_FIRST} LIMIT 1`, [key.value]);
    return rows[0]?.doc ?? null;
  }

  async list(filter?: ListFilter): Promise<ListPage> {
    const f = normalizeListFilter(filter);
    const where = f.status.length > 0 ? 'WHERE status = ANY($3::text[])' : '';
    const args: unknown[] = [f.limit, f.offset, ...(f.status.length > 0 ? [f.status] : [])];
    // count(*) OVER () gives the total from the same snapshot as the page.
    const { rows } = await this.pool.query<{ doc: TenantLookupDoc; total: string }>(
      `SELECT doc, count(*) OVER () AS total FROM ${STORAGE_NAME} ${where} ORDER BY created_at DESC, tenant_id ASC LIMIT $1 OFFSET $2`,
      args,
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && f.offset > 0) {
      const c = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${STORAGE_NAME} ${where.replace('$3', '$1')}`, f.status.length > 0 ? [f.status] : []);
      total = Number(c.rows[0].n);
    }
    return { items: rows.map((r) => r.doc), total, limit: f.limit, offset: f.offset };
  }

  async dump(generation: number): Promise<TenantLookupDoc[]> {
    const { rows } = await this.pool.query<{ doc: TenantLookupDoc }>(`SELECT doc FROM ${generationTable(STORAGE_NAME, generation)} ORDER BY tenant_id COLLATE "C"`);
    return rows.map((r) => r.doc);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async createTable(c: pg.PoolClient, generation: number): Promise<void> {
    const t = generationTable(STORAGE_NAME, generation);
    await c.query(`CREATE TABLE IF NOT EXISTS ${t} (
      tenant_id TEXT PRIMARY KEY, subdomain TEXT NOT NULL, admin_email TEXT NOT NULL, status TEXT NOT NULL,
      released BOOLEAN NOT NULL, created_at TEXT NOT NULL, revision INT NOT NULL, position BIGINT NOT NULL, doc JSONB NOT NULL)`);
  }

  private async createIndexes(c: pg.PoolClient, generation: number): Promise<void> {
    const t = generationTable(STORAGE_NAME, generation);
    await c.query(`CREATE INDEX IF NOT EXISTS ${t}_subdomain ON ${t} (subdomain)`);
    await c.query(`CREATE INDEX IF NOT EXISTS ${t}_email ON ${t} (admin_email)`);
    await c.query(`CREATE INDEX IF NOT EXISTS ${t}_created ON ${t} (created_at)`);
    // The ops console's status filter pages newest first: one index walk instead of a sort of every match.
    await c.query(`CREATE INDEX IF NOT EXISTS ${t}_status_created ON ${t} (status, created_at DESC, tenant_id)`);
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }
}

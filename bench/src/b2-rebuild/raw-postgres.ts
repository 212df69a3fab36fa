/**
 * B2 baseline on PostgreSQL: `pg` reading the event store's own `events` table in pages of 5,000
 * by position, folding each page in memory and writing the touched documents with ONE multi-row
 * upsert per page (plus the checkpoint) in one transaction, into a table shaped like the read
 * model's (same columns and indexes).
 */
import pg from 'pg';
import { rawFoldPage, type RawDoc, type RawEventRow } from './raw-fold.js';

const COLUMNS = 9;

export async function rawPostgresRebuild(eventsUrl: string, targetUrl: string, pageSize = 5000, eventsTable = 'es_events'): Promise<number> {
  const source = new pg.Client({ connectionString: eventsUrl });
  const target = new pg.Client({ connectionString: targetUrl });
  await source.connect();
  await target.connect();
  try {
    await target.query(`CREATE TABLE lookup (tenant_id TEXT PRIMARY KEY, subdomain TEXT NOT NULL, admin_email TEXT NOT NULL, status TEXT NOT NULL,
      released BOOLEAN NOT NULL, created_at TEXT NOT NULL, revision INT NOT NULL, position BIGINT NOT NULL, doc JSONB NOT NULL);
      CREATE INDEX lookup_subdomain ON lookup (subdomain); CREATE INDEX lookup_email ON lookup (admin_email); CREATE INDEX lookup_created ON lookup (created_at);
      CREATE TABLE checkpoint (id INT PRIMARY KEY, position BIGINT NOT NULL); INSERT INTO checkpoint VALUES (1, -1);`);
    const started = performance.now();
    let from = 0;
    for (;;) {
      const { rows } = await source.query<RawEventRow>({
        text: `SELECT position::float8 AS position, stream_id, revision::int AS revision, type, data, metadata FROM ${eventsTable} WHERE position > $1 ORDER BY position LIMIT $2`,
        values: [from, pageSize],
      });
      if (rows.length === 0) break;
      const ids = [...new Set(rows.filter((r) => r.stream_id.startsWith('tenant-')).map((r) => r.stream_id.slice(7)))];
      const existing = await target.query<{ doc: RawDoc }>('SELECT doc FROM lookup WHERE tenant_id = ANY($1)', [ids]);
      const docs = new Map(existing.rows.map((r) => [r.doc.tenantId, r.doc]));
      const touched = [...rawFoldPage(rows, docs)].map((id) => docs.get(id)!);
      from = rows[rows.length - 1].position;
      await target.query('BEGIN');
      if (touched.length > 0) {
        const params: unknown[] = [];
        const tuples = touched.map((d, i) => {
          params.push(d.tenantId, d.subdomain, d.adminEmail, d.status, d.released, d.createdAt, d.revision, d.position, JSON.stringify(d));
          return `(${Array.from({ length: COLUMNS }, (_, k) => `$${i * COLUMNS + k + 1}`).join(', ')})`;
        });
        await target.query(
          `INSERT INTO lookup VALUES ${tuples.join(', ')} ON CONFLICT (tenant_id) DO UPDATE SET
          subdomain = excluded.subdomain, admin_email = excluded.admin_email, status = excluded.status, released = excluded.released,
          created_at = excluded.created_at, revision = excluded.revision, position = excluded.position, doc = excluded.doc`,
          params,
        );
      }
      await target.query('UPDATE checkpoint SET position = $1 WHERE id = 1', [from]);
      await target.query('COMMIT');
    }
    return performance.now() - started;
  } finally {
    await source.end();
    await target.end();
  }
}

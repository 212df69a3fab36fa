/**
 * B2 baseline on SQLite: better-sqlite3 reading the event store's own `events` table in pages
 * of 5,000 by position, folding each page in memory and upserting the touched documents into a
 * table shaped like the read model's (same columns and indexes), one transaction per page.
 */
import Database from 'better-sqlite3';
import { rawFoldPage, type RawDoc, type RawEventRow } from './raw-fold.js';

export function rawSqliteRebuild(eventsFile: string, targetFile: string, pageSize = 5000): number {
  const events = new Database(eventsFile, { readonly: true });
  const target = new Database(targetFile);
  try {
    target.pragma('journal_mode = WAL');
    target.pragma('synchronous = NORMAL');
    target.exec(`CREATE TABLE lookup (tenant_id TEXT PRIMARY KEY, subdomain TEXT NOT NULL, admin_email TEXT NOT NULL, status TEXT NOT NULL,
        released INTEGER NOT NULL, created_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX lookup_subdomain ON lookup (subdomain); CREATE INDEX lookup_email ON lookup (admin_email); CREATE INDEX lookup_created ON lookup (created_at);
      CREATE TABLE checkpoint (id INTEGER PRIMARY KEY, position INTEGER NOT NULL); INSERT INTO checkpoint VALUES (1, -1);`);
    const page = events.prepare<[number, number], RawEventRow>('SELECT position, stream_id, revision, type, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?');
    const load = target.prepare<[string], { doc: string }>('SELECT doc FROM lookup WHERE tenant_id IN (SELECT value FROM json_each(?))');
    const upsert = target.prepare(`INSERT INTO lookup VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET
      subdomain = excluded.subdomain, admin_email = excluded.admin_email, status = excluded.status, released = excluded.released,
      created_at = excluded.created_at, revision = excluded.revision, position = excluded.position, doc = excluded.doc`);
    const save = target.prepare('UPDATE checkpoint SET position = ? WHERE id = 1');
    const write = target.transaction((docs: RawDoc[], checkpoint: number) => {
      for (const d of docs) upsert.run(d.tenantId, d.subdomain, d.adminEmail, d.status, d.released ? 1 : 0, d.createdAt, d.revision, d.position, JSON.stringify(d));
      save.run(checkpoint);
    });
    const started = performance.now();
    let from = 0;
    for (;;) {
      const rows = page.all(from, pageSize);
      if (rows.length === 0) break;
      const ids = [...new Set(rows.filter((r) => r.stream_id.startsWith('tenant-')).map((r) => r.stream_id.slice(7)))];
      const docs = new Map<string, RawDoc>(
        load.all(JSON.stringify(ids)).map((r) => {
          const d = JSON.parse(r.doc) as RawDoc;
          return [d.tenantId, d];
        }),
      );
      const touched = rawFoldPage(rows, docs);
      from = rows[rows.length - 1].position;
      write(
        [...touched].map((id) => docs.get(id)!),
        from,
      );
    }
    return performance.now() - started;
  } finally {
    events.close();
    target.close();
  }
}

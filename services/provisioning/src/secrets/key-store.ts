/**
 * Where per-tenant data keys live: outside the event store, each wrapped under SECRETS_KEY.
 * Deleting a row is the crypto-shred: every sealed secret of that tenant becomes noise, while
 * the history that carries the ciphertext stays intact and verifiable.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface KeyStore {
  readonly description: string;
  get(tenantId: string): Promise<Buffer | undefined>;
  /** Stores the wrapped key unless one exists; returns the one that is stored. */
  putIfAbsent(tenantId: string, wrapped: Buffer): Promise<Buffer>;
  /** True when a key was there to destroy. */
  destroy(tenantId: string): Promise<boolean>;
  /** Raw rows, for tests that prove no plaintext is stored. */
  dump(): Promise<Buffer[]>;
  close(): Promise<void>;
}

/** The key store that goes with an event store URL: a sibling SQLite file, or the same PostgreSQL database. */
export function keyStoreUrlFor(eventStoreUrl: string): string {
  if (eventStoreUrl.startsWith('sqlite:')) {
    const path = eventStoreUrl.slice('sqlite:'.length);
    return path === ':memory:' ? 'sqlite::memory:' : `sqlite:${path}.keys`;
  }
  return eventStoreUrl;
}

export async function createKeyStore(url: string): Promise<KeyStore> {
  if (url.startsWith('sqlite:')) return SqliteKeyStore.open(url.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//i.test(url)) return PostgresKeyStore.open(url);
  throw new Error(`KEY_STORE_URL must be sqlite:<path> or postgres://...; got an unknown scheme`);
}

class SqliteKeyStore implements KeyStore {
  private constructor(
    private readonly db: import('better-sqlite3').Database,
    readonly description: string,
  ) {}

  static async open(path: string): Promise<SqliteKeyStore> {
    const { default: Database } = await import('better-sqlite3');
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    // secure_delete overwrites freed pages, so a destroyed key does not linger in the file.
    db.pragma('secure_delete = ON');
    db.exec('CREATE TABLE IF NOT EXISTS tenant_keys (tenant_id TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created_at TEXT NOT NULL)');
    return new SqliteKeyStore(db, `sqlite ${path}`);
  }

  async get(tenantId: string) {
    const row = this.db.prepare('SELECT wrapped FROM tenant_keys WHERE tenant_id = ?').get(tenantId) as { wrapped: Buffer } | undefined;
    return row?.wrapped;
  }
  async putIfAbsent(tenantId: string, wrapped: Buffer) {
    this.db.prepare('INSERT OR IGNORE INTO tenant_keys (tenant_id, wrapped, created_at) VALUES (?, ?, ?)').run(tenantId, wrapped, new Date().toISOString());
    return (await this.get(tenantId))!;
  }
  async destroy(tenantId: string) {
    return this.db.prepare('DELETE FROM tenant_keys WHERE tenant_id = ?').run(tenantId).changes > 0;
  }
  async dump() {
    return (this.db.prepare('SELECT wrapped FROM tenant_keys').all() as { wrapped: Buffer }[]).map((r) => r.wrapped);
  }
  async close() {
    this.db.close();
  }
}

class PostgresKeyStore implements KeyStore {
  private constructor(
    private readonly pool: import('pg').Pool,
    readonly description: string,
  ) {}

  static async open(url: string): Promise<PostgresKeyStore> {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection the server ends is reported here and dropped by the pool; unheard, the
    // 'error' would end the service. Queries that meet a dead server still fail, and are handled.
    pool.on('error', () => undefined);
    await pool.query('CREATE TABLE IF NOT EXISTS tenant_keys (tenant_id text PRIMARY KEY, wrapped bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
    const u = new URL(url);
    return new PostgresKeyStore(pool, `postgres ${u.host}${u.pathname} (tenant_keys)`);
  }

  async get(tenantId: string) {
    const r = await this.pool.query<{ wrapped: Buffer }>('SELECT wrapped FROM tenant_keys WHERE tenant_id = $1', [tenantId]);
    return r.rows[0]?.wrapped;
  }
  async putIfAbsent(tenantId: string, wrapped: Buffer) {
    await this.pool.query('INSERT INTO tenant_keys (tenant_id, wrapped) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING', [tenantId, wrapped]);
    return (await this.get(tenantId))!;
  }
  async destroy(tenantId: string) {
    const r = await this.pool.query('DELETE FROM tenant_keys WHERE tenant_id = $1', [tenantId]);
    return (r.rowCount ?? 0) > 0;
  }
  async dump() {
    return (await this.pool.query<{ wrapped: Buffer }>('SELECT wrapped FROM tenant_keys')).rows.map((r) => r.wrapped);
  }
  async close() {
    await this.pool.end();
  }
}

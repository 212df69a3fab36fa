/**
 * Runner heartbeats: one row per process-manager instance, its last beat, and whether it said
 * goodbye. They live beside the key store (a sibling SQLite file, or a table in the same
 * PostgreSQL database), not in the event store: a beat every few seconds is not history, and
 * an auditor's log should not grow by thousands of events a day per instance.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunnerHeartbeats } from '../../tenants/decide-next.js';

export interface RunnerRegistry {
  readonly description: string;
  /** Records a beat of `runnerId` at `at` (ms); also brings a stopped runner back. */
  beat(runnerId: string, at: number): Promise<void>;
  /** Says goodbye: its steps may be taken over at once. */
  stop(runnerId: string, at: number): Promise<void>;
  /** Every runner heard from within `sinceMs` of `now` (older rows are dead either way). */
  snapshot(now: number, sinceMs: number): Promise<RunnerHeartbeats>;
  close(): Promise<void>;
}

/** The registry that goes with a key store URL: `sqlite:<path>.runners`, or the same PostgreSQL database. */
export function runnerRegistryUrlFor(keyStoreUrl: string): string {
  if (keyStoreUrl.startsWith('sqlite:')) {
    const path = keyStoreUrl.slice('sqlite:'.length).replace(/\.keys$/, '');
    return path === ':memory:' ? 'sqlite::memory:' : `sqlite:${path}.runners`;
  }
  return keyStoreUrl;
}

export async function openRunnerRegistry(url: string): Promise<RunnerRegistry> {
  if (url.startsWith('sqlite:')) return SqliteRunnerRegistry.open(url.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//i.test(url)) return PostgresRunnerRegistry.open(url);
  throw new Error('The runner registry needs sqlite:<path> or postgres://... (it follows KEY_STORE_URL)');
}

type Row = { runner_id: string; seen_at: number | string; stopped: number | boolean };
const toMap = (rows: readonly Row[]): RunnerHeartbeats => new Map(rows.map((r) => [r.runner_id, { lastSeenAt: Number(r.seen_at), stopped: Boolean(r.stopped) }]));

class SqliteRunnerRegistry implements RunnerRegistry {
  private constructor(
    private readonly db: import('better-sqlite3').Database,
    readonly description: string,
  ) {}

  static async open(path: string): Promise<SqliteRunnerRegistry> {
    const { default: Database } = await import('better-sqlite3');
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS pm_runners (runner_id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL, stopped INTEGER NOT NULL DEFAULT 0)');
    return new SqliteRunnerRegistry(db, `sqlite ${path}`);
  }

  async beat(runnerId: string, at: number) {
    this.db.prepare('INSERT INTO pm_runners (runner_id, seen_at, stopped) VALUES (?, ?, 0) ON CONFLICT (runner_id) DO UPDATE SET seen_at = excluded.seen_at, stopped = 0').run(runnerId, at);
  }
  async stop(runnerId: string, at: number) {
    this.db.prepare('INSERT INTO pm_runners (runner_id, seen_at, stopped) VALUES (?, ?, 1) ON CONFLICT (runner_id) DO UPDATE SET seen_at = excluded.seen_at, stopped = 1').run(runnerId, at);
  }
  async snapshot(now: number, sinceMs: number) {
    // Rows of long-dead runners are kept out of the answer and pruned now and then.
    this.db.prepare('DELETE FROM pm_runners WHERE seen_at < ?').run(now - 100 * sinceMs);
    return toMap(this.db.prepare('SELECT runner_id, seen_at, stopped FROM pm_runners WHERE seen_at >= ?').all(now - sinceMs) as Row[]);
  }
  async close() {
    this.db.close();
  }
}

class PostgresRunnerRegistry implements RunnerRegistry {
  private constructor(
    private readonly pool: import('pg').Pool,
    readonly description: string,
  ) {}

  static async open(url: string): Promise<PostgresRunnerRegistry> {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined); // an idle connection the server ended; the next query reconnects
    await pool.query('CREATE TABLE IF NOT EXISTS pm_runners (runner_id text PRIMARY KEY, seen_at bigint NOT NULL, stopped boolean NOT NULL DEFAULT false)');
    const u = new URL(url);
    return new PostgresRunnerRegistry(pool, `postgres ${u.host}${u.pathname} (pm_runners)`);
  }

  async beat(runnerId: string, at: number) {
    await this.pool.query('INSERT INTO pm_runners (runner_id, seen_at, stopped) VALUES ($1, $2, false) ON CONFLICT (runner_id) DO UPDATE SET seen_at = EXCLUDED.seen_at, stopped = false', [
      runnerId,
      at,
    ]);
  }
  async stop(runnerId: string, at: number) {
    await this.pool.query('INSERT INTO pm_runners (runner_id, seen_at, stopped) VALUES ($1, $2, true) ON CONFLICT (runner_id) DO UPDATE SET seen_at = EXCLUDED.seen_at, stopped = true', [
      runnerId,
      at,
    ]);
  }
  async snapshot(now: number, sinceMs: number) {
    await this.pool.query('DELETE FROM pm_runners WHERE seen_at < $1', [now - 100 * sinceMs]);
    return toMap((await this.pool.query<Row>('SELECT runner_id, seen_at, stopped FROM pm_runners WHERE seen_at >= $1', [now - sinceMs])).rows);
  }
  async close() {
    await this.pool.end();
  }
}

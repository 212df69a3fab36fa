/**
 * The part of a site's database the simulated commands read and write (installed apps, users,
 * API keys). It lives in `sites/<site>/private/sim-db.json` so it travels with the site folder
 * when drop-site archives it; the real MariaDB database (when configured) only proves existence.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Bench } from './bench-dir.js';
import { withFileLock, type LockOwner } from './lock.js';
import { readJson, writeFrappeJson } from './bench-dir.js';
import { siteLoginRefused } from './errors.js';

export interface SimUser {
  email: string;
  first_name?: string;
  last_name?: string;
  user_type: string;
  roles: string[];
  password_set: boolean;
  api_key?: string | null;
  api_secret_set?: boolean;
  /** sha256 of the user's password (the REST server's /api/method/login), when one was set. */
  password_sha256?: string;
  /** sha256 of the current api_secret (token auth of the REST server). */
  api_secret_sha256?: string;
  enabled?: number;
}

export interface SimDb {
  installed_apps: string[];
  /** System Settings' enable_scheduler: off on a new site, as in v15. */
  scheduler_enabled?: boolean;
  users: Record<string, SimUser>;
  domains_seen?: string[];
}

const file = (bench: Bench, site: string): string => bench.sitePath(site, 'private', 'sim-db.json');

export function loadDb(bench: Bench, site: string): SimDb {
  bench.requireSiteConfig(site);
  const db = readJson(file(bench, site)) as SimDb | undefined;
  // A site folder with a config but no database: what an interrupted new-site leaves behind.
  // v15 logs in as the site's own user, whom a half site does not have yet (README item 9).
  if (!db) throw siteLoginRefused(String(bench.siteConfig(site)?.db_name));
  return db;
}

export function saveDb(bench: Bench, site: string, db: SimDb): void {
  writeFrappeJson(file(bench, site), db as unknown as Record<string, unknown>);
}

/**
 * One transaction on the site's database: read, change, write, under a lock. MariaDB gives
 * concurrent commands on one site (the admin user and the API keys are made side by side) row
 * transactions; without this, two commands that read the file before either wrote it would lose
 * one change. Commands call it after their simulated time, so the lock is held for microseconds
 * and a waiter polls every 2 ms (a row lock's wait, not a 50 ms file-lock poll).
 */
export async function updateDb<T>(bench: Bench, site: string, owner: LockOwner, change: (db: SimDb) => T): Promise<T> {
  return withFileLock(
    bench.sitePath(site, 'private', 'sim-db.lock'),
    'sim_db',
    owner,
    async () => {
      const db = loadDb(bench, site);
      const result = change(db);
      saveDb(bench, site, db);
      return result;
    },
    10_000,
    2,
  );
}

export function freshDb(): SimDb {
  return {
    installed_apps: [],
    users: {
      Administrator: { email: 'admin@example.com', user_type: 'System User', roles: ['Administrator'], password_set: true, api_key: null },
      Guest: { email: 'guest@example.com', user_type: 'Website User', roles: ['Guest'], password_set: false, api_key: null },
    },
  };
}

export const dbFileFor = (bench: Bench, site: string): string => join(bench.sitePath(site), 'private', 'sim-db.json');

export const passwordDigest = (pw: string): string => createHash('sha256').update(`sim-password:${pw}`).digest('hex');

/**
 * What the soak proves after the dust settles, each judged from the event log and the world
 * (site folders, MariaDB), never from what the service says about itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import type { RecordedEvent } from '@tlc/event-store';
import { stateAsOf, verifyChain, type StoredChainEvent } from '@tlc/tenant-events';
import { median } from '../harness/stats.js';
import type { TenantView } from '../stack/tenants.js';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const TERMINAL_OK = new Set(['Active', 'RolledBack']);

export function checkTerminal(tenants: readonly TenantView[], expected: number): CheckResult {
  const counts = new Map<string, number>();
  for (const t of tenants) counts.set(t.state.status, (counts.get(t.state.status) ?? 0) + 1);
  const bad = tenants.filter((t) => !TERMINAL_OK.has(t.state.status));
  const summary = [...counts].map(([s, n]) => `${s} ${n}`).join(', ');
  return {
    name: 'every tenant Active or RolledBack',
    ok: bad.length === 0 && tenants.length === expected,
    detail: `${tenants.length}/${expected} tenants: ${summary}${
      bad.length
        ? `; not terminal: ${bad
            .slice(0, 5)
            .map((t) => `${t.tenantId} ${t.state.status}`)
            .join(', ')}`
        : ''
    }`,
  };
}

/** A site folder is a directory under sites/ holding a site_config.json (as bench itself decides). */
export function siteFolders(benchPath: string): string[] {
  const sites = join(benchPath, 'sites');
  return readdirSync(sites, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(sites, d.name, 'site_config.json')))
    .map((d) => d.name);
}

export function checkSiteFolders(tenants: readonly TenantView[], benchPath: string): CheckResult {
  const folders = new Set(siteFolders(benchPath));
  const active = tenants.filter((t) => t.state.status === 'Active').map((t) => t.state.siteName);
  const missing = active.filter((s) => !folders.has(s));
  const extra = [...folders].filter((s) => !active.includes(s));
  return {
    name: 'site folders = Active tenants',
    ok: folders.size === active.length && missing.length === 0,
    detail: `${folders.size} site folders, ${active.length} Active tenants${missing.length ? `; missing: ${missing.slice(0, 5).join(', ')}` : ''}${extra.length ? `; orphan: ${extra.slice(0, 5).join(', ')}` : ''}`,
  };
}

/**
 * Every database name any of our tenants could own: the ones recorded in SiteCreated, and the
 * default name bench derives from the site path (a site created by a step whose result was
 * never recorded, because the service died first, has that one).
 */
export function candidateDatabases(tenants: readonly TenantView[], benchPath: string): Set<string> {
  const names = new Set<string>();
  const sitesPath = join(benchPath, 'sites');
  const sites = existsSync(sitesPath) ? realpathSync(sitesPath) : sitesPath;
  for (const t of tenants) {
    for (const e of t.events) if (e.type === 'SiteCreated') names.add(String((e.data as { dbName: string }).dbName));
    if (t.state.siteName) names.add(`_${createHash('sha1').update(join(sites, t.state.siteName)).digest('hex').slice(0, 16)}`);
  }
  return names;
}

export async function existingDatabases(mariadbUrl: string, candidates: ReadonlySet<string>, prefix?: string): Promise<string[]> {
  const u = new URL(mariadbUrl);
  const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
  try {
    const [rows] = await c.query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA');
    return (rows as Array<{ name: string }>).map((r) => r.name).filter((n) => candidates.has(n) || (prefix !== undefined && n.startsWith(prefix)));
  } finally {
    await c.end();
  }
}

export async function dropDatabases(mariadbUrl: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const u = new URL(mariadbUrl);
  const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
  try {
    for (const n of names) {
      if (!/^[A-Za-z0-9_]{1,64}$/.test(n)) continue;
      await c.query(`DROP DATABASE IF EXISTS \`${n}\``);
      await c.query(`DROP USER IF EXISTS '${n}'@'%'`);
      await c.query(`DROP USER IF EXISTS '${n}'@'localhost'`);
    }
  } finally {
    await c.end();
  }
}

export function checkDatabases(tenants: readonly TenantView[], existing: readonly string[]): CheckResult {
  const active = tenants.filter((t) => t.state.status === 'Active');
  const have = new Set(existing);
  const activeDbs = active.map((t) => [...t.events].reverse().find((e) => e.type === 'SiteCreated')).map((e) => (e ? String((e.data as { dbName: string }).dbName) : ''));
  const missing = activeDbs.filter((n) => !have.has(n));
  return {
    name: 'MariaDB databases = Active tenants',
    ok: existing.length === active.length && missing.length === 0,
    detail: `${existing.length} databases of ours, ${active.length} Active tenants${missing.length ? `; Active without database: ${missing.length}` : ''}`,
  };
}

export function checkSubdomains(tenants: readonly TenantView[]): CheckResult {
  const holders = new Map<string, string[]>();
  for (const t of tenants) {
    if (t.state.status !== 'Active') continue;
    holders.set(t.state.subdomain, [...(holders.get(t.state.subdomain) ?? []), t.tenantId]);
  }
  const twice = [...holders].filter(([, ids]) => ids.length > 1);
  const allSubdomains = new Map<string, number>();
  for (const t of tenants) allSubdomains.set(t.state.subdomain, (allSubdomains.get(t.state.subdomain) ?? 0) + 1);
  const signedUpTwice = [...allSubdomains].filter(([, n]) => n > 1);
  return {
    name: 'no subdomain twice',
    ok: twice.length === 0 && signedUpTwice.length === 0,
    detail: `${holders.size} subdomains held by Active tenants${
      twice.length
        ? `; held twice: ${twice
            .map(([s]) => s)
            .slice(0, 5)
            .join(', ')}`
        : ''
    }${signedUpTwice.length ? `; one signup made ${signedUpTwice.length} tenants` : ''}`,
  };
}

const CHAINED = /^(tenant|subdomain|admin-email)-/;

export function checkChains(streams: ReadonlyMap<string, readonly RecordedEvent[]>): CheckResult {
  let verified = 0;
  let unchained = 0;
  const broken: string[] = [];
  for (const [stream, events] of streams) {
    const hasChain = events.some((e) => typeof (e.metadata as { hash?: unknown }).hash === 'string');
    if (!CHAINED.test(stream) && !hasChain) {
      unchained += 1;
      continue;
    }
    const problems = verifyChain(events as unknown as StoredChainEvent[]);
    verified += 1;
    if (problems.length > 0) broken.push(`${stream}: ${problems[0].message}`);
  }
  return {
    name: 'every hash chain verifies',
    ok: broken.length === 0 && verified > 0,
    detail: `${verified} chained streams verified${unchained ? ` (${unchained} bookkeeping streams carry no chain)` : ''}${broken.length ? `; BROKEN ${broken.length}: ${broken.slice(0, 3).join('; ')}` : ''}`,
  };
}

const SETTLING = new Set(['TenantActivated', 'RolledBack', 'TenantBroken']);

/**
 * Liveness across crashes: every tenant that was in the middle of provisioning when the service
 * was killed moved again (any new event) within `limitMs` of the restart. With the default step
 * timeouts this is the heartbeat's work (PM_RUNNER_DEAD_AFTER_MS), not a lease running out.
 */
export function checkRecovery(streams: ReadonlyMap<string, readonly RecordedEvent[]>, restarts: readonly { killedAt: number; upAt: number }[], limitMs: number): CheckResult {
  let worst = 0;
  let cases = 0;
  let worstCase = '';
  const gaps: number[] = [];
  for (const [stream, events] of streams) {
    if (!stream.startsWith('tenant-')) continue;
    const at = (e: RecordedEvent) => Date.parse(e.recordedAt);
    for (const r of restarts) {
      const before = events.filter((e) => at(e) <= r.killedAt);
      if (before.length === 0 || before.some((e) => SETTLING.has(e.type))) continue;
      // In flight = a step was running (held a lease) when the service died: what liveness must
      // recover. A tenant waiting for a free slot (PROVISIONING_CONCURRENCY) or for its retry
      // time waits for those, not for recovery.
      if (stateAsOf(before).state.leases.length === 0) continue;
      const next = events.find((e) => at(e) > r.killedAt);
      if (!next) continue; // nothing after the kill at all: checkTerminal reports it
      // Killed again before it moved: that restart's case (it is still running at that kill).
      const nextKill = restarts.find((k) => k.killedAt > r.killedAt);
      if (nextKill && nextKill.killedAt < at(next)) continue;
      cases += 1;
      const gap = at(next) - r.upAt;
      gaps.push(gap);
      if (gap > worst) {
        worst = gap;
        worstCase = `${stream} after the kill at ${new Date(r.killedAt).toISOString()}`;
      }
    }
  }
  return {
    name: `every step running at a SIGKILL moved within ${limitMs / 1000} s of the restart`,
    ok: worst <= limitMs,
    detail: `${cases} tenant-restarts, ${gaps.filter((g) => g > limitMs).length} over; median ${((gaps.length > 0 ? median(gaps) : 0) / 1000).toFixed(1)} s, slowest ${(worst / 1000).toFixed(1)} s${worstCase ? ` (${worstCase})` : ''}`,
  };
}

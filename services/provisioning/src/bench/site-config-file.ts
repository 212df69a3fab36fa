/**
 * Edits of site_config.json that bench would make with `set-config` or `setup add-domain`, done
 * by the service itself: the same read-change-write as frappe's `update_site_config`, under the
 * same flock (`sites/<site>/locks/site_config.lock`), written as frappe writes it (sorted keys,
 * indent 1, ASCII). A claim then costs no cold Python start for its host name (1.3 s + 0.5 s on
 * real bench, docs/bench.md).
 */
import { chmod, readFile, readdir, readlink, rename, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { withFlock } from './flock.js';
import { checkSite } from './bench-arguments.js';

export type SiteConfig = Record<string, unknown>;

/** Python's json.dumps(obj, indent=1, sort_keys=True): ensure_ascii escapes every non-ASCII character. */
export function frappeJson(value: SiteConfig): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sort((v as SiteConfig)[k])]),
      );
    return v;
  };
  return JSON.stringify(sort(value), null, 1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const LOCK_TIMEOUT_MS = 30_000; // frappe's filelock default

/**
 * A new file renamed over the old one, not frappe's in-place rewrite: every bench command and
 * gunicorn worker reads site_config.json without the lock, and a read between the truncate and
 * the write sees an empty file (B5 hit it: `JSONDecodeError` in a side-by-side add-system-manager).
 * The file keeps its mode; its owner is the service's user (run the service as frappe_user).
 */
async function replaceFile(file: string, text: string): Promise<void> {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const mode = (await stat(file).catch(() => undefined))?.mode;
  await writeFile(tmp, text);
  if (mode !== undefined) await chmod(tmp, mode & 0o777);
  await rename(tmp, file);
}

/** `change` returns the new config, or undefined to leave the file untouched. */
export async function updateSiteConfig(benchPath: string, site: string, change: (c: SiteConfig) => SiteConfig | undefined): Promise<void> {
  const file = join(benchPath, 'sites', checkSite(site), 'site_config.json');
  await withFlock(join(benchPath, 'sites', site, 'locks', 'site_config.lock'), LOCK_TIMEOUT_MS, async () => {
    const next = change(JSON.parse(await readFile(file, 'utf8')) as SiteConfig);
    if (next) await replaceFile(file, frappeJson(next));
  });
}

/** The bench-wide config every bench command reads (root_password, frappe_user, ...). */
export const commonConfigFile = (benchPath: string): string => join(benchPath, 'sites', 'common_site_config.json');

/** common_site_config.json, under frappe's global lock (`<bench>/config/site_config.lock`). */
export async function updateCommonConfig(benchPath: string, change: (c: SiteConfig) => SiteConfig | undefined): Promise<void> {
  const file = commonConfigFile(benchPath);
  await withFlock(join(benchPath, 'config', 'site_config.lock'), LOCK_TIMEOUT_MS, async () => {
    let conf: SiteConfig = {};
    try {
      conf = JSON.parse(await readFile(file, 'utf8')) as SiteConfig;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const next = change(conf);
    if (next) await replaceFile(file, frappeJson(next));
  });
}

/** host_name, and the domain in `domains` once (what set-config host_name and setup add-domain leave). */
export const withHostName =
  (hostName: string, domain?: string) =>
  (c: SiteConfig): SiteConfig | undefined => {
    const domains = Array.isArray(c.domains) ? c.domains : [];
    const hasDomain = !domain || domains.some((d) => d === domain || (d as { domain?: string } | null)?.domain === domain);
    if (c.host_name === hostName && hasDomain) return undefined;
    return { ...c, host_name: hostName, ...(hasDomain ? {} : { domains: [...domains, domain] }) };
  };

/**
 * Frappe finds a site by the request's Host (a folder under sites/): a claimed standby site
 * answers on its customer's name through `sites/<name> -> <standby>`. frappe's get_sites() skips
 * symlinks, so the scheduler and `--site all` still see the site once. Idempotent.
 */
export async function linkSiteName(benchPath: string, name: string, target: string): Promise<void> {
  const link = join(benchPath, 'sites', checkSite(name));
  checkSite(target);
  try {
    await symlink(target, link, 'dir');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Ours already (a redo), or something else: a real folder or a link elsewhere is not replaced.
    if ((await readlink(link).catch(() => undefined)) !== target) throw new Error(`sites/${name} exists and is not a link to ${target}`);
  }
}

/** Removes every name that links to `target` (a standby going back to the pool, or dropped). */
export async function unlinkSiteNames(benchPath: string, target: string): Promise<string[]> {
  const sites = join(benchPath, 'sites');
  const removed: string[] = [];
  for (const entry of await readdir(sites, { withFileTypes: true })) {
    if (!entry.isSymbolicLink()) continue;
    if ((await readlink(join(sites, entry.name)).catch(() => undefined)) !== target) continue;
    await unlink(join(sites, entry.name)).catch(() => undefined);
    removed.push(entry.name);
  }
  return removed;
}

/**
 * The frappe-bench folder as bench sees it: `sites/` holds one folder per site plus
 * `apps.txt` and `common_site_config.json`. Config files are written like Frappe writes them
 * (`json.dumps(..., indent=1, sort_keys=True)`), so diffs against a real bench stay quiet.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchExit, PyException } from './errors.js';

export const SITE_DIRS = ['public/files', 'private/backups', 'private/files', 'locks', 'logs'] as const;

export class Bench {
  readonly sites: string;
  constructor(readonly root: string) {
    this.sites = join(root, 'sites');
  }

  /** Bench commands run from the bench folder (or its `sites/`); elsewhere there is nothing to act on. */
  static fromCwd(cwd: string): Bench {
    if (existsSync(join(cwd, 'sites', 'apps.txt'))) return new Bench(cwd);
    if (existsSync(join(cwd, 'apps.txt')) && existsSync(join(cwd, '..', 'apps'))) return new Bench(join(cwd, '..'));
    throw new BenchExit(1, 'Not in a bench directory (no sites/apps.txt found)');
  }

  apps(): string[] {
    return readFileSync(join(this.sites, 'apps.txt'), 'utf8')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  sitePath(site: string, ...parts: string[]): string {
    if (!site || site.includes('/') || site.includes('\\') || site === '.' || site === '..') {
      throw new PyException('frappe.exceptions.InvalidSiteName', `Invalid site name: ${site}`);
    }
    return join(this.sites, site, ...parts);
  }

  /** Every folder under sites/ with a site_config.json (what `--site all` means). */
  allSites(): string[] {
    return readdirSync(this.sites, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(this.sites, d.name, 'site_config.json')))
      .map((d) => d.name)
      .sort();
  }

  siteExists(site: string): boolean {
    return existsSync(this.sitePath(site));
  }

  commonConfig(): Record<string, unknown> {
    return readJson(join(this.sites, 'common_site_config.json')) ?? {};
  }

  writeCommonConfig(conf: Record<string, unknown>): void {
    writeFrappeJson(join(this.sites, 'common_site_config.json'), conf);
  }

  siteConfig(site: string): Record<string, unknown> | undefined {
    return readJson(this.sitePath(site, 'site_config.json'));
  }

  /** Like `frappe.init` + `get_site_config`: a site that is not there is an uncaught error. */
  requireSiteConfig(site: string): Record<string, unknown> {
    const conf = this.siteConfig(site);
    if (!conf) throw new PyException('frappe.exceptions.IncorrectSitePath', `404 Not Found: ${site} does not exist`);
    return conf;
  }

  writeSiteConfig(site: string, conf: Record<string, unknown>): void {
    writeFrappeJson(this.sitePath(site, 'site_config.json'), conf);
  }

  makeSiteDirs(site: string): void {
    for (const d of SITE_DIRS) mkdirSync(this.sitePath(site, d), { recursive: true });
  }

  /** Whether new-site finished on the site: its database has frappe (a lock then fails in LockTimeoutError's form). */
  siteComplete(site: string): boolean {
    const db = readJson(this.sitePath(site, 'private', 'sim-db.json')) as { installed_apps?: string[] } | undefined;
    return Boolean(db?.installed_apps?.includes('frappe'));
  }

  /** v15: `_` + first 16 hex of sha1(realpath(site folder)); the same name every time. */
  defaultDbName(site: string): string {
    const path = this.sitePath(site);
    const real = existsSync(path) ? realpathSync(path) : join(realpathSync(this.sites), site);
    return '_' + createHash('sha1').update(real).digest('hex').slice(0, 16);
  }
}

/** `frappe.generate_hash(length=n)`: lowercase hex. */
export const generateHash = (length: number): string =>
  randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);

export function readJson(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** `json.dumps(obj, indent=1, sort_keys=True)` (frappe), written via rename so readers never see half a file. */
export function writeFrappeJson(file: string, obj: Record<string, unknown>): void {
  writeAtomically(file, JSON.stringify(sortKeys(obj), null, 1));
}

/** `json.dump(obj, f, indent=1)` without sorting: how bench's own `setup add-domain` rewrites site_config.json. */
export function writeBenchJson(file: string, obj: Record<string, unknown>): void {
  writeAtomically(file, JSON.stringify(obj, null, 1));
}

function writeAtomically(file: string, text: string): void {
  // The pid keeps processes apart; inside one daemon the write and the rename are synchronous,
  // so two invocations there never use the same temp file at the same time.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

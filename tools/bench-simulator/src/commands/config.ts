/**
 * `set-config` (frappe v15 `update_site_config`: sorted JSON, indent 1, under the `site_config`
 * lock, whose file stays) and `setup add-domain` (bench's own: rewrites the file unsorted,
 * `domains` last). Recorded forms: fixtures/frappe-v15 (README items 8, 11, 16).
 */
import { join } from 'node:path';
import { PyException } from '../errors.js';
import { readJson, writeBenchJson } from '../bench-dir.js';
import { resolveSites, step, type Ctx } from '../context.js';
import { withFrappeLock } from '../lock.js';
import { withFlock } from '../flock.js';
import { parsePyLiteral } from '../py-literal.js';

type Conf = Record<string, unknown>;

/**
 * One read-change-write of a site's config under the `site_config` lock: the admin, API-key and
 * host-name steps run side by side, and generate_keys writes `encryption_key` while set-config
 * writes `host_name`.
 */
export async function updateSiteConfig(
  ctx: Pick<Ctx, 'bench' | 'pid' | 'signal'>,
  site: string,
  change: (conf: Conf) => Conf,
  write = (c: Conf): void => ctx.bench.writeSiteConfig(site, c),
): Promise<void> {
  // The pid-file lock orders the simulator's own writers (and gives v15's lock-held form); the
  // flock on the file frappe locks orders them with the provisioning service's own edits.
  await withFrappeLock(
    ctx.bench,
    site,
    'site_config',
    ctx,
    () => true,
    () =>
      withFlock(ctx.bench.sitePath(site, 'locks', 'site_config.lock'), 10_000, async () => {
        const conf = ctx.bench.requireSiteConfig(site);
        const next = change(conf);
        if (next !== conf) write(next);
      }),
    10_000,
    2,
  );
}

/** frappe.installer.update_site_config's value rules. */
function apply(conf: Conf, key: string, value: unknown): Conf {
  let v = value;
  if (v === '0' || v === '1') v = Number(v);
  if (v === 'false' || v === 'true') v = v === 'true';
  const next = { ...conf };
  if (v === 'None') delete next[key];
  else next[key] = v;
  return next;
}

export async function setConfig(ctx: Ctx, key: string, value: string, o: { global?: boolean; parse?: boolean }): Promise<void> {
  let v: unknown = value;
  if (o.parse) {
    try {
      v = parsePyLiteral(value);
    } catch (e) {
      throw new PyException('ValueError', (e as Error).message);
    }
  }
  if (o.global) {
    await step(ctx, 'set-config', [key]);
    ctx.bench.writeCommonConfig(apply(ctx.bench.commonConfig(), key, v));
    return;
  }
  for (const site of resolveSites(ctx)) {
    ctx.bench.requireSiteConfig(site);
    await step(ctx, 'set-config', [key, site]);
    await updateSiteConfig(ctx, site, (conf) => apply(conf, key, v));
  }
}

export async function addDomain(ctx: Ctx, domain: string, o: { site?: string; sslCertificate?: string; sslCertificateKey?: string }): Promise<void> {
  if (!o.site) {
    ctx.out('Please specify site');
    throw new PyException('SystemExit', '1');
  }
  // bench opens the file by a path relative to the bench folder (its cwd).
  const shown = `./sites/${o.site}/site_config.json`;
  if (!readJson(join(ctx.bench.sitePath(o.site), 'site_config.json'))) {
    const message = `[Errno 2] No such file or directory: '${shown}'`;
    ctx.out(`ERROR: ${message}`);
    throw new PyException('FileNotFoundError', message);
  }
  await step(ctx, 'add-domain', [domain, o.site]);
  let taken = false;
  await updateSiteConfig(
    ctx,
    o.site,
    (conf) => {
      const domains = (conf.domains as unknown[] | undefined) ?? [];
      taken = domains.some((d) => d === domain || (typeof d === 'object' && d !== null && (d as { domain?: string }).domain === domain));
      if (taken) return conf;
      const entry = o.sslCertificate && o.sslCertificateKey ? { domain, ssl_certificate: o.sslCertificate, ssl_certificate_key: o.sslCertificateKey } : domain;
      // A new key goes last (unsorted dump); an existing `domains` keeps its place.
      return { ...conf, domains: [...domains, entry] };
    },
    (c) => writeBenchJson(join(ctx.bench.sitePath(o.site!), 'site_config.json'), c),
  );
  if (taken) ctx.out(`Domain ${domain} already exists`);
}

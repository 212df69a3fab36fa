/** `set-config` (frappe v15) and `setup add-domain` (bench): both rewrite sorted JSON, indent 1. */
import { join } from 'node:path';
import { PyException } from '../errors.js';
import { readJson, writeFrappeJson } from '../bench-dir.js';
import { resolveSites, step, type Ctx } from '../context.js';
import { parsePyLiteral } from '../py-literal.js';

/** frappe.installer.update_site_config's value rules. */
function apply(conf: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
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
    const conf = ctx.bench.requireSiteConfig(site);
    await step(ctx, 'set-config', [key, site]);
    ctx.bench.writeSiteConfig(site, apply(conf, key, v));
  }
}

export async function addDomain(ctx: Ctx, domain: string, o: { site?: string; sslCertificate?: string; sslCertificateKey?: string }): Promise<void> {
  if (!o.site) {
    ctx.out('Please specify site');
    throw new PyException('SystemExit', '1');
  }
  const file = join(ctx.bench.sitePath(o.site), 'site_config.json');
  const conf = readJson(file);
  if (!conf) throw new PyException('FileNotFoundError', `[Errno 2] No such file or directory: '${file}'`);
  await step(ctx, 'add-domain', [domain, o.site]);
  const domains = (conf.domains as unknown[] | undefined) ?? [];
  const taken = domains.some((d) => d === domain || (typeof d === 'object' && d !== null && (d as { domain?: string }).domain === domain));
  if (taken) {
    ctx.out(`Domain ${domain} already exists`);
    return;
  }
  const entry = o.sslCertificate && o.sslCertificateKey
    ? { domain, ssl_certificate: o.sslCertificate, ssl_certificate_key: o.sslCertificateKey }
    : domain;
  writeFrappeJson(file, { ...conf, domains: [...domains, entry] });
}

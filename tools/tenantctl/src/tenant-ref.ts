/**
 * `<tenant>` arguments accept a tenant id or a subdomain. A subdomain is resolved through the
 * read model (live holder first); when the read model is missing or does not know it, the log
 * itself is scanned for the newest sign-up with that subdomain, so audits never depend on a
 * projection being current.
 */
import { existsSync } from 'node:fs';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@tlc/event-store';
import { normalizeSubdomain, tenantStream } from '@tlc/tenant-events';
import { findBySubdomain, openReadModel, parseReadModelUrl } from '@tlc/tenant-lookup';
import type { CliConfig } from './context.js';
import { problem } from './exit-codes.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResolvedTenant {
  readonly tenantId: string;
  readonly stream: string;
  readonly events: RecordedEvent[];
}

export async function resolveTenant(cfg: CliConfig, es: EventStore, ref: string): Promise<ResolvedTenant> {
  const tenantId = UUID.test(ref) ? ref.toLowerCase() : ((await viaReadModel(cfg, ref)) ?? (await viaLog(es, ref)));
  if (!tenantId) throw problem(`no tenant with id or subdomain "${ref}"`);
  const stream = tenantStream(tenantId);
  try {
    return { tenantId, stream, events: await es.readStream(stream) };
  } catch (err) {
    if (err instanceof StreamNotFoundError) throw problem(`no tenant with id or subdomain "${ref}" (stream ${stream} not found)`);
    throw err;
  }
}

async function viaReadModel(cfg: CliConfig, subdomain: string): Promise<string | undefined> {
  try {
    const target = parseReadModelUrl(cfg.readModelUrl);
    if (target.kind === 'sqlite' && target.file !== ':memory:' && !existsSync(target.file)) return undefined;
    const rm = await openReadModel(cfg.readModelUrl);
    try {
      return (await findBySubdomain(rm, subdomain))?.tenantId;
    } finally {
      await rm.close();
    }
  } catch {
    return undefined; // the log scan below still answers
  }
}

async function viaLog(es: EventStore, subdomain: string): Promise<string | undefined> {
  const wanted = normalizeSubdomain(subdomain);
  let found: string | undefined;
  let from: number | undefined;
  for (;;) {
    const page = await es.readAll({ fromPosition: from, maxCount: 5000 });
    if (page.length === 0) return found;
    for (const e of page) {
      const d = e.data as { subdomain?: string; tenantId?: string };
      if (e.type === 'SignupRequested' && typeof d.subdomain === 'string' && normalizeSubdomain(d.subdomain) === wanted) found = d.tenantId;
    }
    from = page[page.length - 1].position;
  }
}

/**
 * Deterministic, hash-chained tenant histories for tests, benchmarks and demos: most tenants
 * provision and activate, some roll back (releasing their subdomain, which a later tenant then
 * takes), some get suspended or deprovisioned. Time is synthetic (a minute per event).
 */
import { createHash } from 'node:crypto';
import type { EventStore, EventToAppend } from '@tlc/event-store';
import { SCHEMA_VERSIONS, chainEvents, GENESIS_HASH, tenantStream, type AnyEventType, type EventMetadata, type SealedSecret, type UnchainedMetadata } from '@tlc/tenant-events';

export interface SampleEvent {
  readonly type: AnyEventType;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

export interface SampleHistory {
  readonly tenantId: string;
  readonly stream: string;
  readonly subdomain: string;
  readonly events: SampleEvent[];
}

const uuid = (seed: string): string => {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const sealed = (tenantId: string, what: string): SealedSecret => ({
  alg: 'A256GCM',
  keyId: `tenant-${tenantId}`,
  iv: uuid(`${what}iv`).slice(0, 16),
  tag: uuid(`${what}tag`).slice(0, 22),
  ciphertext: uuid(what),
});

type Draft = { type: AnyEventType; data: Record<string, unknown> };

/** Tenant `i` of a sample set: the outcome cycles so every shape appears in any large set. */
export function sampleHistory(i: number, options: { start?: number; apps?: string[]; subdomain?: string; adminEmail?: string } = {}): SampleHistory {
  const tenantId = uuid(`tenant-${i}`);
  const subdomain = options.subdomain ?? `t${i.toString(36)}x`;
  const apps = options.apps ?? ['erpnext'];
  const siteName = `${subdomain}.example.com`;
  const outcome = i % 10 === 3 ? 'rolled-back' : i % 10 === 6 ? 'suspended' : i % 10 === 8 ? 'deprovisioned' : i % 10 === 9 ? 'provisioning' : 'active';
  const d = (type: AnyEventType, data: Record<string, unknown>): Draft => ({ type, data: { tenantId, ...data } });
  const started = (step: string, app?: string): Draft => d('StepStarted', { step, ...(app ? { app } : {}), attempt: 1, runnerId: 'runner-1', leaseExpiresAt: '2030-01-01T00:00:00.000Z' });
  const drafts: Draft[] = [
    d('SignupRequested', {
      organization: `Org ${i}`,
      subdomain,
      siteName,
      adminEmail: options.adminEmail ?? ` Admin${i}@Example.COM `,
      identityProvider: 'password',
      adminPassword: sealed(tenantId, 'pw'),
      adminPasswordHash: `$scrypt$ln=15,r=8,p=1$${uuid(`salt${i}`)}`,
      apps,
    }),
    started('new-site'),
    d('SiteCreated', { siteName, dbName: `_${uuid(`db${i}`).slice(0, 16)}`, durationMs: 3000 }),
  ];
  if (outcome === 'rolled-back') {
    drafts.push(
      started('install-app', apps[0]),
      d('StepFailed', {
        step: 'install-app',
        app: apps[0],
        attempt: 1,
        classification: 'permanent',
        exitCode: 1,
        reason: 'install failed',
        stderrTail: 'ImportError',
        willRetry: false,
        durationMs: 1200,
      }),
      d('RollbackStarted', { reason: 'install failed', failedStep: { step: 'install-app', app: apps[0] } }),
      started('drop-site'),
      d('SiteDropped', { siteName, durationMs: 800 }),
      d('RolledBack', {}),
      d('SubdomainReleased', { subdomain }),
    );
  } else {
    for (const app of apps) drafts.push(started('install-app', app), d('AppInstalled', { app, durationMs: 4000 }));
    if (outcome !== 'provisioning') {
      drafts.push(
        started('add-system-manager'),
        d('AdminConfigured', { email: `admin${i}@example.com`, durationMs: 600 }),
        started('api-keys'),
        d('ApiKeysIssued', { apiKey: uuid(`key${i}`).slice(0, 15), apiSecret: sealed(tenantId, 'api'), durationMs: 300 }),
        started('set-host-name'),
        d('HostNameConfigured', { hostName: siteName, durationMs: 200 }),
        d('TenantActivated', { siteUrl: `https://${siteName}` }),
      );
    }
    if (outcome === 'suspended') drafts.push(d('TenantSuspended', { reason: 'unpaid' }));
    if (outcome === 'deprovisioned') {
      drafts.push(
        d('DeprovisionRequested', { reason: 'customer left' }),
        started('drop-site'),
        d('SiteDropped', { siteName, durationMs: 900 }),
        d('TenantDeprovisioned', { keyDestroyed: true }),
        d('SubdomainReleased', { subdomain }),
      );
    }
  }
  const start = options.start ?? Date.UTC(2026, 0, 1) + i * 1000;
  const correlationId = uuid(`corr${i}`);
  const unchained = drafts.map((x, n): { type: AnyEventType; data: Record<string, unknown>; metadata: UnchainedMetadata } => ({
    ...x,
    metadata: {
      eventId: uuid(`${tenantId}/${n}`),
      correlationId,
      causationId: n === 0 ? correlationId : uuid(`${tenantId}/${n - 1}`),
      actor: n === 0 ? { kind: 'user', id: `admin${i}@example.com` } : { kind: 'system', id: 'process-manager' },
      occurredAt: new Date(start + n * 60_000).toISOString(),
      schemaVersion: SCHEMA_VERSIONS[x.type],
    },
  }));
  return { tenantId, stream: tenantStream(tenantId), subdomain, events: chainEvents(GENESIS_HASH, unchained) };
}

/**
 * `count` histories. Tenants with i % 10 === 3 roll back and release their subdomain; the
 * next tenant (i % 10 === 4) signs up with that same subdomain, so lookups must prefer it.
 */
export function sampleHistories(count: number): SampleHistory[] {
  const out: SampleHistory[] = [];
  for (let i = 0; i < count; i++) {
    const reuse = i % 10 === 4 ? out[i - 1]?.subdomain : undefined;
    out.push(sampleHistory(i, reuse ? { subdomain: reuse } : {}));
  }
  return out;
}

/** Appends histories to an event store interleaved (a few events per tenant per round), like concurrent sign-ups would. */
export async function appendSampleHistories(store: Pick<EventStore, 'append'>, histories: readonly SampleHistory[], options: { chunk?: number; window?: number } = {}): Promise<number> {
  const chunk = options.chunk ?? 4;
  const window = options.window ?? 50;
  let appended = 0;
  for (let w = 0; w < histories.length; w += window) {
    const group = histories.slice(w, w + window);
    const next = group.map(() => 0);
    for (let round = 0; group.some((h, k) => next[k] < h.events.length); round++) {
      for (let k = 0; k < group.length; k++) {
        const h = group[k];
        if (next[k] >= h.events.length) continue;
        const events = h.events.slice(next[k], next[k] + chunk);
        await store.append(h.stream, events as unknown as EventToAppend[], next[k] === 0 ? 'no_stream' : next[k] - 1);
        next[k] += events.length;
        appended += events.length;
      }
    }
  }
  return appended;
}

/**
 * The tenant lookup read model, in one file (DESIGN principle 7): its document, its `evolve`,
 * the events it handles, its storage name and its queries. Sign-in, the web proxy, the API's
 * /v1/lookup and tenantctl all read tenants through the queries below.
 *
 * The document never carries a secret: no password hash, no sealed secret, no API key material.
 */
import {
  TENANT_EVENT_TYPES,
  assertNever,
  isTenantEventType,
  normalizeEmail,
  normalizeSubdomain,
  planSteps,
  stepKey,
  tenantIdFromStream,
  upcast,
  type StepName,
  type StepStatus,
  type TenantEvent,
  type TenantStatus,
} from '@tlc/tenant-events';
import type { RecordedEvent } from '@tlc/event-store';

export const PROJECTION_NAME = 'tenant-lookup';
/** Tables/collections are `<storageName>_g<generation>`; readers use the `<storageName>` view. */
export const STORAGE_NAME = 'tenant_lookup';
export const HANDLED_EVENT_TYPES: readonly TenantEvent['type'][] = TENANT_EVENT_TYPES;

export interface LookupStep {
  readonly key: string;
  readonly step: StepName;
  readonly app: string | null;
  readonly status: StepStatus;
  readonly attempts: number;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly durationMs: number | null;
}

export interface TenantLookupDoc {
  readonly tenantId: string;
  readonly subdomain: string;
  readonly organization: string;
  /** Normalised (trimmed, lower-case) admin email. */
  readonly adminEmail: string;
  readonly status: TenantStatus;
  readonly steps: readonly LookupStep[];
  readonly siteUrl: string | null;
  readonly createdAt: string;
  readonly activatedAt: string | null;
  readonly updatedAt: string;
  readonly suspended: boolean;
  readonly standbySite: string | null;
  /**
   * False while a password signup's email is not proven (its link not used): sign-in (password
   * or Google) must not reach the tenant then. Documents folded before this field existed lack
   * it and count as verified, as their events do (upcasting.ts).
   */
  readonly emailVerified?: boolean;
  /**
   * True once the tenant gave its subdomain and email back (SubdomainReleased, i.e. rolled back
   * or deprovisioned) and until a retry takes them again. A released tenant never shadows a
   * later holder of the same subdomain or email: see LIVE_FIRST.
   */
  readonly released: boolean;
  /** Tenant stream revision and global position of the last event folded in. */
  readonly revision: number;
  readonly position: number;
}

const freshSteps = (apps: readonly string[]): LookupStep[] =>
  planSteps(apps).map((ref) => ({
    key: stepKey(ref),
    step: ref.step,
    app: ref.app ?? null,
    status: 'pending',
    attempts: 0,
    startedAt: null,
    endedAt: null,
    durationMs: null,
  }));

function patchStep(doc: TenantLookupDoc, key: string, patch: Partial<LookupStep>, create?: LookupStep): readonly LookupStep[] {
  if (!doc.steps.some((s) => s.key === key)) return create ? [...doc.steps, { ...create, ...patch }] : doc.steps;
  return doc.steps.map((s) => (s.key === key ? { ...s, ...patch } : s));
}

const succeed = (doc: TenantLookupDoc, key: string, at: string, durationMs: number): Partial<TenantLookupDoc> => ({ steps: patchStep(doc, key, { status: 'succeeded', endedAt: at, durationMs }) });

/**
 * Folds one tenant event into the tenant's document. Idempotent: an event at or below the
 * document's revision is ignored (the per-document revision guard), so replays are harmless.
 */
export function evolve(doc: TenantLookupDoc | null, event: TenantEvent, at: { revision: number; position: number }): TenantLookupDoc | null {
  if (doc && at.revision <= doc.revision) return doc;
  const time = event.metadata?.occurredAt ?? '';
  if (event.type === 'SignupRequested') {
    const d = event.data;
    return {
      tenantId: d.tenantId,
      subdomain: normalizeSubdomain(d.subdomain),
      organization: d.organization,
      adminEmail: normalizeEmail(d.adminEmail),
      status: 'Requested',
      steps: freshSteps(d.apps),
      siteUrl: null,
      createdAt: time,
      activatedAt: null,
      updatedAt: time,
      suspended: false,
      standbySite: null,
      released: false,
      emailVerified: d.emailVerification !== 'pending',
      revision: at.revision,
      position: at.position,
    };
  }
  // Every other event needs the document SignupRequested created; without it there is nothing to update.
  if (!doc) return null;
  return { ...doc, ...apply(doc, event, time), updatedAt: time || doc.updatedAt, revision: at.revision, position: at.position };
}

function apply(doc: TenantLookupDoc, event: Exclude<TenantEvent, { type: 'SignupRequested' }>, at: string): Partial<TenantLookupDoc> {
  switch (event.type) {
    case 'ProvisioningRetried':
      return { status: 'Requested', steps: freshSteps(doc.steps.filter((s) => s.step === 'install-app').map((s) => s.app ?? '')), released: false, siteUrl: null };
    case 'StandbySiteClaimed':
      return { standbySite: event.data.standbySite };
    case 'StepStarted': {
      const key = stepKey(event.data);
      const blank: LookupStep = { key, step: event.data.step, app: event.data.app ?? null, status: 'running', attempts: 0, startedAt: null, endedAt: null, durationMs: null };
      return {
        status: doc.status === 'Requested' ? 'Provisioning' : doc.status,
        steps: patchStep(doc, key, { status: 'running', attempts: event.data.attempt, startedAt: at, endedAt: null }, blank),
      };
    }
    case 'SiteCreated':
      return succeed(doc, 'new-site', at, event.data.durationMs);
    case 'AppInstalled':
      return succeed(doc, `install-app:${event.data.app}`, at, event.data.durationMs);
    case 'AdminConfigured':
      return succeed(doc, 'add-system-manager', at, event.data.durationMs);
    case 'ApiKeysIssued':
      return succeed(doc, 'api-keys', at, event.data.durationMs);
    case 'HostNameConfigured':
      return succeed(doc, 'set-host-name', at, event.data.durationMs);
    case 'SiteDropped':
      return succeed(doc, 'drop-site', at, event.data.durationMs);
    case 'TenantActivated':
      return { status: 'Active', siteUrl: event.data.siteUrl, activatedAt: at };
    case 'StepFailed': {
      const inRollback = doc.status === 'RollingBack' || doc.status === 'Deprovisioning';
      return {
        steps: patchStep(doc, stepKey(event.data), { status: event.data.willRetry ? 'pending' : 'failed', endedAt: at, durationMs: event.data.durationMs }),
        status: event.data.willRetry || inRollback ? doc.status : 'Failed',
      };
    }
    case 'RollbackStarted':
      return { status: 'RollingBack' };
    case 'RolledBack':
      return { status: 'RolledBack' };
    case 'SubdomainReleased':
      return { released: true };
    case 'TenantBroken':
      return { status: 'Broken' };
    case 'TenantSuspended':
      return { status: 'Suspended', suspended: true };
    case 'TenantResumed':
      return { status: 'Active', suspended: false };
    case 'DeprovisionRequested':
      return { status: 'Deprovisioning' };
    case 'TenantDeprovisioned':
      return { status: 'Deprovisioned', suspended: false };
    case 'EmailVerified':
      return { emailVerified: true };
    case 'VerificationEmailRequested':
    case 'ExistingAccountSignupAttempted':
    case 'ProvisioningSlow':
    case 'CredentialRevealed':
    case 'ApiSecretRotationStarted':
    case 'ApiSecretRotated':
    case 'ApiSecretRotationFailed':
      return {};
    default:
      return assertNever(event, 'tenant event');
  }
}

/** The tenant id a stored event belongs to, when this read model handles it. */
export function handledTenantId(e: RecordedEvent): string | undefined {
  return isTenantEventType(e.type) ? tenantIdFromStream(e.streamId) : undefined;
}

/**
 * Folds a page of events in memory, starting from the stored documents of the tenants it
 * touches (`existing`); returns only the documents that changed. Writing the result once per
 * page is what makes projection writes fast (one multi-row upsert instead of one per event).
 */
export function foldPage(events: readonly RecordedEvent[], existing: ReadonlyMap<string, TenantLookupDoc>): TenantLookupDoc[] {
  const docs = new Map<string, TenantLookupDoc | null>();
  for (const e of events) {
    const id = handledTenantId(e);
    if (!id) continue;
    const before = docs.has(id) ? docs.get(id)! : (existing.get(id) ?? null);
    const after = evolve(before, upcast<TenantEvent>(e), { revision: e.revision, position: e.position });
    if (after !== before) docs.set(id, after);
  }
  return [...docs.values()].filter((d): d is TenantLookupDoc => d !== null);
}

/** Tenant ids a page touches: the documents a store must load before `foldPage`. */
export const tenantIdsOf = (events: readonly RecordedEvent[]): string[] => [...new Set(events.map(handledTenantId).filter((id): id is string => id !== undefined))];

// ---- queries ----

export type LookupKey = { readonly by: 'subdomain'; readonly value: string } | { readonly by: 'email'; readonly value: string } | { readonly by: 'id'; readonly value: string };

/** Normalises the value the way writers did, so `ACME ` finds `acme`. */
export function lookupKey(by: LookupKey['by'], raw: string): LookupKey {
  switch (by) {
    case 'subdomain':
      return { by, value: normalizeSubdomain(raw) };
    case 'email':
      return { by, value: normalizeEmail(raw) };
    case 'id':
      return { by, value: raw.trim() };
    default:
      return assertNever(by, 'lookup key');
  }
}

/**
 * When several documents share a subdomain or email (a released tenant, then a new signup
 * with the same name), the answer is the first in this order: not released before released,
 * then the newest signup (createdAt desc), then tenantId for a total order. So the live holder
 * always wins; a name nobody holds now answers with its most recent (released) tenant, whose
 * status tells the caller it is gone. Every store implements exactly this order.
 */
/** The SQL column each lookup key reads (SQLite and PostgreSQL share the table shape). */
export const LOOKUP_COLUMN: Readonly<Record<LookupKey['by'], string>> = { subdomain: 'subdomain', email: 'admin_email', id: 'tenant_id' };

export const LIVE_FIRST = 'released ASC, created_at DESC, tenant_id ASC';
export function compareLiveFirst(a: TenantLookupDoc, b: TenantLookupDoc): number {
  if (a.released !== b.released) return a.released ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0;
}

export interface ListFilter {
  readonly status?: readonly TenantStatus[];
  /** Page size, 1..500 (default 50). */
  readonly limit?: number;
  readonly offset?: number;
}
export interface ListPage {
  readonly items: TenantLookupDoc[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}
/** Lists newest first (createdAt desc, tenantId asc). */
export function normalizeListFilter(f: ListFilter = {}): Required<ListFilter> {
  const limit = Math.min(500, Math.max(1, Math.floor(f.limit ?? 50)));
  return { status: f.status ?? [], limit, offset: Math.max(0, Math.floor(f.offset ?? 0)) };
}

/** What every store answers; see store.ts for the write and generation side. */
export interface TenantLookupQueries {
  find(key: LookupKey): Promise<TenantLookupDoc | null>;
  list(filter?: ListFilter): Promise<ListPage>;
}

export const findBySubdomain = (q: TenantLookupQueries, subdomain: string) => q.find(lookupKey('subdomain', subdomain));
export const findByEmail = (q: TenantLookupQueries, email: string) => q.find(lookupKey('email', email));
export const findById = (q: TenantLookupQueries, tenantId: string) => q.find(lookupKey('id', tenantId));
export const listTenants = (q: TenantLookupQueries, filter?: ListFilter) => q.list(filter);

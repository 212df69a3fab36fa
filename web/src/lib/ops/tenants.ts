/**
 * The console's tenant table, read in process from the tenant lookup read model (as lib/lookup.ts
 * does for sign-in): paged and filtered by the store (indexed, a few milliseconds at 10,000
 * tenants), searched by exact subdomain, admin email or tenant id (each an indexed lookup).
 * Its own handle on the store, so nothing here depends on lookup.ts's internals.
 */
import { findByEmail, findById, findBySubdomain, listTenants, openReadModel, type TenantLookupDoc, type TenantLookupQueries } from '@tlc/tenant-lookup';
import type { TenantStatus } from '@tlc/tenant-events';
import { TENANT_STATUSES } from '@tlc/tenant-events/lifecycle';
import { config } from '../config';

export const STATUSES: readonly TenantStatus[] = TENANT_STATUSES;
/** Tenants that need a person: shown above the table. */
export const NEEDS_ATTENTION: readonly TenantStatus[] = ['Broken', 'Failed', 'RollingBack', 'RolledBack'];
export const PAGE_SIZE = 50;

const g = globalThis as unknown as { __tlcOpsLookup?: Promise<TenantLookupQueries> };
function store(): Promise<TenantLookupQueries> {
  g.__tlcOpsLookup ??= openReadModel(config().readModelUrl).catch((err: unknown) => {
    g.__tlcOpsLookup = undefined;
    throw err;
  });
  return g.__tlcOpsLookup;
}

export interface TableQuery {
  readonly q: string;
  readonly status: TenantStatus | null;
  readonly page: number;
}

/** Reads `?q=&status=&page=` leniently: anything unknown falls back to the default. */
export function parseTableQuery(sp: Readonly<Record<string, string | string[] | undefined>>): TableQuery {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? '';
  const status = STATUSES.find((s) => s === one('status')) ?? null;
  const page = Number(one('page'));
  return { q: one('q').trim().slice(0, 254), status, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

export interface TablePage {
  readonly items: readonly TenantLookupDoc[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function tenantTable(query: TableQuery): Promise<TablePage> {
  const s = await store();
  if (query.q) {
    const q = query.q.toLowerCase();
    const doc = UUID.test(q) ? await findById(s, q) : q.includes('@') ? await findByEmail(s, q) : await findBySubdomain(s, q.replace(/\..*$/, ''));
    const items = doc && (!query.status || doc.status === query.status) ? [doc] : [];
    return { items, total: items.length, page: 1, pages: 1 };
  }
  const res = await listTenants(s, { status: query.status ? [query.status] : [], limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE });
  return { items: res.items, total: res.total, page: query.page, pages: Math.max(1, Math.ceil(res.total / PAGE_SIZE)) };
}

/** Broken first, then failed and rolled back; up to `limit` of each kind, with the counts. */
export async function attentionQueue(limit = 10): Promise<{ readonly items: readonly TenantLookupDoc[]; readonly total: number }> {
  const s = await store();
  const [broken, failed] = await Promise.all([listTenants(s, { status: ['Broken'], limit }), listTenants(s, { status: NEEDS_ATTENTION.filter((x) => x !== 'Broken'), limit })]);
  return { items: [...broken.items, ...failed.items], total: broken.total + failed.total };
}

export const tenantDoc = async (tenantId: string) => (UUID.test(tenantId) ? findById(await store(), tenantId.toLowerCase()) : null);

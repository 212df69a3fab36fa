/**
 * The fold of the raw B2 baseline: the smallest thing that answers a tenant lookup (subdomain,
 * email, status, site URL) from tenant events, with no upcasting, step list or guards.
 */
export interface RawEventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string | Record<string, unknown>;
  readonly metadata: string | Record<string, unknown>;
}

export interface RawDoc {
  tenantId: string;
  subdomain: string;
  adminEmail: string;
  status: string;
  released: boolean;
  createdAt: string;
  siteUrl: string | null;
  revision: number;
  position: number;
}

const STATUS_BY_TYPE: Record<string, string> = {
  StepStarted: 'Provisioning', TenantActivated: 'Active', RollbackStarted: 'RollingBack', RolledBack: 'RolledBack',
  TenantBroken: 'Broken', TenantSuspended: 'Suspended', TenantResumed: 'Active', DeprovisionRequested: 'Deprovisioning',
  TenantDeprovisioned: 'Deprovisioned', ProvisioningRetried: 'Requested',
};

const parse = (v: string | Record<string, unknown>): Record<string, unknown> => (typeof v === 'string' ? JSON.parse(v) : v);

/** Folds one page into `docs` (pre-loaded with the stored documents of the tenants it touches). */
export function rawFoldPage(rows: readonly RawEventRow[], docs: Map<string, RawDoc>): Set<string> {
  const touched = new Set<string>();
  for (const row of rows) {
    if (!row.stream_id.startsWith('tenant-')) continue;
    const tenantId = row.stream_id.slice('tenant-'.length);
    const data = parse(row.data);
    const doc = docs.get(tenantId);
    if (row.type === 'SignupRequested') {
      const md = parse(row.metadata);
      docs.set(tenantId, {
        tenantId, subdomain: String(data.subdomain), adminEmail: String(data.adminEmail).toLowerCase(), status: 'Requested',
        released: false, createdAt: String(md.occurredAt), siteUrl: null, revision: row.revision, position: row.position,
      });
    } else if (doc && row.revision > doc.revision) {
      if (row.type === 'StepStarted' && doc.status !== 'Requested') { /* status unchanged mid-provisioning */ }
      else if (STATUS_BY_TYPE[row.type]) doc.status = STATUS_BY_TYPE[row.type];
      if (row.type === 'TenantActivated') doc.siteUrl = String(data.siteUrl);
      if (row.type === 'SubdomainReleased') doc.released = true;
      doc.revision = row.revision;
      doc.position = row.position;
    } else continue;
    touched.add(tenantId);
  }
  return touched;
}

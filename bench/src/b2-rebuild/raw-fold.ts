/**
 * The fold of the raw B2 baseline: hand-written, mutating in place, no upcasting or guards, but
 * producing a document of the same shape (and so the same bytes written) as the read model's:
 * identity, status, per-step progress with timings, site URL and timestamps.
 */
export interface RawEventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly type: string;
  readonly data: string | Record<string, unknown>;
  readonly metadata: string | Record<string, unknown>;
}

interface RawStep {
  key: string;
  step: string;
  app: string | null;
  status: string;
  attempts: number;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
}

export interface RawDoc {
  tenantId: string;
  subdomain: string;
  organization: string;
  adminEmail: string;
  status: string;
  steps: RawStep[];
  siteUrl: string | null;
  createdAt: string;
  activatedAt: string | null;
  updatedAt: string;
  suspended: boolean;
  standbySite: string | null;
  released: boolean;
  revision: number;
  position: number;
}

const STATUS_BY_TYPE: Record<string, string> = {
  TenantActivated: 'Active',
  RollbackStarted: 'RollingBack',
  RolledBack: 'RolledBack',
  TenantBroken: 'Broken',
  TenantSuspended: 'Suspended',
  TenantResumed: 'Active',
  DeprovisionRequested: 'Deprovisioning',
  TenantDeprovisioned: 'Deprovisioned',
};
const RESULT_STEP: Record<string, string> = {
  SiteCreated: 'new-site',
  AdminConfigured: 'add-system-manager',
  ApiKeysIssued: 'api-keys',
  HostNameConfigured: 'set-host-name',
  SiteDropped: 'drop-site',
};

const parse = (v: string | Record<string, unknown>): Record<string, unknown> => (typeof v === 'string' ? JSON.parse(v) : v);
const blank = (step: string, app: string | null = null): RawStep => ({
  key: app ? `${step}:${app}` : step,
  step,
  app,
  status: 'pending',
  attempts: 0,
  startedAt: null,
  endedAt: null,
  durationMs: null,
});

/** Folds one page into `docs` (pre-loaded with the stored documents of the tenants it touches). */
export function rawFoldPage(rows: readonly RawEventRow[], docs: Map<string, RawDoc>): Set<string> {
  const touched = new Set<string>();
  for (const row of rows) {
    if (!row.stream_id.startsWith('tenant-')) continue;
    const tenantId = row.stream_id.slice('tenant-'.length);
    const data = parse(row.data);
    const at = String(parse(row.metadata).occurredAt);
    let doc = docs.get(tenantId);
    if (row.type === 'SignupRequested') {
      const apps = (data.apps as string[]) ?? [];
      doc = {
        tenantId,
        subdomain: String(data.subdomain),
        organization: String(data.organization),
        adminEmail: String(data.adminEmail).toLowerCase(),
        status: 'Requested',
        steps: [blank('new-site'), ...apps.map((a) => blank('install-app', a)), blank('add-system-manager'), blank('api-keys'), blank('set-host-name')],
        siteUrl: null,
        createdAt: at,
        activatedAt: null,
        updatedAt: at,
        suspended: false,
        standbySite: null,
        released: false,
        revision: row.revision,
        position: row.position,
      };
      docs.set(tenantId, doc);
    } else if (doc && row.revision > doc.revision) {
      const d = doc;
      if (row.type === 'StepStarted') {
        const key = data.app ? `${data.step}:${data.app}` : String(data.step);
        let s = d.steps.find((x) => x.key === key);
        if (!s) d.steps.push((s = blank(String(data.step), (data.app as string) ?? null)));
        s.status = 'running';
        s.attempts = Number(data.attempt);
        s.startedAt = at;
        s.endedAt = null;
        if (d.status === 'Requested') d.status = 'Provisioning';
      } else if (RESULT_STEP[row.type] || row.type === 'AppInstalled') {
        const key = row.type === 'AppInstalled' ? `install-app:${data.app}` : RESULT_STEP[row.type];
        const s = d.steps.find((x) => x.key === key);
        if (s) {
          s.status = 'succeeded';
          s.endedAt = at;
          s.durationMs = Number(data.durationMs);
        }
      } else if (STATUS_BY_TYPE[row.type]) {
        d.status = STATUS_BY_TYPE[row.type];
        if (row.type === 'TenantActivated') {
          d.siteUrl = String(data.siteUrl);
          d.activatedAt = at;
        }
        if (row.type === 'TenantSuspended') d.suspended = true;
        if (row.type === 'TenantResumed') d.suspended = false;
      } else if (row.type === 'SubdomainReleased') d.released = true;
      d.updatedAt = at;
      d.revision = row.revision;
      d.position = row.position;
    } else continue;
    touched.add(tenantId);
  }
  return touched;
}

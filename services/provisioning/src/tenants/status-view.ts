/**
 * What the API shows of a tenant: its status, each step with start, end and duration, the site
 * URL when active and the last error in plain words. Never a secret, sealed or hashed.
 */
import type { RecordedEvent } from '@tlc/event-store';
import type { RunningStep, StepRef, TenantState } from '@tlc/tenant-events';

const STEP_WORDS: Record<StepRef['step'], (app?: string) => string> = {
  'new-site': () => 'Creating the site',
  'install-app': (app) => `Installing ${app ?? 'an app'}`,
  'add-system-manager': () => 'Setting up the administrator',
  'api-keys': () => 'Issuing API keys',
  'set-host-name': () => 'Configuring the host name',
  'drop-site': () => 'Removing the site',
};

export const describeStep = (ref: StepRef): string => STEP_WORDS[ref.step](ref.app);

export const tenantLinks = (tenantId: string) => ({
  self: `/v1/tenants/${tenantId}`,
  events: `/v1/tenants/${tenantId}/events`,
  history: `/v1/tenants/${tenantId}/history`,
});

/** `queued`: signed up and waiting for a provisioning slot (no step has started yet). */
function phase(state: TenantState): string {
  if (state.status === 'Requested' && state.leases.length === 0 && state.steps.every((s) => s.attempts === 0)) return 'queued';
  return state.status.toLowerCase();
}

const lease = (l: RunningStep) => ({ key: l.key, attempt: l.attempt, startedAt: l.startedAt });

export function statusView(state: TenantState) {
  return {
    tenantId: state.tenantId,
    organization: state.organization,
    subdomain: state.subdomain,
    siteName: state.siteName,
    status: state.status,
    phase: phase(state),
    steps: state.steps.map((s) => ({
      key: s.key,
      step: s.step,
      ...(s.app ? { app: s.app } : {}),
      label: describeStep(s),
      status: s.status,
      attempts: s.attempts,
      startedAt: s.startedAt ?? null,
      endedAt: s.endedAt ?? null,
      durationMs: s.durationMs ?? (s.startedAt && s.endedAt ? Date.parse(s.endedAt) - Date.parse(s.startedAt) : null),
    })),
    // `running`: the earliest-started step still running (one field for simple clients);
    // `runningSteps`: all of them, since the finishing steps run side by side.
    running: state.leases[0] ? lease(state.leases[0]) : null,
    runningSteps: state.leases.map(lease),
    siteUrl: state.status === 'Active' || state.status === 'Suspended' ? state.siteUrl ?? null : null,
    lastError: state.lastError
      ? {
        step: state.lastError.step,
        message: `${describeStep(state.lastError.step)} failed: ${state.lastError.reason}`,
        classification: state.lastError.classification,
        at: state.lastError.at,
      }
      : null,
    provisioningAttempt: state.provisioningAttempt,
    createdAt: state.createdAt ?? null,
    activatedAt: state.activatedAt ?? null,
    updatedAt: state.updatedAt ?? null,
    revision: state.revision,
    links: tenantLinks(state.tenantId),
  };
}

const SECRET_FIELDS = new Set(['adminPassword', 'adminPasswordHash', 'generatedPassword', 'apiSecret']);

/** Event data for API answers: sealed secrets and hashes are replaced by a marker. */
export function publicData(data: unknown): unknown {
  if (!data || typeof data !== 'object') return data;
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? '[redacted]' : v]));
}

export const publicEvent = (r: RecordedEvent) => ({
  revision: r.revision,
  position: r.position,
  type: r.type,
  data: publicData(r.data),
  metadata: r.metadata,
  recordedAt: r.recordedAt,
});

/** Statuses after which nothing more happens without a person asking. */
export const SETTLED = new Set(['Active', 'RolledBack', 'Broken', 'Deprovisioned', 'Suspended']);

/**
 * What the API shows of a tenant (GET /v1/tenants/:id, the live stream, the ops console): its
 * status, each step with start, end and duration, the site URL when active and the last error
 * in plain words. Never a secret, sealed or hashed. One type for the service that sends it and
 * the CLI and web that read it.
 */
import { stepActivity } from './lifecycle.js';
import type { RunningStep, TenantState } from './tenant-state.js';

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
      label: stepActivity(s),
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
    siteUrl: state.status === 'Active' || state.status === 'Suspended' ? (state.siteUrl ?? null) : null,
    lastError: state.lastError
      ? {
          step: state.lastError.step,
          message: `${stepActivity(state.lastError.step)} failed: ${state.lastError.reason}`,
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

export type TenantStatusView = ReturnType<typeof statusView>;

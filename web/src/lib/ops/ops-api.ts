/**
 * The console's calls to the provisioning API: server-side only, with the bearer, and with the
 * operator named in X-Operator on every call that acts (the API records them as the event's
 * actor). Kept apart from lib/provisioning.ts (the customer-facing calls) on purpose; answers
 * come back as ApiResult like there, so pages show a problem's words rather than throwing.
 */
import { config } from '../config';
import { ProvisioningUnavailable, type ApiResult, type Problem } from '../provisioning';
import type { OpsHealth, ProjectionStatus, RebuildRun, TenantHistory } from './ops-types';

async function call<T>(path: string, init: { method?: string; operator?: string; timeoutMs?: number; json?: unknown } = {}): Promise<ApiResult<T>> {
  const cfg = config();
  const timeout = AbortSignal.timeout(init.timeoutMs ?? cfg.provisioningTimeoutMs);
  const headers: Record<string, string> = { authorization: `Bearer ${cfg.provisioningSecret}`, accept: 'application/json' };
  if (init.operator) headers['x-operator'] = init.operator;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${cfg.provisioningUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      signal: timeout,
      cache: 'no-store',
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  } catch (err) {
    throw new ProvisioningUnavailable(timeout.aborted ? 'timeout' : 'unreachable', err);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (res.ok) return { ok: true, status: res.status, body: body as T };
  const p = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const problem = { ...p, status: res.status, code: typeof p.code === 'string' ? p.code : `HTTP.${res.status}` } as Problem;
  return { ok: false, problem };
}

const tenantPath = (tenantId: string) => `/v1/tenants/${encodeURIComponent(tenantId)}`;

export const tenantHistory = (tenantId: string, asOf?: string) => call<TenantHistory>(`${tenantPath(tenantId)}/history${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`);

export type LifecycleAction = 'retry' | 'suspend' | 'resume' | 'deprovision';

/** One lifecycle command, as the operator. Suspend and deprovision carry the operator's reason. */
export function runLifecycle(tenantId: string, action: LifecycleAction, operator: string, reason: string): Promise<ApiResult<{ appended: string[]; status: string }>> {
  const why = encodeURIComponent(reason);
  switch (action) {
    case 'retry':
      return call(`${tenantPath(tenantId)}/retry`, { method: 'POST', operator });
    case 'resume':
      return call(`${tenantPath(tenantId)}/resume`, { method: 'POST', operator });
    case 'suspend':
      return call(`${tenantPath(tenantId)}/suspend`, { method: 'POST', operator, json: { reason } });
    case 'deprovision':
      return call(`${tenantPath(tenantId)}?reason=${why}`, { method: 'DELETE', operator });
    default: {
      const never: never = action;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

export const opsHealth = (hours = 48) => call<OpsHealth>(`/v1/ops/health?hours=${hours}`, { timeoutMs: 30_000 });
export const projectionStatus = () => call<ProjectionStatus>('/v1/ops/projections');
export const startRebuild = (operator: string) => call<RebuildRun>('/v1/ops/projections/rebuild', { method: 'POST', operator });

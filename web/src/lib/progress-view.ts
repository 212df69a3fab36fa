/**
 * The progress page's view of a tenant, normalised from the provisioning service's status
 * answer (GET /v1/tenants/{id}, and the SSE snapshot). Pure: used on the server and in the
 * browser. Step names are turned into words a person understands.
 */
export type StepState = 'pending' | 'running' | 'succeeded' | 'failed';

export interface StepView {
  readonly key: string;
  readonly label: string;
  readonly state: StepState;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly durationMs?: number;
}

export interface ProgressView {
  readonly tenantId: string;
  readonly subdomain: string;
  readonly organization: string;
  readonly status: string;
  readonly steps: readonly StepView[];
  readonly siteUrl?: string;
  readonly lastError?: string;
  readonly startedAt?: string;
  readonly queued?: boolean;
}

export const TERMINAL = new Set(['Active', 'RolledBack', 'Broken', 'Suspended', 'Deprovisioned']);

export function stepLabel(key: string): string {
  if (key.startsWith('install-app:')) {
    const app = key.slice('install-app:'.length);
    return `Install ${app === 'erpnext' ? 'ERPNext' : app}`;
  }
  switch (key) {
    case 'new-site': return 'Create your site and its database';
    case 'add-system-manager': return 'Create your administrator account';
    case 'api-keys': return 'Issue your API keys';
    case 'set-host-name': return 'Connect your web address';
    case 'drop-site': return 'Remove the partly built site';
    default: return key;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const STATES: readonly StepState[] = ['pending', 'running', 'succeeded', 'failed'];

function stepOf(raw: Record<string, unknown>): StepView {
  const key = str(raw.key) ?? (raw.step === 'install-app' && str(raw.app) ? `install-app:${String(raw.app)}` : str(raw.step) ?? str(raw.name) ?? '?');
  const state = STATES.includes(raw.status as StepState) ? (raw.status as StepState) : 'pending';
  return { key, label: stepLabel(key), state, startedAt: str(raw.startedAt), endedAt: str(raw.endedAt), durationMs: num(raw.durationMs) };
}

/** Accepts the API's status body (or an SSE snapshot wrapping one); null when it is not one. */
export function toProgressView(input: unknown): ProgressView | null {
  if (!input || typeof input !== 'object') return null;
  const o = input as Record<string, unknown>;
  const body = (o.tenant && typeof o.tenant === 'object' ? o.tenant : o.state && typeof o.state === 'object' ? o.state : o) as Record<string, unknown>;
  if (typeof body.status !== 'string' || !Array.isArray(body.steps)) return null;
  const steps = (body.steps as unknown[]).filter((s): s is Record<string, unknown> => !!s && typeof s === 'object').map(stepOf);
  const err = body.lastError;
  const lastError = typeof err === 'string' ? err : err && typeof err === 'object' ? str((err as Record<string, unknown>).reason) ?? str((err as Record<string, unknown>).message) : undefined;
  return {
    tenantId: str(body.tenantId) ?? str(body.id) ?? '',
    subdomain: str(body.subdomain) ?? '',
    organization: str(body.organization) ?? '',
    status: body.status,
    steps,
    siteUrl: str(body.siteUrl),
    lastError,
    startedAt: steps.find((s) => s.startedAt)?.startedAt ?? str(body.createdAt),
    queued: body.queued === true || body.phase === 'queued',
  };
}

/** Seconds left from per-step medians of past provisionings; undefined when there is no history. */
export function etaSeconds(view: ProgressView, medians: Readonly<Record<string, number>>, now: number): number | undefined {
  const remaining = view.steps.filter((s) => s.state !== 'succeeded' && s.key !== 'drop-site');
  if (remaining.length === 0) return 0;
  let ms = 0;
  for (const s of remaining) {
    const m = medians[s.key];
    if (m === undefined) return undefined;
    const spent = s.state === 'running' && s.startedAt ? now - Date.parse(s.startedAt) : 0;
    ms += Math.max(0, m - spent);
  }
  return Math.ceil(ms / 1000);
}

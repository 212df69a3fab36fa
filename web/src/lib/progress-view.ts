/**
 * The progress page's view of a tenant, normalised from the provisioning service's status
 * answer (GET /v1/tenants/{id}, and the SSE snapshot). Pure: used on the server and in the
 * browser. Step names are turned into words a person understands; a failure keeps only its
 * step, class and time (the API's message carries bench's own text, which is for operators:
 * customers read `failureReason`).
 */
export type StepState = 'pending' | 'running' | 'succeeded' | 'failed';

export interface StepView {
  readonly key: string;
  readonly label: string;
  readonly state: StepState;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly durationMs?: number;
  /** How many times the step was started (0: never). */
  readonly attempts?: number;
}

export interface ProgressView {
  readonly tenantId: string;
  readonly subdomain: string;
  readonly organization: string;
  readonly status: string;
  readonly steps: readonly StepView[];
  readonly siteUrl?: string;
  /** The last failure: which step, its class, when. Never bench's text. */
  readonly failure?: FailureView;
  readonly startedAt?: string;
  readonly queued?: boolean;
}

export type FailureClass = 'transient' | 'permanent' | 'timeout' | 'configuration';

export interface FailureView {
  /** Step key (`new-site`, `install-app:erpnext`, ...). */
  readonly step: string;
  readonly classification?: FailureClass;
  readonly at?: string;
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
  return { key, label: stepLabel(key), state, startedAt: str(raw.startedAt), endedAt: str(raw.endedAt), durationMs: num(raw.durationMs), attempts: num(raw.attempts) };
}

const CLASSES: readonly FailureClass[] = ['transient', 'permanent', 'timeout', 'configuration'];

function refKey(ref: unknown): string | undefined {
  if (typeof ref === 'string') return ref;
  if (!ref || typeof ref !== 'object') return undefined;
  const r = ref as Record<string, unknown>;
  if (r.step === 'install-app') return str(r.app) ? `install-app:${String(r.app)}` : undefined;
  return str(r.key) ?? str(r.step);
}

/** The API's `lastError` without its words: `{ step: { step, app }, classification, at }`. */
function failureOf(err: unknown): FailureView | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as Record<string, unknown>;
  const step = refKey(e.step);
  if (!step) return undefined;
  const classification = CLASSES.includes(e.classification as FailureClass) ? (e.classification as FailureClass) : undefined;
  return { step, ...(classification ? { classification } : {}), ...(str(e.at) ? { at: str(e.at) } : {}) };
}

/**
 * The status body for the browser: the API's answer without the failure's message and reason
 * (bench's text). The polling route sends this; the page never needed more.
 */
export function publicStatus(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const o = body as Record<string, unknown>;
  const err = o.lastError;
  if (!err || typeof err !== 'object') return o;
  const { message: _m, reason: _r, stderrTail: _s, ...rest } = err as Record<string, unknown>;
  return { ...o, lastError: rest };
}

const BENCH_FIELDS = new Set(['reason', 'stderrTail', 'exitCode']);

/**
 * One message of the progress stream for the browser: a snapshot as `publicStatus`, and an
 * event (StepFailed, RollbackStarted, TenantBroken) without bench's reason, exit code and
 * stderr. What the page needs (step, attempt, class, willRetry, retryAt, status) stays.
 */
export function customerEvent(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const o = publicStatus(data) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...o };
  for (const k of ['tenant', 'state'] as const) if (o[k] && typeof o[k] === 'object') out[k] = publicStatus(o[k]);
  const d = o.data;
  if (d && typeof d === 'object' && !Array.isArray(d) && typeof o.type === 'string') {
    out.data = Object.fromEntries(Object.entries(d as Record<string, unknown>).filter(([k]) => !BENCH_FIELDS.has(k)));
  }
  return out;
}

const STEP_FAILED_WORDS: Record<string, string> = {
  'new-site': 'We could not create your site and its database.',
  'add-system-manager': 'We could not create your administrator account.',
  'api-keys': 'We could not issue your API keys.',
  'set-host-name': 'We could not connect your web address to your site.',
  'drop-site': 'We could not clean up the partly built site.',
};

function stepFailedWords(step: string): string {
  if (step.startsWith('install-app:')) return `We could not install ${stepLabel(step).slice('Install '.length)} on your site.`;
  return STEP_FAILED_WORDS[step] ?? 'One of the steps that build your site did not work.';
}

const CLASS_WORDS: Record<FailureClass, string> = {
  permanent: 'It stopped with an error on our servers.',
  transient: 'A temporary problem on our servers kept coming back, even after several tries.',
  timeout: 'It took far longer than it should, so we stopped it.',
  configuration: 'Our servers are not set up correctly right now. This is on our side, not yours.',
};

/**
 * What a customer reads about a failure: the step in their words, then why in general terms
 * (by failure class). Never bench's exit code, exception or stderr.
 */
export function failureReason(failure: FailureView | undefined): string {
  if (!failure) return 'One of the steps that build your site did not work.';
  const why = failure.classification ? ` ${CLASS_WORDS[failure.classification]}` : '';
  return `${stepFailedWords(failure.step)}${why}`;
}

/** What the step list says of each step: after a rollback nothing is left "Done". */
export type StepShown = 'waiting' | 'running' | 'done' | 'failed' | 'undone' | 'not-started' | 'retrying';

const ROLLED_BACK = new Set(['RollingBack', 'RolledBack', 'Broken', 'Failed']);

export interface RetryInfo {
  readonly step: string;
  /** The attempt that failed (the next one is attempt + 1). */
  readonly attempt: number;
  readonly retryAt?: string;
}

export function stepShown(view: ProgressView, step: StepView, retry?: RetryInfo): StepShown {
  if (ROLLED_BACK.has(view.status) && step.key !== 'drop-site') {
    if (step.state === 'failed') return 'failed';
    if (step.state === 'succeeded') return view.status === 'RolledBack' ? 'undone' : 'done';
    if (step.state === 'running') return 'running';
    return 'not-started';
  }
  if (step.state === 'pending' && retry?.step === step.key) return 'retrying';
  return ({ pending: 'waiting', running: 'running', succeeded: 'done', failed: 'failed' } as const)[step.state];
}

export const SHOWN_WORDS: Record<StepShown, string> = {
  waiting: 'Waiting', running: 'In progress', done: 'Done', failed: 'Failed', undone: 'Undone', 'not-started': 'Not started', retrying: 'Retrying',
};

const fmtSeconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`);
export { fmtSeconds };

/**
 * A step that failed and will be tried again. From the status alone: a pending step that has
 * been attempted, while the tenant is still being built, is waiting for its retry (the last
 * error names it). The StepFailed event, when the page saw it, adds the time of the retry.
 */
export function retryOf(view: ProgressView, seen?: RetryInfo): RetryInfo | undefined {
  if (view.status !== 'Requested' && view.status !== 'Provisioning') return undefined;
  const step = view.steps.find((s) => s.state === 'pending' && (s.attempts ?? 0) > 0 && (view.failure?.step === s.key || seen?.step === s.key));
  if (!step) return undefined;
  if (seen?.step === step.key && seen.attempt >= (step.attempts ?? 0)) return seen;
  return { step: step.key, attempt: step.attempts ?? 1 };
}

/** `Retrying in 4 s (attempt 2 of 5)`; without a known time or limit, the parts it can say. */
export function retryText(retry: RetryInfo, now: number, maxAttempts?: number): string {
  const next = retry.attempt + 1;
  const of = maxAttempts && next <= maxAttempts ? ` of ${maxAttempts}` : '';
  if (retry.retryAt) {
    const left = Math.max(0, Math.ceil((Date.parse(retry.retryAt) - now) / 1000));
    return left > 0 ? `retrying in ${fmtSeconds(left)} (attempt ${next}${of})` : `retrying now (attempt ${next}${of})`;
  }
  return `retrying shortly (attempt ${next}${of})`;
}

/** The retry a StepFailed event (as the SSE stream carries it) announces, if it announces one. */
export function retryFromEvent(input: unknown): RetryInfo | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const o = input as Record<string, unknown>;
  if (o.type !== 'StepFailed' || !o.data || typeof o.data !== 'object') return undefined;
  const d = o.data as Record<string, unknown>;
  if (d.willRetry !== true) return undefined;
  const step = refKey(d);
  const attempt = num(d.attempt);
  if (!step || attempt === undefined) return undefined;
  return { step, attempt, ...(str(d.retryAt) ? { retryAt: str(d.retryAt) } : {}) };
}

/**
 * The retry the history still waits for: its last StepFailed that will be retried, unless the
 * same step started again after it.
 */
export function retryFromHistory(events: readonly unknown[]): RetryInfo | undefined {
  const startedAgain = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as Record<string, unknown> | null;
    if (!e || typeof e !== 'object') continue;
    if (e.type === 'RollbackStarted' || e.type === 'TenantActivated' || e.type === 'RolledBack') return undefined;
    const key = refKey(e.data);
    if (e.type === 'StepStarted' && key) startedAgain.add(key);
    if (e.type === 'StepFailed' && key && !startedAgain.has(key)) {
      const r = retryFromEvent(e);
      if (r) return r;
    }
  }
  return undefined;
}

/** Accepts the API's status body (or an SSE snapshot wrapping one); null when it is not one. */
export function toProgressView(input: unknown): ProgressView | null {
  if (!input || typeof input !== 'object') return null;
  const o = input as Record<string, unknown>;
  const body = (o.tenant && typeof o.tenant === 'object' ? o.tenant : o.state && typeof o.state === 'object' ? o.state : o) as Record<string, unknown>;
  if (typeof body.status !== 'string' || !Array.isArray(body.steps)) return null;
  const steps = (body.steps as unknown[]).filter((s): s is Record<string, unknown> => !!s && typeof s === 'object').map(stepOf);
  const failure = failureOf(body.lastError);
  return {
    tenantId: str(body.tenantId) ?? str(body.id) ?? '',
    subdomain: str(body.subdomain) ?? '',
    organization: str(body.organization) ?? '',
    status: body.status,
    steps,
    siteUrl: str(body.siteUrl),
    ...(failure ? { failure } : {}),
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

/**
 * The timing line while a site is being built: an estimate while one makes sense; once the
 * build is past it (the running step took more than twice its usual time, or the whole build
 * more than twice what its steps usually take), it says so instead of promising seconds, and that
 * an email will follow (the service mails "ready" or "could not build" to a confirmed address).
 */
export type Timing =
  | { readonly kind: 'eta'; readonly seconds: number }
  | { readonly kind: 'late' }
  | { readonly kind: 'unknown' };

const LATE_GRACE_MS = 5000;

export function timing(view: ProgressView, medians: Readonly<Record<string, number>>, now: number): Timing {
  const eta = etaSeconds(view, medians, now);
  if (eta === undefined) return { kind: 'unknown' };
  const remaining = view.steps.filter((s) => s.state !== 'succeeded' && s.key !== 'drop-site');
  if (remaining.length === 0) return { kind: 'eta', seconds: 0 };
  const slow = view.steps.some((s) => {
    const m = medians[s.key];
    return s.state === 'running' && s.startedAt !== undefined && m !== undefined && now - Date.parse(s.startedAt) > 2 * m + LATE_GRACE_MS;
  });
  // The whole build (or a queue wait) past twice what all its steps usually take.
  const total = view.steps.filter((s) => s.key !== 'drop-site').reduce((sum, s) => sum + (medians[s.key] ?? 0), 0);
  const overall = view.startedAt !== undefined && now - Date.parse(view.startedAt) > 2 * total + LATE_GRACE_MS;
  if (slow || overall) return { kind: 'late' };
  return { kind: 'eta', seconds: eta };
}

export const LATE_WORDS = 'This is taking longer than usual. You can close this page: we will email you when your site is ready, or if we cannot build it.';

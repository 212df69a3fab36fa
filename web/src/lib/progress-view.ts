/**
 * The progress page's view of a tenant, from the provisioning service's status answer (GET
 * /v1/tenants/{id}, and the SSE snapshot), typed by the API's OpenAPI document
 * (@tlc/api-client). Pure: used on the server and in the browser. Step names are turned into
 * words a person understands; a failure keeps only its step, class and time (the API's message
 * carries bench's own text, which is for operators: customers read `failureReason`).
 */
import {
  assertNever,
  type LastError,
  type PublicTenantEvent,
  type StepRef,
  type StepView as ApiStep,
  type TenantStatusView,
  type TenantStreamEventData,
  type TenantStreamEventName,
  type TenantStreamMessage,
} from '@tlc/api-client';
import { SETTLED_STATUSES, stepLabel as lifecycleStepLabel } from '@tlc/tenant-events/lifecycle';

export type StepState = ApiStep['status'];

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

export type FailureClass = LastError['classification'];

export interface FailureView {
  /** Step key (`new-site`, `install-app:erpnext`, ...). */
  readonly step: string;
  readonly classification?: FailureClass;
  readonly at?: string;
}

/** Settled: nothing more happens until a person acts, so the page stops listening (the lifecycle's own set). */
export const TERMINAL: ReadonlySet<string> = SETTLED_STATUSES;
/** A step as the customer reads it (`Create your site and its database`, `Install ERPNext`). */
export const stepLabel = (key: string): string => lifecycleStepLabel(key);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const refKey = (ref: StepRef): string => (ref.step === 'install-app' && ref.app ? `install-app:${ref.app}` : ref.step);

const stepOf = (raw: ApiStep): StepView => ({
  key: raw.key,
  label: stepLabel(raw.key),
  state: raw.status,
  startedAt: raw.startedAt ?? undefined,
  endedAt: raw.endedAt ?? undefined,
  durationMs: raw.durationMs ?? undefined,
  attempts: raw.attempts,
});

/** The status view the browser gets: the API's, without the failure's message (bench's text). */
export type PublicStatus = Omit<TenantStatusView, 'lastError'> & { readonly lastError: Omit<LastError, 'message'> | null };

export function publicStatus(view: TenantStatusView): PublicStatus {
  if (!view.lastError) return { ...view, lastError: null };
  const { message: _message, ...lastError } = view.lastError;
  return { ...view, lastError };
}

const BENCH_FIELDS = new Set(['reason', 'stderrTail', 'exitCode']);

/** A progress-stream message as the browser gets it: the snapshot as PublicStatus, events without bench's words. */
export type CustomerMessage =
  | { readonly event: 'snapshot'; readonly id: number; readonly data: PublicStatus }
  | { readonly event: Exclude<TenantStreamEventName, 'snapshot'>; readonly id: number; readonly data: TenantStreamEventData };

/**
 * One message of the progress stream for the browser: a snapshot as `publicStatus`, and an
 * event (StepFailed, RollbackStarted, TenantBroken) without bench's reason, exit code and
 * stderr. What the page needs (step, attempt, class, willRetry, retryAt, status) stays.
 */
export function customerMessage(m: TenantStreamMessage): CustomerMessage {
  if (m.event === 'snapshot') return { ...m, data: publicStatus(m.data) };
  const data = Object.fromEntries(Object.entries(m.data.data).filter(([k]) => !BENCH_FIELDS.has(k)));
  return { ...m, data: { ...m.data, data } };
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
  waiting: 'Waiting',
  running: 'In progress',
  done: 'Done',
  failed: 'Failed',
  undone: 'Undone',
  'not-started': 'Not started',
  retrying: 'Retrying',
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

/** The retry a StepFailed event (from the stream or the history) announces, if it announces one. */
export function retryFromEvent(e: Pick<PublicTenantEvent, 'type' | 'data'>): RetryInfo | undefined {
  if (e.type !== 'StepFailed') return undefined;
  // Event data is not typed per event in the document (yet): read StepFailed's fields with care.
  const d = e.data as Record<string, unknown>;
  if (d.willRetry !== true || typeof d.step !== 'string') return undefined;
  const attempt = num(d.attempt);
  if (attempt === undefined) return undefined;
  const step = refKey({ step: d.step as StepRef['step'], app: str(d.app) });
  return { step, attempt, ...(str(d.retryAt) ? { retryAt: str(d.retryAt) } : {}) };
}

/**
 * The retry the history still waits for: its last StepFailed that will be retried, unless the
 * same step started again after it.
 */
export function retryFromHistory(events: readonly Pick<PublicTenantEvent, 'type' | 'data'>[]): RetryInfo | undefined {
  const startedAgain = new Set<string>();
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type === 'RollbackStarted' || e.type === 'TenantActivated' || e.type === 'RolledBack') return undefined;
    const d = e.data as Record<string, unknown>;
    const key = typeof d.step === 'string' ? refKey({ step: d.step as StepRef['step'], app: str(d.app) }) : undefined;
    if (e.type === 'StepStarted' && key) startedAgain.add(key);
    if (e.type === 'StepFailed' && key && !startedAgain.has(key)) {
      const r = retryFromEvent(e);
      if (r) return r;
    }
  }
  return undefined;
}

/** The API's status view (or the browser's PublicStatus) as the page shows it. */
export function toProgressView(body: PublicStatus | TenantStatusView): ProgressView {
  const steps = body.steps.map(stepOf);
  const err = body.lastError;
  const failure: FailureView | undefined = err ? { step: refKey(err.step), classification: err.classification, at: err.at } : undefined;
  return {
    tenantId: body.tenantId,
    subdomain: body.subdomain,
    organization: body.organization,
    status: body.status,
    steps,
    siteUrl: body.siteUrl ?? undefined,
    ...(failure ? { failure } : {}),
    startedAt: steps.find((s) => s.startedAt)?.startedAt ?? body.createdAt ?? undefined,
    queued: body.phase === 'queued',
  };
}

/** What the page does with one stream message. */
export interface MessageEffect {
  /** A snapshot: the view to show now. */
  readonly view?: ProgressView;
  /** A StepFailed that will be retried. */
  readonly retry?: RetryInfo;
  /** Something the view shows changed: fetch the status again (debounced by the page). */
  readonly refresh?: boolean;
}

/**
 * Every message the stream can carry, decided one by one: a new event type in the API's
 * document fails the typecheck here (and in STREAM_EVENT_NAMES) until the page says what it does.
 */
export function messageEffect(m: CustomerMessage): MessageEffect {
  switch (m.event) {
    case 'snapshot':
      return { view: toProgressView(m.data) };
    case 'StepFailed':
      return { retry: retryFromEvent(m.data), refresh: true };
    case 'SignupRequested':
    case 'StepStarted':
    case 'SiteCreated':
    case 'AppInstalled':
    case 'AdminConfigured':
    case 'ApiKeysIssued':
    case 'HostNameConfigured':
    case 'TenantActivated':
    case 'RollbackStarted':
    case 'SiteDropped':
    case 'RolledBack':
    case 'SubdomainReleased':
    case 'TenantBroken':
    case 'ProvisioningRetried':
    case 'StandbySiteClaimed':
    case 'TenantSuspended':
    case 'TenantResumed':
    case 'DeprovisionRequested':
    case 'TenantDeprovisioned':
      return { refresh: true };
    // Nothing the progress page shows: the email's proof, notes and mails to its owner (the page
    // says "taking longer" from its own timing), a credential shown once on the dashboard.
    case 'EmailVerified':
    case 'VerificationEmailRequested':
    case 'ExistingAccountSignupAttempted':
    case 'ProvisioningSlow':
    case 'CredentialRevealed':
    case 'ApiSecretRotationStarted':
    case 'ApiSecretRotated':
    case 'ApiSecretRotationFailed':
      return {};
    default:
      return assertNever(m, 'progress stream message');
  }
}

/** The SSE event names to listen for: all of the document's (a missing or unknown one fails the typecheck). */
const LISTENED: Record<TenantStreamEventName, true> = {
  snapshot: true,
  SignupRequested: true,
  StepStarted: true,
  SiteCreated: true,
  AppInstalled: true,
  AdminConfigured: true,
  ApiKeysIssued: true,
  HostNameConfigured: true,
  TenantActivated: true,
  StepFailed: true,
  RollbackStarted: true,
  SiteDropped: true,
  RolledBack: true,
  SubdomainReleased: true,
  TenantBroken: true,
  ProvisioningRetried: true,
  StandbySiteClaimed: true,
  TenantSuspended: true,
  TenantResumed: true,
  DeprovisionRequested: true,
  TenantDeprovisioned: true,
  EmailVerified: true,
  VerificationEmailRequested: true,
  ExistingAccountSignupAttempted: true,
  ProvisioningSlow: true,
  CredentialRevealed: true,
  ApiSecretRotationStarted: true,
  ApiSecretRotated: true,
  ApiSecretRotationFailed: true,
};
export const STREAM_EVENT_NAMES = Object.keys(LISTENED) as TenantStreamEventName[];

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
export type Timing = { readonly kind: 'eta'; readonly seconds: number } | { readonly kind: 'late' } | { readonly kind: 'unknown' };

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

/**
 * The provisioning workflow, pure: given a tenant's folded state, the time and who is alive,
 * what should happen next. The process manager (process-manager/) only performs what this
 * returns, so every rule about order, leases, takeovers and retries is testable in
 * milliseconds (decide-next.unit.spec.ts) instead of through minute-long bench runs.
 *
 * Liveness is not the step timeout: a lease names its runner, runners heartbeat, and a step is
 * taken over as soon as its runner is seen dead (or, on a live runner, only once the lease -
 * the step's own timeout plus grace - is over, which the runner enforces itself by killing
 * bench). So a crashed instance's steps move on within seconds, and a slow step on a live
 * runner is never run twice.
 */
import { isSettled, startableSteps, type FailureClass, type RunningStep, type StepName, type StepRef, type TenantState } from '@tlc/tenant-events';

export interface WorkflowPolicy {
  readonly heavyStepTimeoutMs: number;
  readonly lightStepTimeoutMs: number;
  /** Added to a step's timeout for its lease: room to record the result after bench ends. */
  readonly leaseGraceMs: number;
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** A runner whose last heartbeat is older than this is dead: its steps are taken over. */
  readonly runnerDeadAfterMs: number;
  /** Whether a warm standby site may be claimed (POOL_SIZE > 0). */
  readonly poolEnabled: boolean;
}

/** The runners' last heartbeats (ms since the epoch); `stopped` when one said goodbye. */
export type RunnerHeartbeats = ReadonlyMap<string, { readonly lastSeenAt: number; readonly stopped: boolean }>;

export type WorkflowAction =
  /** Nothing will ever happen to this tenant again: stop looking after it. */
  | { readonly type: 'Settled' }
  /** Try to hand the tenant a ready standby site; on success decide again. */
  | { readonly type: 'ClaimStandby' }
  | {
      readonly type: 'StartStep';
      readonly ref: StepRef;
      readonly attempt: number;
      readonly leaseExpiresAt: string;
      readonly takeover?: { readonly runnerId: string; readonly attempt: number; readonly lastSeenAt?: string };
      /** drop-site: runners seen dead whose leases on other steps it does not wait for. */
      readonly deadRunners?: readonly string[];
    }
  /** Look again at this instant (ms): a lease may run out, a runner may be declared dead, a retry falls due. */
  | { readonly type: 'WakeAt'; readonly at: number };

export const HEAVY_STEPS: ReadonlySet<StepName> = new Set<StepName>(['new-site', 'install-app', 'drop-site']);

/**
 * The order side-by-side steps start in: the longest first, since the last to finish sets when
 * the tenant is Active (on a warm claim the host name, then the admin user, then the API secret).
 */
const START_ORDER: Partial<Record<StepName, number>> = { 'set-host-name': 0, 'add-system-manager': 1, 'api-keys': 2 };

export function stepTimeoutMs(p: Pick<WorkflowPolicy, 'heavyStepTimeoutMs' | 'lightStepTimeoutMs'>, step: StepName): number {
  // These make two bench calls each (an existence check or a domain, then the change).
  if (step === 'api-keys' || step === 'add-system-manager' || step === 'set-host-name') return 2 * p.lightStepTimeoutMs;
  return HEAVY_STEPS.has(step) ? p.heavyStepTimeoutMs : p.lightStepTimeoutMs;
}

/** Whether someone still holds the lease: unexpired, and its runner alive. Else when it may be taken. */
export function leaseHolder(lease: RunningStep, now: number, runners: RunnerHeartbeats, p: WorkflowPolicy): { held: true; until: number } | { held: false; lastSeenAt?: number } {
  const expires = Date.parse(lease.leaseExpiresAt);
  const beat = runners.get(lease.runnerId);
  if (expires <= now) return { held: false, lastSeenAt: beat?.lastSeenAt };
  // Never heard of (a runner from before heartbeats, or one whose row is gone) counts as dead.
  if (!beat || beat.stopped) return { held: false, lastSeenAt: beat?.lastSeenAt };
  const deadAt = beat.lastSeenAt + p.runnerDeadAfterMs;
  if (deadAt <= now) return { held: false, lastSeenAt: beat.lastSeenAt };
  return { held: true, until: Math.min(expires, deadAt) };
}

export function decideNext(state: TenantState, now: number, p: WorkflowPolicy, runners: RunnerHeartbeats): WorkflowAction[] {
  if (state.status === 'None' || isSettled(state.status)) return [{ type: 'Settled' }];
  if (state.status === 'RollingBack' || state.status === 'Deprovisioning') return compensate(state, now, p, runners);
  if (state.status !== 'Requested' && state.status !== 'Provisioning') return [];
  const actions: WorkflowAction[] = [];
  if (p.poolEnabled && canTakeStandby(state)) actions.push({ type: 'ClaimStandby' });
  const startable = [...startableSteps(state)].sort((a, b) => (START_ORDER[a.step] ?? 0) - (START_ORDER[b.step] ?? 0));
  for (const step of startable) {
    const ref: StepRef = step.step === 'install-app' ? { step: step.step, app: step.app } : { step: step.step };
    const lease = state.leases.find((l) => l.key === step.key);
    const start = startOrWait(ref, Math.max(step.attempts, lease?.attempt ?? 0) + 1, lease, step.retryAt, now, p, runners);
    actions.push(start);
  }
  return actions;
}

/** drop-site, once no other step runs on the site, and after the wait a failed drop asked for. */
function compensate(state: TenantState, now: number, p: WorkflowPolicy, runners: RunnerHeartbeats): WorkflowAction[] {
  if (!state.siteMayExist) return [];
  let wake = Infinity;
  const dead = new Set<string>();
  for (const lease of state.leases) {
    if (lease.step === 'drop-site') continue;
    const h = leaseHolder(lease, now, runners, p);
    if (h.held) wake = Math.min(wake, h.until);
    else if (Date.parse(lease.leaseExpiresAt) > now) dead.add(lease.runnerId);
  }
  if (wake !== Infinity) return [{ type: 'WakeAt', at: wake }];
  const lease = state.leases.find((l) => l.step === 'drop-site');
  const next = startOrWait({ step: 'drop-site' }, Math.max(state.compensation.attempts, lease?.attempt ?? 0) + 1, lease, state.compensation.retryAt, now, p, runners);
  return [next.type === 'StartStep' && dead.size > 0 ? { ...next, deadRunners: [...dead].sort() } : next];
}

function startOrWait(ref: StepRef, attempt: number, lease: RunningStep | undefined, retryAt: string | undefined, now: number, p: WorkflowPolicy, runners: RunnerHeartbeats): WorkflowAction {
  let takeover: { runnerId: string; attempt: number; lastSeenAt?: string } | undefined;
  if (lease) {
    const h = leaseHolder(lease, now, runners, p);
    if (h.held) return { type: 'WakeAt', at: h.until };
    // Only an unexpired lease needs evidence for taking it: an expired one is anybody's.
    if (Date.parse(lease.leaseExpiresAt) > now) {
      takeover = { runnerId: lease.runnerId, attempt: lease.attempt, ...(h.lastSeenAt !== undefined ? { lastSeenAt: new Date(h.lastSeenAt).toISOString() } : {}) };
    }
  } else if (retryAt && Date.parse(retryAt) > now) {
    return { type: 'WakeAt', at: Date.parse(retryAt) };
  }
  const leaseExpiresAt = new Date(now + stepTimeoutMs(p, ref.step) + p.leaseGraceMs).toISOString();
  return { type: 'StartStep', ref, attempt, leaseExpiresAt, ...(takeover ? { takeover } : {}) };
}

/** A tenant may take a standby site only before its first step: still Requested, nothing started. */
export function canTakeStandby(t: TenantState): boolean {
  if (!t.exists || t.status !== 'Requested' || t.leases.length > 0 || t.standbySite || t.siteMayExist) return false;
  const newSite = t.steps.find((s) => s.step === 'new-site');
  return newSite !== undefined && newSite.status === 'pending' && newSite.attempts === 0;
}

export interface FailureVerdict {
  readonly willRetry: boolean;
  readonly retryAt?: string;
  /** Log at error level: an operator has to act (the bench is misconfigured). */
  readonly loud: boolean;
}

/**
 * What follows a failed attempt, by the failure's class (bench/classify.ts):
 * - permanent: no retry; the tenant is rolled back;
 * - transient, timeout: retried with backoff until maxAttempts, then treated as permanent;
 * - configuration (no usable database root password, bench run as root without frappe_user):
 *   not the customer's fault, so never a rollback; retried with the capped backoff for as long
 *   as it takes an operator to fix the bench, loudly.
 * `random` in [0, 1) spreads retries of many tenants (up to 20 % jitter).
 */
export function decideFailure(classification: FailureClass, attempt: number, now: number, p: WorkflowPolicy, random: number): FailureVerdict {
  const retryAt = (): string => new Date(now + backoffMs(p, attempt, random)).toISOString();
  switch (classification) {
    case 'permanent':
      return { willRetry: false, loud: false };
    case 'transient':
    case 'timeout':
      return attempt < p.maxAttempts ? { willRetry: true, retryAt: retryAt(), loud: false } : { willRetry: false, loud: false };
    case 'configuration':
      return { willRetry: true, retryAt: retryAt(), loud: true };
    default: {
      const never: never = classification;
      throw new Error(`unknown failure class ${String(never)}`);
    }
  }
}

/** Bounded exponential backoff with up to 20 % jitter. */
export function backoffMs(p: Pick<WorkflowPolicy, 'backoffBaseMs' | 'backoffMaxMs'>, attempt: number, random: number): number {
  const raw = Math.min(p.backoffMaxMs, p.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.2 * random));
}

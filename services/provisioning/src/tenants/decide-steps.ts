/**
 * The process manager's commands. The rules that keep two runners from both advancing one step
 * live here: a step starts only when its prerequisites have succeeded (`startableSteps`), only
 * while nobody holds an unexpired lease on that step, drop-site only once no other step runs,
 * and a result counts only from the runner of the running attempt.
 */
import { BUILDING_STATUSES, leaseOf, liveLeases, startableSteps, stepKey, type SealedSecret, type StepRef, type TenantState } from '@tlc/tenant-events';
import { DomainError } from '../shared/domain-error.js';
import type { RecordStepFailed, RecordStepSucceeded, StartStep } from './commands.js';
import { finishDeprovision, releaseSubdomain, type TenantDraft } from './drafts.js';

const PROVISIONING: ReadonlySet<string> = BUILDING_STATUSES;
const COMPENSATING = new Set(['RollingBack', 'Deprovisioning']);

const ms = (iso: string): number => Date.parse(iso);

export function decideStartStep(command: StartStep, state: TenantState): TenantDraft[] {
  const d = command.data;
  const ref: StepRef = d.step === 'install-app' ? { step: d.step, app: d.app } : { step: d.step };
  const key = stepKey(ref);
  const now = ms(command.metadata.now);
  if (!Number.isInteger(d.attempt) || d.attempt < 1) throw new DomainError('TENANT.STALE_RUNNER', `Attempt ${d.attempt} is not a positive whole number.`);
  if (d.step === 'drop-site') {
    if (!COMPENSATING.has(state.status)) {
      throw new DomainError('TENANT.NOT_PROVISIONING', `drop-site runs only while rolling back or deprovisioning; this tenant is ${state.status}.`);
    }
    if (!state.siteMayExist) throw new DomainError('TENANT.STEP_OUT_OF_ORDER', 'There is no site to drop for this tenant.');
    // Never drop a site under a step that is still running on it (on a runner not seen dead).
    const dead = new Set(d.deadRunners ?? []);
    const busy = liveLeases(state, now).find((l) => l.key !== key && !dead.has(l.runnerId));
    if (busy) throw new DomainError('TENANT.STEP_LEASE_HELD', `Runner ${busy.runnerId} still runs ${busy.key} until ${busy.leaseExpiresAt}; drop-site waits.`);
  } else {
    if (!PROVISIONING.has(state.status)) {
      throw new DomainError('TENANT.NOT_PROVISIONING', `Provisioning steps run only for a requested or provisioning tenant; this tenant is ${state.status}.`);
    }
    const startable = startableSteps(state);
    const step = startable.find((s) => s.key === key);
    if (!step) {
      const next = startable.map((s) => s.key).join(', ');
      throw new DomainError('TENANT.STEP_OUT_OF_ORDER', `${key} cannot start now${next ? `; ${next} can` : ''}.`);
    }
    if (!leaseOf(state, key) && d.attempt <= step.attempts) {
      throw new DomainError('TENANT.STALE_RUNNER', `Attempt ${d.attempt} of ${key} was already made.`);
    }
  }
  const lease = leaseOf(state, key);
  if (lease) {
    // A takeover names the lease it replaces: a runner seen dead (no heartbeat) holds nothing.
    const takesOver = d.takeover !== undefined && d.takeover.runnerId === lease.runnerId && d.takeover.attempt === lease.attempt;
    if (ms(lease.leaseExpiresAt) > now && !takesOver) {
      throw new DomainError('TENANT.STEP_LEASE_HELD', `Runner ${lease.runnerId} holds ${lease.key} until ${lease.leaseExpiresAt}.`);
    }
    if (d.attempt <= lease.attempt) {
      throw new DomainError('TENANT.STALE_RUNNER', `Attempt ${d.attempt} of ${key} is not newer than the expired attempt ${lease.attempt}.`);
    }
  }
  if (!(ms(d.leaseExpiresAt) > now)) {
    throw new DomainError('TENANT.STALE_RUNNER', 'The lease must end after the start of the step.');
  }
  return [
    {
      type: 'StepStarted',
      data: {
        ...ref,
        tenantId: state.tenantId,
        attempt: d.attempt,
        runnerId: d.runnerId,
        leaseExpiresAt: d.leaseExpiresAt,
        ...(lease && d.takeover ? { takeover: d.takeover } : {}),
        ...(d.step === 'drop-site' && d.deadRunners?.length ? { deadRunners: d.deadRunners } : {}),
      },
    },
  ];
}

function assertRunning(state: TenantState, data: { step: StepRef['step']; app?: string; attempt: number }): string {
  const key = stepKey(data);
  const lease = leaseOf(state, key);
  if (!lease || lease.attempt !== data.attempt) {
    const now = lease ? `attempt ${lease.attempt} of it is running` : `${key} is not running`;
    throw new DomainError('TENANT.STALE_RUNNER', `The result of ${key} attempt ${data.attempt} is stale: ${now}.`);
  }
  return key;
}

const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || v.length === 0) throw new DomainError('TENANT.BAD_STEP_RESULT', `The step result has no ${what}.`);
  return v;
};
const optStr = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const sealed = (v: unknown, what: string): SealedSecret => {
  const s = v as SealedSecret | undefined;
  if (!s || s.alg !== 'A256GCM' || !s.ciphertext || !s.iv || !s.tag || !s.keyId) {
    throw new DomainError('TENANT.BAD_STEP_RESULT', `The ${what} must arrive sealed (AES-256-GCM), never in plain text.`);
  }
  return s;
};

export function decideStepSucceeded(command: RecordStepSucceeded, state: TenantState): TenantDraft[] {
  const d = command.data;
  const key = assertRunning(state, d);
  const r = d.result;
  // One tagged result from the runner to here (step-work.ts): a result for another step is a bug, not a success.
  if (r?.step !== d.step) throw new DomainError('TENANT.BAD_STEP_RESULT', `A result for ${r?.step ?? 'no step'} cannot finish ${d.step}.`);
  const tenantId = state.tenantId;
  const durationMs = d.durationMs;
  let done: TenantDraft;
  let siteUrl: string | undefined;
  switch (r.step) {
    case 'new-site':
      done = { type: 'SiteCreated', data: { tenantId, siteName: state.siteName, dbName: str(r.dbName, 'database name'), durationMs } };
      break;
    case 'install-app':
      done = { type: 'AppInstalled', data: { tenantId, app: str(d.app, 'app'), durationMs } };
      break;
    case 'add-system-manager': {
      const generatedPassword = r.generatedPassword === undefined ? undefined : sealed(r.generatedPassword, 'generated password');
      done = { type: 'AdminConfigured', data: { tenantId, email: state.adminEmail, ...(generatedPassword ? { generatedPassword } : {}), durationMs } };
      break;
    }
    case 'api-keys':
      done = { type: 'ApiKeysIssued', data: { tenantId, apiKey: str(r.apiKey, 'API key'), apiSecret: sealed(r.apiSecret, 'API secret'), durationMs } };
      break;
    case 'set-host-name': {
      const hostName = str(r.hostName, 'host name');
      siteUrl = optStr(r.siteUrl) ?? `https://${hostName}`;
      done = { type: 'HostNameConfigured', data: { tenantId, hostName, durationMs } };
      break;
    }
    case 'drop-site': {
      const archivedTo = optStr(r.archivedTo);
      const dropped: TenantDraft = {
        type: 'SiteDropped',
        data: { tenantId, siteName: state.siteName, ...(archivedTo ? { archivedTo } : {}), ...(r.archiveRemoved ? { archiveRemoved: true } : {}), durationMs },
      };
      if (state.status === 'Deprovisioning') return [dropped, ...finishDeprovision(state)];
      return [dropped, { type: 'RolledBack', data: { tenantId } }, ...releaseSubdomain(state)];
    }
  }
  // Activation belongs to the same decision as the last step, so no reader ever sees a tenant
  // whose every step succeeded but which is not Active.
  const remaining = state.steps.filter((s) => s.key !== key && s.status !== 'succeeded');
  // A step that ran beside a failed one still reports (its lease is released), but a tenant
  // being rolled back is never activated.
  if (remaining.length > 0 || !PROVISIONING.has(state.status)) return [done];
  // The finishing steps end in any order: the host name may have been set by an earlier result.
  const hostName = state.hostName;
  const fromState = hostName ? (/^https?:\/\//.test(hostName) ? hostName : `https://${hostName}`) : undefined;
  return [done, { type: 'TenantActivated', data: { tenantId, siteUrl: siteUrl ?? fromState ?? `https://${state.siteName}` } }];
}

export function decideStepFailed(command: RecordStepFailed, state: TenantState): TenantDraft[] {
  const d = command.data;
  assertRunning(state, d);
  const ref: StepRef = d.step === 'install-app' ? { step: d.step, app: d.app } : { step: d.step };
  // A step that ran beside the one that failed: its failure is history, the rollback is already
  // under way, so it is never retried and starts nothing.
  const late = d.step !== 'drop-site' && COMPENSATING.has(state.status);
  const willRetry = d.willRetry && !late;
  const failed: TenantDraft = {
    type: 'StepFailed',
    data: {
      ...ref,
      tenantId: state.tenantId,
      attempt: d.attempt,
      classification: d.classification,
      exitCode: d.exitCode,
      reason: d.reason,
      stderrTail: d.stderrTail,
      willRetry,
      ...(willRetry && d.retryAt ? { retryAt: d.retryAt } : {}),
      durationMs: d.durationMs,
    },
  };
  if (late) return [failed];
  if (d.willRetry) return [failed];
  if (d.step === 'drop-site') {
    // Compensation itself failed for good: a person has to look; say so instead of pretending.
    return [failed, { type: 'TenantBroken', data: { tenantId: state.tenantId, reason: d.reason, step: ref } }];
  }
  const rollback: TenantDraft = { type: 'RollbackStarted', data: { tenantId: state.tenantId, reason: d.reason, failedStep: ref } };
  if (state.siteMayExist || d.step === 'new-site') return [failed, rollback];
  return [failed, rollback, { type: 'RolledBack', data: { tenantId: state.tenantId } }, ...releaseSubdomain(state)];
}

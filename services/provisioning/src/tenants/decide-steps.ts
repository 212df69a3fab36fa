/**
 * The process manager's commands. The rules that keep two runners from both advancing one
 * tenant live here: a step starts only when it is the next one, only while nobody else holds an
 * unexpired lease on the tenant, and a result counts only from the runner of the running attempt.
 */
import {
  nextPendingStep, stepKey, type SealedSecret, type StepRef, type TenantState,
} from '@tlc/tenant-events';
import { DomainError } from '../shared/domain-error.js';
import type { RecordStepFailed, RecordStepSucceeded, StartStep } from './commands.js';
import { finishDeprovision, releaseSubdomain, type TenantDraft } from './drafts.js';

const PROVISIONING = new Set(['Requested', 'Provisioning']);
const COMPENSATING = new Set(['RollingBack', 'Deprovisioning']);

const ms = (iso: string): number => Date.parse(iso);

export function decideStartStep(command: StartStep, state: TenantState): TenantDraft[] {
  const d = command.data;
  const ref: StepRef = d.step === 'install-app' ? { step: d.step, app: d.app } : { step: d.step };
  const key = stepKey(ref);
  if (!Number.isInteger(d.attempt) || d.attempt < 1) throw new DomainError('TENANT.STALE_RUNNER', `Attempt ${d.attempt} is not a positive whole number.`);
  if (d.step === 'drop-site') {
    if (!COMPENSATING.has(state.status)) {
      throw new DomainError('TENANT.NOT_PROVISIONING', `drop-site runs only while rolling back or deprovisioning; this tenant is ${state.status}.`);
    }
    if (!state.siteMayExist) throw new DomainError('TENANT.STEP_OUT_OF_ORDER', 'There is no site to drop for this tenant.');
  } else {
    if (!PROVISIONING.has(state.status)) {
      throw new DomainError('TENANT.NOT_PROVISIONING', `Provisioning steps run only for a requested or provisioning tenant; this tenant is ${state.status}.`);
    }
    const next = nextPendingStep(state);
    if (!next || next.key !== key) {
      throw new DomainError('TENANT.STEP_OUT_OF_ORDER', `${key} is not the next step${next ? `; ${next.key} is` : ''}.`);
    }
    if (!state.running && d.attempt <= next.attempts) {
      throw new DomainError('TENANT.STALE_RUNNER', `Attempt ${d.attempt} of ${key} was already made.`);
    }
  }
  const running = state.running;
  if (running) {
    if (ms(running.leaseExpiresAt) > ms(command.metadata.now)) {
      throw new DomainError('TENANT.STEP_LEASE_HELD', `Runner ${running.runnerId} holds ${running.key} until ${running.leaseExpiresAt}.`);
    }
    if (running.key === key && d.attempt <= running.attempt) {
      throw new DomainError('TENANT.STALE_RUNNER', `Attempt ${d.attempt} of ${key} is not newer than the expired attempt ${running.attempt}.`);
    }
  }
  if (!(ms(d.leaseExpiresAt) > ms(command.metadata.now))) {
    throw new DomainError('TENANT.STALE_RUNNER', 'The lease must end after the start of the step.');
  }
  return [{
    type: 'StepStarted',
    data: { ...ref, tenantId: state.tenantId, attempt: d.attempt, runnerId: d.runnerId, leaseExpiresAt: d.leaseExpiresAt },
  }];
}

function assertRunning(state: TenantState, data: { step: StepRef['step']; app?: string; attempt: number }): string {
  const key = stepKey(data);
  const running = state.running;
  if (!running || running.key !== key || running.attempt !== data.attempt) {
    const now = running ? `${running.key} attempt ${running.attempt} is running` : 'no step is running';
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
  const r = (d.result ?? {}) as Record<string, unknown>;
  const tenantId = state.tenantId;
  const durationMs = d.durationMs;
  let done: TenantDraft;
  let siteUrl: string | undefined;
  switch (d.step) {
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
      const dropped: TenantDraft = { type: 'SiteDropped', data: { tenantId, siteName: state.siteName, ...(archivedTo ? { archivedTo } : {}), durationMs } };
      if (state.status === 'Deprovisioning') return [dropped, ...finishDeprovision(state)];
      return [dropped, { type: 'RolledBack', data: { tenantId } }, ...releaseSubdomain(state)];
    }
  }
  // Activation belongs to the same decision as the last step, so no reader ever sees a tenant
  // whose every step succeeded but which is not Active.
  const remaining = state.steps.filter((s) => s.key !== key && s.status !== 'succeeded');
  if (remaining.length > 0) return [done];
  return [done, { type: 'TenantActivated', data: { tenantId, siteUrl: siteUrl ?? `https://${state.siteName}` } }];
}

export function decideStepFailed(command: RecordStepFailed, state: TenantState): TenantDraft[] {
  const d = command.data;
  assertRunning(state, d);
  const ref: StepRef = d.step === 'install-app' ? { step: d.step, app: d.app } : { step: d.step };
  const failed: TenantDraft = {
    type: 'StepFailed',
    data: {
      ...ref, tenantId: state.tenantId, attempt: d.attempt, classification: d.classification, exitCode: d.exitCode,
      reason: d.reason, stderrTail: d.stderrTail, willRetry: d.willRetry, ...(d.retryAt ? { retryAt: d.retryAt } : {}),
      durationMs: d.durationMs,
    },
  };
  if (d.willRetry) return [failed];
  if (d.step === 'drop-site') {
    // Compensation itself failed for good: a person has to look; say so instead of pretending.
    return [failed, { type: 'TenantBroken', data: { tenantId: state.tenantId, reason: d.reason, step: ref } }];
  }
  const rollback: TenantDraft = { type: 'RollbackStarted', data: { tenantId: state.tenantId, reason: d.reason, failedStep: ref } };
  if (state.siteMayExist || d.step === 'new-site') return [failed, rollback];
  return [failed, rollback, { type: 'RolledBack', data: { tenantId: state.tenantId } }, ...releaseSubdomain(state)];
}

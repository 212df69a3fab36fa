/**
 * The tenant's state folded from its stream. Pure: the decider, the process manager, the API's
 * status view and `tenantctl history --as-of` all fold with this one `evolve`.
 */
import { assertNever, type EmailVerification, type IdentityProvider, type RevealableCredential, type StepRef, type TenantEvent } from './events.js';
import type { SealedSecret } from './sealed-secret.js';

export type TenantStatus = 'Requested' | 'Provisioning' | 'Active' | 'Failed' | 'RollingBack' | 'RolledBack' | 'Broken' | 'Suspended' | 'Deprovisioning' | 'Deprovisioned';

export type StepStatus = 'pending' | 'running' | 'succeeded' | 'failed';

export interface StepProgress extends StepRef {
  /** `new-site`, `install-app:erpnext`, ... */
  readonly key: string;
  readonly status: StepStatus;
  readonly attempts: number;
  readonly startedAt?: string;
  readonly endedAt?: string;
  /** Time spent inside bench for the last attempt. */
  readonly durationMs?: number;
  /** When the last attempt failed and asked to be tried again: not before this time. */
  readonly retryAt?: string;
}

export interface RunningStep extends StepRef {
  readonly key: string;
  readonly attempt: number;
  readonly runnerId: string;
  readonly leaseExpiresAt: string;
  readonly startedAt: string;
}

export interface TenantState {
  readonly exists: boolean;
  readonly status: TenantStatus | 'None';
  readonly tenantId: string;
  readonly organization: string;
  readonly subdomain: string;
  readonly siteName: string;
  readonly adminEmail: string;
  readonly identityProvider: IdentityProvider;
  /** False until the admin email is proven (see EmailVerification): no sign-in reaches the tenant before. */
  readonly emailVerified: boolean;
  readonly emailVerification: EmailVerification;
  /** When the last verification link was asked for (SignupRequested or VerificationEmailRequested). */
  readonly verificationRequestedAt?: string;
  /** How many verification links were asked for so far (the signup's own included). */
  readonly verificationRequests: number;
  /** When the owner was last told of a signup attempt with their email. */
  readonly ownerNoticeAt?: string;
  readonly apps: readonly string[];
  readonly adminPassword?: SealedSecret;
  readonly adminPasswordHash?: string;
  readonly steps: readonly StepProgress[];
  /**
   * The steps started and not yet finished, one lease each. Several at once only for steps that
   * do not depend on each other (see `startableSteps`): the admin, the API keys and the host
   * name all need the site with its apps, not each other.
   */
  readonly leases: readonly RunningStep[];
  /** True while a site (and its database) may exist on the bench and must be dropped on rollback. */
  readonly siteMayExist: boolean;
  /**
   * drop-site is not in the plan: its attempts in the current compensation (rollback or
   * deprovisioning) and, after a failure that will be retried, when to try again.
   */
  readonly compensation: { readonly attempts: number; readonly retryAt?: string };
  readonly dbName?: string;
  readonly apiKey?: string;
  readonly siteUrl?: string;
  /** What set-host-name wrote (a URL when SITE_URL_TEMPLATE gave one): activation's site URL. */
  readonly hostName?: string;
  readonly standbySite?: string;
  /** The claimed standby site's Administrator API key, made while it was built. */
  readonly standbyApiKey?: string;
  readonly lastError?: { readonly step: StepRef; readonly reason: string; readonly at: string; readonly classification: string };
  /** 1 for the first provisioning, +1 per retry after a rollback. */
  readonly provisioningAttempt: number;
  readonly subdomainReleased: boolean;
  readonly createdAt?: string;
  readonly activatedAt?: string;
  readonly updatedAt?: string;
  /** The highest "taking longer" multiple recorded, and for which provisioning attempt. */
  readonly slow?: { readonly attempt: number; readonly multiple: number };
  /** Credentials shown to the owner since they were issued (each is shown once). */
  readonly revealed?: readonly RevealableCredential[];
  /** An API secret rotation under way (ApiSecretRotationStarted, not yet rotated or failed). */
  readonly apiSecretRotation?: { readonly rotationId: string; readonly leaseExpiresAt: string };
  /** Stream revision of the last folded event (-1 for none) and its hash (for chaining). */
  readonly revision: number;
  readonly lastHash?: string;
}

export const initialTenantState: TenantState = Object.freeze({
  exists: false,
  status: 'None',
  tenantId: '',
  organization: '',
  subdomain: '',
  siteName: '',
  adminEmail: '',
  identityProvider: 'password',
  emailVerified: false,
  emailVerification: 'pending',
  verificationRequests: 0,
  apps: [],
  steps: [],
  leases: [],
  siteMayExist: false,
  compensation: { attempts: 0 },
  provisioningAttempt: 0,
  subdomainReleased: false,
  revision: -1,
}) as TenantState;

export const stepKey = (ref: StepRef): string => (ref.step === 'install-app' ? `install-app:${ref.app}` : ref.step);

/** The provisioning plan: new-site, one install-app per app, admin, API keys, host name. */
export function planSteps(apps: readonly string[]): StepRef[] {
  return [{ step: 'new-site' }, ...apps.map((app): StepRef => ({ step: 'install-app', app })), { step: 'add-system-manager' }, { step: 'api-keys' }, { step: 'set-host-name' }];
}

const freshSteps = (apps: readonly string[]): StepProgress[] => planSteps(apps).map((ref) => ({ ...ref, key: stepKey(ref), status: 'pending' as const, attempts: 0 }));

/** The Frappe site bench commands act on: the claimed standby site, else the tenant's own. */
export const siteOnBench = (state: TenantState): string => state.standbySite ?? state.siteName;

/**
 * Steps whose prerequisites have all succeeded and which have not themselves: what may run now
 * (a lease held on one is the caller's to respect). new-site comes first and the apps install
 * one after another in the order asked (bench installs them in that order); the finishing steps
 * (admin, API keys, host name) need the site with every app but not each other, so they run
 * side by side. That is most of what makes a claimed standby site quick to hand over.
 */
export function startableSteps(state: TenantState): StepProgress[] {
  const first = state.steps.findIndex((s) => s.status !== 'succeeded');
  if (first < 0) return [];
  const head = state.steps[first];
  if (head.step === 'new-site' || head.step === 'install-app') return [head];
  return state.steps.slice(first).filter((s) => s.status !== 'succeeded');
}

export const leaseOf = (state: TenantState, key: string): RunningStep | undefined => state.leases.find((l) => l.key === key);

/** Leases not yet expired at `now` (ms): a step someone is still running. */
export const liveLeases = (state: TenantState, now: number): RunningStep[] => state.leases.filter((l) => Date.parse(l.leaseExpiresAt) > now);

const withoutLease = (state: TenantState, key: string): readonly RunningStep[] => state.leases.filter((l) => l.key !== key);

function updateStep(state: TenantState, key: string, patch: Partial<StepProgress>): readonly StepProgress[] {
  return state.steps.map((s) => (s.key === key ? { ...s, ...patch } : s));
}

/** A newly issued value (new API secret, new generated password) has not been shown yet. */
const unrevealed = (state: TenantState, credential: RevealableCredential): readonly RevealableCredential[] => (state.revealed ?? []).filter((c) => c !== credential);

function finishStep(state: TenantState, key: string, at: string, durationMs: number): Partial<TenantState> {
  return { steps: updateStep(state, key, { status: 'succeeded', endedAt: at, durationMs }), leases: withoutLease(state, key) };
}

/** Folds one event. `revision` and `hash` are passed by the loader that knows them. */
export function evolve(state: TenantState, event: TenantEvent, revision = state.revision + 1): TenantState {
  const at = event.metadata?.occurredAt;
  const base = { revision, lastHash: event.metadata?.hash ?? state.lastHash, updatedAt: at ?? state.updatedAt };
  return { ...state, ...apply(state, event, at ?? ''), ...base };
}

export function foldTenant(events: readonly TenantEvent[], from: TenantState = initialTenantState): TenantState {
  return events.reduce<TenantState>((s, e) => evolve(s, e), from);
}

function apply(state: TenantState, event: TenantEvent, at: string): Partial<TenantState> {
  switch (event.type) {
    case 'SignupRequested': {
      const d = event.data;
      return {
        exists: true,
        status: 'Requested',
        tenantId: d.tenantId,
        organization: d.organization,
        subdomain: d.subdomain,
        siteName: d.siteName,
        adminEmail: d.adminEmail,
        identityProvider: d.identityProvider,
        apps: d.apps,
        adminPassword: d.adminPassword,
        adminPasswordHash: d.adminPasswordHash,
        steps: freshSteps(d.apps),
        provisioningAttempt: 1,
        createdAt: at,
        emailVerification: d.emailVerification,
        emailVerified: d.emailVerification !== 'pending',
        verificationRequestedAt: d.emailVerification === 'pending' ? at : undefined,
        verificationRequests: d.emailVerification === 'pending' ? 1 : 0,
      };
    }
    case 'ProvisioningRetried':
      return {
        status: 'Requested',
        steps: freshSteps(state.apps),
        provisioningAttempt: event.data.provisioningAttempt,
        subdomainReleased: false,
        lastError: undefined,
        leases: [],
        siteMayExist: false,
        compensation: { attempts: 0 },
        dbName: undefined,
        hostName: undefined,
        apiKey: undefined,
        standbySite: undefined,
        standbyApiKey: undefined,
      };
    case 'StandbySiteClaimed':
      // The standby site was created with every app ahead of time: those steps are done, and
      // the rest of the plan (admin, API keys, host name) runs on the standby site.
      return {
        standbySite: event.data.standbySite,
        standbyApiKey: event.data.apiKey,
        siteMayExist: true,
        status: state.status === 'Requested' ? 'Provisioning' : state.status,
        steps: state.steps.map((x) => (x.step === 'new-site' || x.step === 'install-app' ? { ...x, status: 'succeeded' as const, endedAt: at, durationMs: 0 } : x)),
      };
    case 'StepStarted': {
      const key = stepKey(event.data);
      const prev = state.steps.find((s) => s.key === key);
      return {
        status: state.status === 'Requested' ? 'Provisioning' : state.status,
        // new-site may leave a half site behind from the moment it starts.
        siteMayExist: state.siteMayExist || event.data.step === 'new-site',
        leases: [
          ...withoutLease(state, key),
          {
            step: event.data.step,
            app: event.data.app,
            key,
            attempt: event.data.attempt,
            runnerId: event.data.runnerId,
            leaseExpiresAt: event.data.leaseExpiresAt,
            startedAt: at,
          },
        ],
        steps: prev ? updateStep(state, key, { status: 'running', attempts: event.data.attempt, startedAt: at, endedAt: undefined, retryAt: undefined }) : state.steps,
        compensation: event.data.step === 'drop-site' ? { attempts: event.data.attempt } : state.compensation,
      };
    }
    case 'SiteCreated':
      return { ...finishStep(state, 'new-site', at, event.data.durationMs), siteMayExist: true, dbName: event.data.dbName };
    case 'AppInstalled':
      return finishStep(state, `install-app:${event.data.app}`, at, event.data.durationMs);
    case 'AdminConfigured':
      return { ...finishStep(state, 'add-system-manager', at, event.data.durationMs), revealed: unrevealed(state, 'admin-password') };
    case 'ApiKeysIssued':
      return { ...finishStep(state, 'api-keys', at, event.data.durationMs), apiKey: event.data.apiKey, revealed: unrevealed(state, 'api-secret') };
    case 'HostNameConfigured':
      return { ...finishStep(state, 'set-host-name', at, event.data.durationMs), hostName: event.data.hostName };
    case 'TenantActivated':
      return { status: 'Active', siteUrl: event.data.siteUrl, activatedAt: at, leases: [] };
    case 'StepFailed': {
      const key = stepKey(event.data);
      const lastError = { step: { step: event.data.step, app: event.data.app }, reason: event.data.reason, at, classification: event.data.classification };
      const retryAt = event.data.willRetry ? event.data.retryAt : undefined;
      const steps = updateStep(state, key, { status: event.data.willRetry ? 'pending' : 'failed', endedAt: at, durationMs: event.data.durationMs, retryAt });
      const compensation = event.data.step === 'drop-site' ? { attempts: state.compensation.attempts, retryAt } : state.compensation;
      const inRollback = state.status === 'RollingBack' || state.status === 'Deprovisioning';
      // A step that ran beside the one that failed does not replace the error that started the rollback.
      const late = inRollback && event.data.step !== 'drop-site';
      return { steps, compensation, lastError: late ? state.lastError : lastError, leases: withoutLease(state, key), status: event.data.willRetry || inRollback ? state.status : 'Failed' };
    }
    case 'RollbackStarted':
      // Steps still running beside the one that failed keep their leases: drop-site waits for them.
      return { status: 'RollingBack', compensation: { attempts: 0 } };
    case 'SiteDropped':
      return { siteMayExist: false, dbName: undefined, leases: withoutLease(state, 'drop-site') };
    case 'RolledBack':
      return { status: 'RolledBack', leases: [] };
    case 'SubdomainReleased':
      return { subdomainReleased: true };
    case 'TenantBroken':
      return { status: 'Broken', leases: [], lastError: { step: event.data.step, reason: event.data.reason, at, classification: 'permanent' } };
    case 'TenantSuspended':
      return { status: 'Suspended' };
    case 'TenantResumed':
      return { status: 'Active' };
    case 'DeprovisionRequested':
      return { status: 'Deprovisioning', leases: [], compensation: { attempts: 0 } };
    case 'TenantDeprovisioned':
      return { status: 'Deprovisioned', adminPassword: undefined, leases: [] };
    case 'EmailVerified':
      return { emailVerified: true };
    case 'VerificationEmailRequested':
      return { verificationRequestedAt: at, verificationRequests: state.verificationRequests + 1 };
    case 'ExistingAccountSignupAttempted':
      return { ownerNoticeAt: at };
    case 'ProvisioningSlow': {
      const { provisioningAttempt: attempt, multiple } = event.data;
      const same = state.slow?.attempt === attempt;
      return { slow: { attempt, multiple: same ? Math.max(state.slow?.multiple ?? 0, multiple) : multiple } };
    }
    case 'CredentialRevealed':
      return { revealed: [...unrevealed(state, event.data.credential), event.data.credential] };
    case 'ApiSecretRotationStarted':
      return { apiSecretRotation: { rotationId: event.data.rotationId, leaseExpiresAt: event.data.leaseExpiresAt } };
    case 'ApiSecretRotated':
      return { apiSecretRotation: undefined, revealed: unrevealed(state, 'api-secret') };
    case 'ApiSecretRotationFailed':
      return { apiSecretRotation: undefined };
    default:
      return assertNever(event, 'tenant event');
  }
}

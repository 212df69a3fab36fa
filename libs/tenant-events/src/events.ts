/**
 * The tenant event catalogue. Events are past-tense facts; `data` is typed per event and
 * every event carries the same metadata (see metadata.ts). A new field or meaning means a new
 * schema version plus an upcaster (upcasting.ts), never an edit of stored history.
 */
import type { EventMetadata } from './metadata.js';
import type { SealedSecret } from './sealed-secret.js';

export type IdentityProvider = 'password' | 'google';

/**
 * Whether the admin email still has to be proven before it may bind a sign-in to the tenant:
 * `pending` for a password signup until its link is used (EmailVerified); `proven-by-idp` when
 * the identity provider vouched for it (Google's email_verified); `not-required` only for
 * signups recorded before verification existed (schema v2, see upcasting.ts).
 */
export type EmailVerification = 'pending' | 'proven-by-idp' | 'not-required';

/** The bench steps a tenant goes through. `install-app` repeats once per app. */
export type StepName = 'new-site' | 'install-app' | 'add-system-manager' | 'api-keys' | 'set-host-name' | 'drop-site';

/**
 * `configuration`: bench cannot run for anybody until an operator acts (e.g. no usable database
 * root password); the step keeps retrying and the customer is not rolled back.
 */
export type FailureClass = 'transient' | 'permanent' | 'timeout' | 'configuration';

export interface StepRef {
  readonly step: StepName;
  /** Only for install-app. */
  readonly app?: string;
}

type Evt<T extends string, D> = {
  readonly type: T;
  readonly data: D;
  readonly metadata: EventMetadata;
};

// ---- tenant stream: `tenant-<tenantId>` ----
export type SignupRequested = Evt<
  'SignupRequested',
  {
    tenantId: string;
    organization: string;
    subdomain: string;
    /** Frappe site name, e.g. `acme.example.com`. */
    siteName: string;
    adminEmail: string;
    identityProvider: IdentityProvider;
    /** Encrypted admin password, needed by add-system-manager. Absent for Google sign-ups. */
    adminPassword?: SealedSecret;
    /** Slow hash (scrypt, PHC string) for email sign-in. Absent for Google sign-ups. */
    adminPasswordHash?: string;
    apps: string[];
    emailVerification: EmailVerification;
  }
>;
export type StepStarted = Evt<
  'StepStarted',
  StepRef & {
    tenantId: string;
    attempt: number;
    /** Which process-manager instance holds the step, and until when (its lease). */
    runnerId: string;
    leaseExpiresAt: string;
    /**
     * Present when this start took the step over from a runner that stopped heartbeating before
     * its lease ran out: who held it and when it was last seen alive (the evidence, for auditors).
     */
    takeover?: { runnerId: string; attempt: number; lastSeenAt?: string };
    /** drop-site only: runners seen dead whose unexpired leases on other steps it did not wait for. */
    deadRunners?: string[];
  }
>;
export type SiteCreated = Evt<'SiteCreated', { tenantId: string; siteName: string; dbName: string; durationMs: number }>;
export type AppInstalled = Evt<'AppInstalled', { tenantId: string; app: string; durationMs: number }>;
export type AdminConfigured = Evt<
  'AdminConfigured',
  {
    tenantId: string;
    email: string;
    /** Generated for Google sign-ups (who have no password of ours), sealed. */
    generatedPassword?: SealedSecret;
    durationMs: number;
  }
>;
export type ApiKeysIssued = Evt<'ApiKeysIssued', { tenantId: string; apiKey: string; apiSecret: SealedSecret; durationMs: number }>;
export type HostNameConfigured = Evt<'HostNameConfigured', { tenantId: string; hostName: string; durationMs: number }>;
export type TenantActivated = Evt<'TenantActivated', { tenantId: string; siteUrl: string }>;
export type StepFailed = Evt<
  'StepFailed',
  StepRef & {
    tenantId: string;
    attempt: number;
    classification: FailureClass;
    exitCode: number | null;
    /** One sentence for people. */
    reason: string;
    /** Last lines of stderr, passwords redacted. */
    stderrTail: string;
    willRetry: boolean;
    retryAt?: string;
    durationMs: number;
  }
>;
export type RollbackStarted = Evt<'RollbackStarted', { tenantId: string; reason: string; failedStep: StepRef }>;
/** `archiveRemoved`: bench's archive of the folder (db password, encryption key, files) was deleted too. */
export type SiteDropped = Evt<'SiteDropped', { tenantId: string; siteName: string; archivedTo?: string; archiveRemoved?: boolean; durationMs: number }>;
export type RolledBack = Evt<'RolledBack', { tenantId: string }>;
export type SubdomainReleased = Evt<'SubdomainReleased', { tenantId: string; subdomain: string }>;
export type TenantBroken = Evt<'TenantBroken', { tenantId: string; reason: string; step: StepRef }>;
export type ProvisioningRetried = Evt<'ProvisioningRetried', { tenantId: string; provisioningAttempt: number }>;
/** `apiKey`: the standby site's Administrator key, when it was made while building (api-keys then only rotates the secret). */
export type StandbySiteClaimed = Evt<'StandbySiteClaimed', { tenantId: string; standbySite: string; apiKey?: string }>;
export type TenantSuspended = Evt<'TenantSuspended', { tenantId: string; reason: string }>;
export type TenantResumed = Evt<'TenantResumed', { tenantId: string }>;
export type DeprovisionRequested = Evt<'DeprovisionRequested', { tenantId: string; reason: string }>;
export type TenantDeprovisioned = Evt<'TenantDeprovisioned', { tenantId: string; keyDestroyed: boolean }>;
/** The admin email's owner used the link sent to it: the email may now bind sign-ins to this tenant. */
export type EmailVerified = Evt<'EmailVerified', { tenantId: string; email: string }>;
/** Another verification link was asked for (the outbox sends it). */
export type VerificationEmailRequested = Evt<'VerificationEmailRequested', { tenantId: string }>;
/**
 * Someone tried to sign up with this tenant's admin email. The anonymous answer does not say
 * so; the owner gets a note instead (the outbox sends it), at most one per NOTICE_INTERVAL.
 */
export type ExistingAccountSignupAttempted = Evt<'ExistingAccountSignupAttempted', { tenantId: string }>;
/**
 * The build has taken longer than `multiple` times what it was expected to take (`expectedMs`,
 * from recent builds' step times). A matter of time, not of bench: the outbox's watch records it
 * once per multiple and provisioning attempt, and the outbox tells a confirmed owner.
 */
export type ProvisioningSlow = Evt<'ProvisioningSlow', { tenantId: string; provisioningAttempt: number; multiple: number; expectedMs: number; elapsedMs: number }>;
/** Which secret a reveal showed: the API secret, or the desk password generated for a Google sign-up. */
export type RevealableCredential = 'api-secret' | 'admin-password';
/**
 * The signed-in owner was shown a credential, once. The value stays sealed in the event that
 * issued it; this records only that it was shown, so a second reveal is refused.
 */
export type CredentialRevealed = Evt<'CredentialRevealed', { tenantId: string; credential: RevealableCredential }>;
/**
 * The owner asked for a new API secret. Holds the rotation until it is recorded done or failed
 * (or `leaseExpiresAt` passes, past the bench call's timeout): two rotations never run at once,
 * so the secret recorded last is the one the site has.
 */
export type ApiSecretRotationStarted = Evt<'ApiSecretRotationStarted', { tenantId: string; rotationId: string; leaseExpiresAt: string }>;
/** The site made a new API secret (generate_keys; the key stays). Sealed like ApiKeysIssued's; it can be shown once again. */
export type ApiSecretRotated = Evt<'ApiSecretRotated', { tenantId: string; rotationId: string; apiSecret: SealedSecret; durationMs: number }>;
/** The site did not make a new secret (or it is unknown whether it did): the rotation ends, another may start. */
export type ApiSecretRotationFailed = Evt<'ApiSecretRotationFailed', { tenantId: string; rotationId: string; reason: string }>;

export type TenantEvent =
  | SignupRequested
  | StepStarted
  | SiteCreated
  | AppInstalled
  | AdminConfigured
  | ApiKeysIssued
  | HostNameConfigured
  | TenantActivated
  | StepFailed
  | RollbackStarted
  | SiteDropped
  | RolledBack
  | SubdomainReleased
  | TenantBroken
  | ProvisioningRetried
  | StandbySiteClaimed
  | TenantSuspended
  | TenantResumed
  | DeprovisionRequested
  | TenantDeprovisioned
  | EmailVerified
  | VerificationEmailRequested
  | ExistingAccountSignupAttempted
  | ProvisioningSlow
  | CredentialRevealed
  | ApiSecretRotationStarted
  | ApiSecretRotated
  | ApiSecretRotationFailed;

// ---- reservation streams: `subdomain-<name>`, `admin-email-<sha256(email)>` ----
export type SubdomainReserved = Evt<'SubdomainReserved', { tenantId: string; subdomain: string }>;
export type AdminEmailReserved = Evt<'AdminEmailReserved', { tenantId: string; emailHash: string; subdomain: string }>;
export type AdminEmailReleased = Evt<'AdminEmailReleased', { tenantId: string; emailHash: string }>;

export type ReservationEvent = SubdomainReserved | SubdomainReleased | AdminEmailReserved | AdminEmailReleased;

export type AnyEvent = TenantEvent | ReservationEvent;
export type AnyEventType = AnyEvent['type'];
export type EventOfType<T extends AnyEventType> = Extract<AnyEvent, { type: T }>;
/** An event before metadata is attached: what `decide` returns. */
export type EventDraft<E extends AnyEvent = AnyEvent> = E extends AnyEvent ? Pick<E, 'type' | 'data'> : never;

export const TENANT_EVENT_TYPES = [
  'SignupRequested',
  'StepStarted',
  'SiteCreated',
  'AppInstalled',
  'AdminConfigured',
  'ApiKeysIssued',
  'HostNameConfigured',
  'TenantActivated',
  'StepFailed',
  'RollbackStarted',
  'SiteDropped',
  'RolledBack',
  'SubdomainReleased',
  'TenantBroken',
  'ProvisioningRetried',
  'StandbySiteClaimed',
  'TenantSuspended',
  'TenantResumed',
  'DeprovisionRequested',
  'TenantDeprovisioned',
  'EmailVerified',
  'VerificationEmailRequested',
  'ExistingAccountSignupAttempted',
  'ProvisioningSlow',
  'CredentialRevealed',
  'ApiSecretRotationStarted',
  'ApiSecretRotated',
  'ApiSecretRotationFailed',
] as const satisfies readonly TenantEvent['type'][];

export const RESERVATION_EVENT_TYPES = ['SubdomainReserved', 'SubdomainReleased', 'AdminEmailReserved', 'AdminEmailReleased'] as const satisfies readonly ReservationEvent['type'][];

/** Current schema version per event type; bumped together with a new upcaster. */
export const SCHEMA_VERSIONS: Readonly<Record<AnyEventType, number>> = Object.freeze({
  SignupRequested: 3,
  StepStarted: 1,
  SiteCreated: 1,
  AppInstalled: 1,
  AdminConfigured: 1,
  ApiKeysIssued: 1,
  HostNameConfigured: 1,
  TenantActivated: 1,
  StepFailed: 1,
  RollbackStarted: 1,
  SiteDropped: 1,
  RolledBack: 1,
  SubdomainReleased: 1,
  TenantBroken: 1,
  ProvisioningRetried: 1,
  StandbySiteClaimed: 1,
  TenantSuspended: 1,
  TenantResumed: 1,
  DeprovisionRequested: 1,
  TenantDeprovisioned: 1,
  EmailVerified: 1,
  VerificationEmailRequested: 1,
  ExistingAccountSignupAttempted: 1,
  ProvisioningSlow: 1,
  CredentialRevealed: 1,
  ApiSecretRotationStarted: 1,
  ApiSecretRotated: 1,
  ApiSecretRotationFailed: 1,
  SubdomainReserved: 1,
  AdminEmailReserved: 1,
  AdminEmailReleased: 1,
});

export const isTenantEventType = (type: string): type is TenantEvent['type'] => (TENANT_EVENT_TYPES as readonly string[]).includes(type);

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

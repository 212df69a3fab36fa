/**
 * The Tenant command union: plain `{ type, data, metadata }` objects. Time (`now`) and ids
 * arrive on the command so `decide` stays pure; event ids are derived from `commandId`, so a
 * command retried after a lost reply appends the same ids (a no-op in the store).
 */
import type { Actor, EmailVerification, IdentityProvider, RevealableCredential, SealedSecret, StepFailed, StepName } from '@tlc/tenant-events';

export interface CommandMetadata {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** ISO-8601 UTC instant of the decision. */
  readonly now: string;
}

type Cmd<T extends string, D> = { readonly type: T; readonly data: D; readonly metadata: CommandMetadata };

export type RequestSignup = Cmd<
  'RequestSignup',
  {
    tenantId: string;
    organization: string;
    subdomain: string;
    siteName: string;
    adminEmail: string;
    identityProvider: IdentityProvider;
    adminPassword?: SealedSecret;
    adminPasswordHash?: string;
    apps: readonly string[];
    emailVerification: EmailVerification;
  }
>;

export type StartStep = Cmd<
  'StartStep',
  {
    tenantId: string;
    step: StepName;
    app?: string;
    attempt: number;
    runnerId: string;
    leaseExpiresAt: string;
    /** Taking over this step's unexpired lease from a runner seen dead (decide-next.ts). */
    takeover?: { runnerId: string; attempt: number; lastSeenAt?: string };
    /** drop-site only: runners seen dead, whose unexpired leases on other steps need no waiting for. */
    deadRunners?: string[];
  }
>;

/** What each bench step hands back when it succeeds. */
export type StepResult =
  | { readonly step: 'new-site'; readonly dbName: string }
  | { readonly step: 'install-app' }
  | { readonly step: 'add-system-manager'; readonly generatedPassword?: SealedSecret }
  | { readonly step: 'api-keys'; readonly apiKey: string; readonly apiSecret: SealedSecret }
  /** `siteUrl` is how people reach the site (scheme and port are the process manager's to know). */
  | { readonly step: 'set-host-name'; readonly hostName: string; readonly siteUrl?: string }
  /** `archiveRemoved`: the folder bench archived the site to was deleted (bench/site-archive.ts). */
  | { readonly step: 'drop-site'; readonly archivedTo?: string; readonly archiveRemoved?: boolean };

export type RecordStepSucceeded = Cmd<
  'RecordStepSucceeded',
  {
    tenantId: string;
    step: StepName;
    app?: string;
    attempt: number;
    durationMs: number;
    /** Tagged with the step it answers: the decider refuses a result for another step. */
    result: StepResult;
  }
>;

/** Carries exactly what StepFailed records: the decider only decides what follows it. */
export type RecordStepFailed = Cmd<'RecordStepFailed', StepFailed['data']>;

export type RetryProvisioning = Cmd<'RetryProvisioning', { tenantId: string }>;
/** The pool claimed `standbySite` for this tenant (pool.service.ts): record it, if the tenant can still take it. */
export type RecordStandbyClaim = Cmd<'RecordStandbyClaim', { tenantId: string; standbySite: string; apiKey?: string }>;
export type SuspendTenant = Cmd<'SuspendTenant', { tenantId: string; reason: string }>;
export type ResumeTenant = Cmd<'ResumeTenant', { tenantId: string }>;
export type RequestDeprovision = Cmd<'RequestDeprovision', { tenantId: string; reason: string }>;
/** The link in a verification email was used; `email` is the address the link was made for. */
export type VerifyEmail = Cmd<'VerifyEmail', { tenantId: string; email: string }>;
export type RequestVerificationEmail = Cmd<'RequestVerificationEmail', { tenantId: string }>;
export type NoteSignupAttempt = Cmd<'NoteSignupAttempt', { tenantId: string }>;
/** The build passed `multiple` x its expected time: email/slow-builds.ts watches the clock. */
export type NoteProvisioningSlow = Cmd<'NoteProvisioningSlow', { tenantId: string; provisioningAttempt: number; multiple: number; expectedMs: number; elapsedMs: number }>;
/** The signed-in owner asks to see a credential, once (credentials-reveal/). */
export type RevealCredential = Cmd<'RevealCredential', { tenantId: string; credential: RevealableCredential }>;
/** The signed-in owner asks for a new API secret (credentials-reveal/decide-rotate.ts): holds the rotation until it ends. */
export type StartApiSecretRotation = Cmd<'StartApiSecretRotation', { tenantId: string; rotationId: string; leaseExpiresAt: string }>;
/** The site made the new secret; it arrives sealed with the tenant's key. */
export type RecordApiSecretRotated = Cmd<'RecordApiSecretRotated', { tenantId: string; rotationId: string; apiSecret: SealedSecret; durationMs: number }>;
export type RecordApiSecretRotationFailed = Cmd<'RecordApiSecretRotationFailed', { tenantId: string; rotationId: string; reason: string }>;

export type TenantCommand =
  | RequestSignup
  | StartStep
  | RecordStepSucceeded
  | RecordStepFailed
  | RetryProvisioning
  | RecordStandbyClaim
  | SuspendTenant
  | ResumeTenant
  | RequestDeprovision
  | VerifyEmail
  | RequestVerificationEmail
  | NoteSignupAttempt
  | NoteProvisioningSlow
  | RevealCredential
  | StartApiSecretRotation
  | RecordApiSecretRotated
  | RecordApiSecretRotationFailed;

export type TenantCommandType = TenantCommand['type'];

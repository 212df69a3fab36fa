/**
 * One line per event for people reading a timeline (tenantctl's `history`, the operations
 * console). Shared here so the terminal and the browser say the same thing. Never prints a
 * secret: sealed values and hashes are not read at all.
 */
import { assertNever, type TenantEvent } from './events.js';
import { stepKey } from './tenant-state.js';

export function summarizeEvent(e: TenantEvent): string {
  switch (e.type) {
    case 'SignupRequested':
      return `signup for "${e.data.organization}" at ${e.data.subdomain} (${e.data.identityProvider}, apps: ${e.data.apps.join(', ')})`;
    case 'StepStarted':
      return `${stepKey(e.data)} started, attempt ${e.data.attempt} on ${e.data.runnerId}`;
    case 'SiteCreated':
      return `site ${e.data.siteName} created (db ${e.data.dbName}) in ${e.data.durationMs} ms`;
    case 'AppInstalled':
      return `app ${e.data.app} installed in ${e.data.durationMs} ms`;
    case 'AdminConfigured':
      return `administrator ${e.data.email} configured in ${e.data.durationMs} ms`;
    case 'ApiKeysIssued':
      return `API keys issued (secret sealed) in ${e.data.durationMs} ms`;
    case 'HostNameConfigured':
      return `host name ${e.data.hostName} configured in ${e.data.durationMs} ms`;
    case 'TenantActivated':
      return `active at ${e.data.siteUrl}`;
    case 'StepFailed':
      return `${stepKey(e.data)} failed (${e.data.classification}, exit ${e.data.exitCode ?? 'none'}): ${e.data.reason}${e.data.willRetry ? `; retry at ${e.data.retryAt ?? 'soon'}` : ''}`;
    case 'RollbackStarted':
      return `rollback started after ${stepKey(e.data.failedStep)}: ${e.data.reason}`;
    case 'SiteDropped':
      return `site ${e.data.siteName} dropped${e.data.archiveRemoved ? ', its archive removed' : e.data.archivedTo ? ` (archived to ${e.data.archivedTo})` : ''}`;
    case 'RolledBack':
      return 'rolled back';
    case 'SubdomainReleased':
      return `subdomain ${e.data.subdomain} released`;
    case 'TenantBroken':
      return `broken at ${stepKey(e.data.step)}: ${e.data.reason}`;
    case 'ProvisioningRetried':
      return `provisioning retried (attempt ${e.data.provisioningAttempt})`;
    case 'StandbySiteClaimed':
      return `standby site ${e.data.standbySite} claimed`;
    case 'TenantSuspended':
      return `suspended: ${e.data.reason}`;
    case 'TenantResumed':
      return 'resumed';
    case 'DeprovisionRequested':
      return `deprovisioning requested: ${e.data.reason}`;
    case 'TenantDeprovisioned':
      return `deprovisioned${e.data.keyDestroyed ? ', key destroyed (secrets shredded)' : ''}`;
    // The email is not repeated here: the timeline is for reading, the address is in the signup.
    case 'EmailVerified':
      return 'admin email verified';
    case 'VerificationEmailRequested':
      return 'verification email requested again';
    case 'ExistingAccountSignupAttempted':
      return 'someone tried to sign up with this admin email (the owner is told)';
    case 'ProvisioningSlow':
      return `taking longer: past ${e.data.multiple} x the expected ${Math.round(e.data.expectedMs / 1000)} s (the owner is told)`;
    case 'CredentialRevealed':
      return `${e.data.credential === 'api-secret' ? 'API secret' : 'generated desk password'} shown to the owner (once)`;
    case 'ApiSecretRotationStarted':
      return 'API secret rotation started by the owner';
    case 'ApiSecretRotated':
      return `API secret rotated (new secret sealed) in ${e.data.durationMs} ms`;
    case 'ApiSecretRotationFailed':
      return `API secret rotation failed: ${e.data.reason}`;
    default:
      return assertNever(e, 'tenant event');
  }
}

/** For a failure, what an operator needs beside the line: the reason and the command's last output. */
export function failureDetail(e: TenantEvent): { readonly reason: string; readonly output: string } | null {
  switch (e.type) {
    case 'StepFailed':
      return { reason: e.data.reason, output: e.data.stderrTail };
    case 'TenantBroken':
      return { reason: e.data.reason, output: '' };
    case 'RollbackStarted':
      return { reason: e.data.reason, output: '' };
    default:
      return null;
  }
}

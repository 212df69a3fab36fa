/**
 * The Tenant decider: `decide(command, state) -> event drafts`, pure. It folds nothing itself
 * (state comes from `foldTenant` in @tlc/tenant-events) and throws a coded DomainError naming
 * the rule when the command is not allowed in the current state.
 */
import { assertNever, checkSubdomain, type TenantState } from '@tlc/tenant-events';
import { DomainError } from '../shared/domain-error.js';
import type { RequestDeprovision, RequestSignup, TenantCommand } from './commands.js';
import { decideNoteSignupAttempt, decideRequestVerificationEmail, decideVerifyEmail } from './decide-email.js';
import { decideStepFailed, decideStepSucceeded, decideStartStep } from './decide-steps.js';
import { finishDeprovision, type TenantDraft } from './drafts.js';
import { decideNoteSlow } from '../email/decide-slow.js';
import { decideReveal } from '../credentials-reveal/decide-reveal.js';
import { decideRotationEnd, decideRotationStart } from '../credentials-reveal/decide-rotate.js';
import { decideRecordClaim } from '../pool/tenant-claim.js';

export type { TenantDraft } from './drafts.js';

export function decide(command: TenantCommand, state: TenantState): TenantDraft[] {
  if (command.type !== 'RequestSignup' && !state.exists) {
    throw new DomainError('TENANT.NOT_FOUND', `No tenant has the id "${command.data.tenantId}".`);
  }
  switch (command.type) {
    case 'RequestSignup':
      return decideSignup(command, state);
    case 'StartStep':
      return decideStartStep(command, state);
    case 'RecordStepSucceeded':
      return decideStepSucceeded(command, state);
    case 'RecordStepFailed':
      return decideStepFailed(command, state);
    case 'RecordStandbyClaim':
      return decideRecordClaim(state, command.data.standbySite, command.data.apiKey);
    case 'RetryProvisioning':
      if (state.status !== 'RolledBack') {
        throw new DomainError('TENANT.NOT_ROLLED_BACK', `Provisioning can only be retried after a rollback; this tenant is ${state.status}.`);
      }
      return [{ type: 'ProvisioningRetried', data: { tenantId: state.tenantId, provisioningAttempt: state.provisioningAttempt + 1 } }];
    case 'SuspendTenant':
      if (state.status !== 'Active') {
        throw new DomainError('TENANT.NOT_ACTIVE', `Only an active tenant can be suspended; this tenant is ${state.status}.`);
      }
      return [{ type: 'TenantSuspended', data: { tenantId: state.tenantId, reason: command.data.reason } }];
    case 'ResumeTenant':
      if (state.status !== 'Suspended') {
        throw new DomainError('TENANT.NOT_SUSPENDED', `Only a suspended tenant can be resumed; this tenant is ${state.status}.`);
      }
      return [{ type: 'TenantResumed', data: { tenantId: state.tenantId } }];
    case 'RequestDeprovision':
      return decideDeprovision(command, state);
    case 'VerifyEmail':
      return decideVerifyEmail(command, state);
    case 'RequestVerificationEmail':
      return decideRequestVerificationEmail(command, state);
    case 'NoteSignupAttempt':
      return decideNoteSignupAttempt(command, state);
    case 'NoteProvisioningSlow':
      return decideNoteSlow(command, state);
    case 'RevealCredential':
      return decideReveal(command, state);
    case 'StartApiSecretRotation':
      return decideRotationStart(command, state);
    case 'RecordApiSecretRotated':
    case 'RecordApiSecretRotationFailed':
      return decideRotationEnd(command, state);
    default:
      return assertNever(command, 'tenant command');
  }
}

function decideSignup(command: RequestSignup, state: TenantState): TenantDraft[] {
  const d = command.data;
  if (state.exists) throw new DomainError('TENANT.ALREADY_EXISTS', `A tenant with the id "${d.tenantId}" already exists.`);
  const sub = checkSubdomain(d.subdomain);
  if (!sub.ok) throw new DomainError(sub.code, sub.message, { field: 'subdomain' });
  if (sub.subdomain !== d.subdomain) throw new DomainError('SUBDOMAIN.INVALID_CHARACTERS', 'The subdomain must be given in lower case without spaces.', { field: 'subdomain' });
  if (d.organization.trim().length === 0) throw new DomainError('TENANT.INVALID_SIGNUP', 'The organization name is empty.', { field: 'organization' });
  if (d.apps.length === 0) throw new DomainError('TENANT.INVALID_SIGNUP', 'A tenant needs at least one app to install.', { field: 'apps' });
  if (d.identityProvider === 'password' && (!d.adminPassword || !d.adminPasswordHash)) {
    throw new DomainError('TENANT.INVALID_SIGNUP', 'A password sign-up needs the sealed password and its hash.', { field: 'adminPassword' });
  }
  if (d.identityProvider === 'google' && (d.adminPassword || d.adminPasswordHash)) {
    throw new DomainError('TENANT.INVALID_SIGNUP', 'A Google sign-up carries no password.', { field: 'adminPassword' });
  }
  // Only an identity provider's word proves an email at signup; a password signup proves it later.
  const expected = d.identityProvider === 'google' ? 'proven-by-idp' : 'pending';
  if (d.emailVerification !== expected) {
    throw new DomainError('TENANT.INVALID_SIGNUP', `A ${d.identityProvider} sign-up starts with email verification "${expected}".`, { field: 'emailVerification' });
  }
  return [
    {
      type: 'SignupRequested',
      data: {
        tenantId: d.tenantId,
        organization: d.organization,
        subdomain: d.subdomain,
        siteName: d.siteName,
        adminEmail: d.adminEmail,
        identityProvider: d.identityProvider,
        apps: [...d.apps],
        ...(d.adminPassword ? { adminPassword: d.adminPassword } : {}),
        ...(d.adminPasswordHash ? { adminPasswordHash: d.adminPasswordHash } : {}),
        emailVerification: d.emailVerification,
      },
    },
  ];
}

function decideDeprovision(command: RequestDeprovision, state: TenantState): TenantDraft[] {
  const tenantId = state.tenantId;
  switch (state.status) {
    case 'Active':
    case 'Suspended':
    case 'RolledBack':
    case 'Broken':
      break;
    case 'Deprovisioning':
    case 'Deprovisioned':
      throw new DomainError('TENANT.ALREADY_DEPROVISIONED', `This tenant is already ${state.status}.`);
    default:
      throw new DomainError('TENANT.STILL_PROVISIONING', `A tenant that is ${state.status} cannot be deprovisioned until provisioning or rollback ends.`);
  }
  const requested: TenantDraft = { type: 'DeprovisionRequested', data: { tenantId, reason: command.data.reason } };
  // A site on the bench is dropped by the process manager first; without one, we are done now.
  if (state.siteMayExist) return [requested];
  return [requested, ...finishDeprovision(state)];
}

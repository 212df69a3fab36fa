/**
 * API secret rotation (pure). A rotation is held in the stream from its start to its end, so two
 * rotations never run generate_keys on the site at once: of two starts, the second is refused at
 * the stream's revision, and the secret recorded last is always the one the site has. A start
 * whose holder died (its lease passed, after the bench call's timeout killed the call) may be
 * taken over; the late holder's end is then refused, its secret never recorded.
 */
import type { TenantState } from '@tlc/tenant-events';
import { DomainError } from '../shared/domain-error.js';
import type { RecordApiSecretRotated, RecordApiSecretRotationFailed, StartApiSecretRotation } from '../tenants/commands.js';
import type { TenantDraft } from '../tenants/drafts.js';

export function decideRotationStart(command: StartApiSecretRotation, state: TenantState): TenantDraft[] {
  if (state.status !== 'Active') {
    throw new DomainError('TENANT.NOT_ACTIVE', `The API secret can be rotated only while the site is active; this tenant is ${state.status}.`);
  }
  if (!state.apiKey) throw new DomainError('CREDENTIALS.NOT_AVAILABLE', 'No API key was issued for this site yet.', { field: 'credential' });
  const held = state.apiSecretRotation;
  if (held && Date.parse(held.leaseExpiresAt) > Date.parse(command.metadata.now)) {
    throw new DomainError('CREDENTIALS.ROTATION_IN_PROGRESS', 'The API secret is being rotated already; reveal the new one when it is done.', { field: 'credential' });
  }
  const { tenantId, rotationId, leaseExpiresAt } = command.data;
  return [{ type: 'ApiSecretRotationStarted', data: { tenantId, rotationId, leaseExpiresAt } }];
}

export function decideRotationEnd(command: RecordApiSecretRotated | RecordApiSecretRotationFailed, state: TenantState): TenantDraft[] {
  const { tenantId, rotationId } = command.data;
  if (state.apiSecretRotation?.rotationId !== rotationId) {
    throw new DomainError('CREDENTIALS.ROTATION_FAILED', 'This rotation took too long and another one was started; rotate again if that one did not finish.', { field: 'credential' });
  }
  if (command.type === 'RecordApiSecretRotationFailed') return [{ type: 'ApiSecretRotationFailed', data: { tenantId, rotationId, reason: command.data.reason } }];
  // A deprovision may have started while bench ran: no secret is recorded for a tenant on its way out.
  if (state.status !== 'Active' && state.status !== 'Suspended') {
    throw new DomainError('TENANT.NOT_ACTIVE', `The tenant became ${state.status} while its API secret was rotated; the new secret is not recorded.`);
  }
  return [{ type: 'ApiSecretRotated', data: { tenantId, rotationId, apiSecret: command.data.apiSecret, durationMs: command.data.durationMs } }];
}

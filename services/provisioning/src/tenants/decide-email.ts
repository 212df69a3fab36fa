/**
 * The email-proof rules of the Tenant decider (pure). A password signup's admin email binds no
 * sign-in to the tenant until the link sent to it is used. The two anonymous triggers (asking
 * for another link, signing up again with a taken email) decide to do nothing rather than
 * refuse, so their answers look the same whoever owns what; their rate limits are folded state.
 */
import { normalizeEmail, type TenantState } from '@tlc/tenant-events';
import { DomainError } from '../shared/domain-error.js';
import type { NoteSignupAttempt, RequestVerificationEmail, VerifyEmail } from './commands.js';
import type { TenantDraft } from './drafts.js';

/**
 * Verification links to one address are capped, because anyone can ask for them (mail bombing):
 * at most MAX_VERIFICATION_EMAILS in all, the signup's own included, the gap doubling from a
 * minute (1, 2, 4, 8 min). Earlier links stay valid.
 */
export const RESEND_INTERVAL_MS = 60_000;
export const MAX_VERIFICATION_EMAILS = 5;
/** At most one "someone used your email" note per day. */
export const NOTICE_INTERVAL_MS = 24 * 3_600_000;

const GONE = new Set(['Deprovisioning', 'Deprovisioned']);
const within = (since: string | undefined, now: string, ms: number): boolean => since !== undefined && Date.parse(now) - Date.parse(since) < ms;

export function decideVerifyEmail(command: VerifyEmail, state: TenantState): TenantDraft[] {
  if (GONE.has(state.status) || normalizeEmail(command.data.email) !== state.adminEmail) {
    throw new DomainError('EMAIL.VERIFICATION_INVALID', 'This verification link is not valid any more.', { field: 'token' });
  }
  if (state.emailVerified) return [];
  return [{ type: 'EmailVerified', data: { tenantId: state.tenantId, email: state.adminEmail } }];
}

export function decideRequestVerificationEmail(command: RequestVerificationEmail, state: TenantState): TenantDraft[] {
  if (state.emailVerified || GONE.has(state.status)) return [];
  if (state.verificationRequests >= MAX_VERIFICATION_EMAILS) return [];
  const gap = RESEND_INTERVAL_MS * 2 ** Math.max(0, state.verificationRequests - 1);
  if (within(state.verificationRequestedAt, command.metadata.now, gap)) return [];
  return [{ type: 'VerificationEmailRequested', data: { tenantId: state.tenantId } }];
}

export function decideNoteSignupAttempt(command: NoteSignupAttempt, state: TenantState): TenantDraft[] {
  if (GONE.has(state.status)) return [];
  if (within(state.ownerNoticeAt, command.metadata.now, NOTICE_INTERVAL_MS)) return [];
  return [{ type: 'ExistingAccountSignupAttempted', data: { tenantId: state.tenantId } }];
}

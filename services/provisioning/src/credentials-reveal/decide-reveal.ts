/**
 * Reveal-once (pure): an Active tenant's owner may see its API secret, and a Google sign-up its
 * generated desk password, one time each. The second ask is refused with a code that says what
 * to do instead (rotate: a new value, shown once again). Whether the sealed value exists is the
 * service's to check (it lives in the issuing event, not in the folded state).
 */
import type { TenantState } from '@tlc/tenant-events';
import { DomainError } from '../shared/domain-error.js';
import type { RevealCredential } from '../tenants/commands.js';
import type { TenantDraft } from '../tenants/drafts.js';

export const CREDENTIAL_WORDS = { 'api-secret': 'API secret', 'admin-password': 'desk password' } as const;

export function decideReveal(command: RevealCredential, state: TenantState): TenantDraft[] {
  const { credential } = command.data;
  const what = CREDENTIAL_WORDS[credential];
  if (state.status !== 'Active') {
    throw new DomainError('CREDENTIALS.NOT_AVAILABLE', `The ${what} is shown only while the site is active; this tenant is ${state.status}.`, { field: 'credential' });
  }
  if (credential === 'admin-password' && state.identityProvider !== 'google') {
    throw new DomainError('CREDENTIALS.NOT_AVAILABLE', "This site's desk password is the one chosen at signup; none was generated.", { field: 'credential' });
  }
  if (credential === 'api-secret' && !state.apiKey) {
    throw new DomainError('CREDENTIALS.NOT_AVAILABLE', 'No API key was issued for this site yet.', { field: 'credential' });
  }
  if (state.revealed?.includes(credential)) {
    throw new DomainError('CREDENTIALS.ALREADY_REVEALED', `The ${what} was shown once already and is not shown again. Rotate it to get a new one.`, { field: 'credential' });
  }
  return [{ type: 'CredentialRevealed', data: { tenantId: state.tenantId, credential } }];
}

/**
 * The dashboard's calls to the provisioning API's credential routes, through the typed client
 * (lib/provisioning.ts; server-only: the bearer never reaches a browser), and what each answer
 * means in words for the owner.
 */
import type { Schemas } from '@tlc/api-client';
import { getCredentials, revealCredential as reveal, rotateApiSecret as rotate } from '../../../lib/provisioning';

export type CredentialsOverview = Schemas['CredentialsOverview'];
export type CredentialState = CredentialsOverview['apiSecret'];
export type Credential = 'api-secret' | 'admin-password';
export const CREDENTIALS: readonly Credential[] = ['api-secret', 'admin-password'];

/** What the browser gets back from a reveal: the value once, or why not in words. */
export type RevealOutcome = { readonly ok: true; readonly login: string; readonly value: string } | { readonly ok: false; readonly code: string; readonly message: string };
/** What the browser gets back from a rotation: the new secret's state (never its value), or why not. */
export type RotateOutcome = { readonly ok: true; readonly apiSecret: CredentialState } | { readonly ok: false; readonly code: string; readonly message: string };

const UNAVAILABLE = { ok: false, code: 'PROVISIONING.UNAVAILABLE' } as const;

/** Which credentials can still be shown; null when the API cannot say right now. */
export async function credentialsOverview(tenantId: string): Promise<CredentialsOverview | null> {
  try {
    const r = await getCredentials(tenantId);
    return r.ok ? r.body : null;
  } catch {
    return null;
  }
}

const WORDS: Record<string, string> = {
  'CREDENTIALS.ALREADY_REVEALED': 'It was shown once already, and it is not shown again.',
  'CREDENTIALS.NOT_AVAILABLE': 'There is nothing to show for this site right now.',
  'SECRETS.KEY_DESTROYED': 'It can no longer be read: the site was removed.',
  'TENANT.NOT_ACTIVE': 'The API secret can be rotated only while the site is active.',
  'CREDENTIALS.ROTATION_IN_PROGRESS': 'A new API secret is being made already; reload in a moment to show it.',
  'CREDENTIALS.ROTATION_FAILED': 'The site did not make a new API secret. The one before may still work; try again in a moment.',
  'CREDENTIALS.ROTATION_UNAVAILABLE': 'A new API secret cannot be made right now; try again in a moment.',
};

export async function revealCredential(tenantId: string, credential: Credential): Promise<RevealOutcome> {
  try {
    const r = await reveal(tenantId, credential);
    if (r.ok) return r.body.credential === 'api-secret' ? { ok: true, login: r.body.apiKey, value: r.body.apiSecret } : { ok: true, login: r.body.login, value: r.body.password };
    return { ok: false, code: r.problem.code, message: WORDS[r.problem.code] ?? 'It could not be shown. Nothing was used up; try again in a moment.' };
  } catch {
    return { ...UNAVAILABLE, message: 'Our servers did not answer. Nothing was shown; try again in a moment.' };
  }
}

export async function rotateApiSecret(tenantId: string): Promise<RotateOutcome> {
  try {
    const r = await rotate(tenantId);
    if (r.ok) return { ok: true, apiSecret: r.body.apiSecret };
    return { ok: false, code: r.problem.code, message: WORDS[r.problem.code] ?? 'A new API secret could not be made. Try again in a moment.' };
  } catch {
    return { ...UNAVAILABLE, message: 'Our servers did not answer in time. Reload in a moment to see whether a new secret was made.' };
  }
}

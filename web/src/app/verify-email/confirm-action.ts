'use server';
/** Uses the token from a confirmation email (a POST: only a person pressing the button confirms). */
import { confirmEmail, ProvisioningUnavailable } from '../../lib/provisioning';

export type ConfirmState = { readonly kind: 'idle' } | { readonly kind: 'confirmed'; readonly email: string; readonly signInUrl: string } | { readonly kind: 'failed'; readonly message: string };

export async function confirmAction(prev: ConfirmState, fd: FormData): Promise<ConfirmState> {
  const value = fd.get('token');
  const token = typeof value === 'string' ? value : '';
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(token)) return { kind: 'failed', message: 'This link is not valid.' };
  try {
    const r = await confirmEmail(token);
    if (r.ok) {
      const callbackUrl = `/signup/${r.body.tenantId}`;
      return { kind: 'confirmed', email: r.body.email, signInUrl: `/login?callbackUrl=${encodeURIComponent(callbackUrl)}&email=${encodeURIComponent(r.body.email)}` };
    }
    if (r.problem.status === 429) return { kind: 'failed', message: 'Too many attempts from your network. Please wait a minute and try again.' };
    return { kind: 'failed', message: 'This link does not work any more (it may have expired, or the signup was removed).' };
  } catch (err) {
    if (!(err instanceof ProvisioningUnavailable)) throw err;
    return { kind: 'failed', message: 'We cannot confirm addresses right now. Please try again in a moment.' };
  }
}

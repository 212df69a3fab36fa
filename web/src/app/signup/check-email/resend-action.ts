'use server';
/** "Send the link again": the answer is the same for every address, so it reveals nothing. */
import { ProvisioningUnavailable, resendVerification } from '../../../lib/provisioning';

export interface ResendState {
  readonly email: string;
  readonly message?: string;
  readonly error?: boolean;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;

export async function resendAction(prev: ResendState, fd: FormData): Promise<ResendState> {
  const value = fd.get('email');
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!EMAIL.test(email)) return { email, message: 'Please enter the email address you signed up with.', error: true };
  try {
    const r = await resendVerification(email);
    if (!r.ok && r.problem.status === 429) return { email, message: 'Too many attempts from your network. Please wait a minute and try again.', error: true };
  } catch (err) {
    if (!(err instanceof ProvisioningUnavailable)) throw err;
    return { email, message: 'We cannot send messages right now. Please try again in a moment.', error: true };
  }
  return { email, message: 'If that address has a signup waiting for confirmation, a new link is on its way (at most one a minute).' };
}

'use server';
import { tenantAccess } from '../../../lib/tenant-access';
import { CREDENTIALS, revealCredential, type Credential, type RevealOutcome } from './credentials-api';

/**
 * Shows a credential once, for the signed-in owner of this tenant only (checked again here: a
 * server action is a public endpoint, whatever page rendered its button).
 */
export async function revealAction(slug: string, credential: Credential): Promise<RevealOutcome> {
  if (typeof slug !== 'string' || !CREDENTIALS.includes(credential)) return { ok: false, code: 'REQUEST.BAD', message: 'That cannot be shown.' };
  const access = await tenantAccess(slug);
  if (access.kind !== 'member') return { ok: false, code: 'AUTH.UNAUTHORIZED', message: 'Sign in again to see this.' };
  if (access.doc.status !== 'Active') return { ok: false, code: 'CREDENTIALS.NOT_AVAILABLE', message: 'It is shown only while the site is active.' };
  return revealCredential(access.doc.tenantId, credential);
}

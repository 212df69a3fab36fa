'use server';
import { tenantAccess } from '../../../lib/tenant-access';
import { rotateApiSecret, type RotateOutcome } from './credentials-api';

/**
 * Makes a new API secret for the signed-in owner of this tenant only (checked again here: a
 * server action is a public endpoint, whatever page rendered its button). The answer is never
 * the secret: the owner shows it once afterwards, like the first one.
 */
export async function rotateAction(slug: string): Promise<RotateOutcome> {
  if (typeof slug !== 'string') return { ok: false, code: 'REQUEST.BAD', message: 'That cannot be rotated.' };
  const access = await tenantAccess(slug);
  if (access.kind !== 'member') return { ok: false, code: 'AUTH.UNAUTHORIZED', message: 'Sign in again to do this.' };
  if (access.doc.status !== 'Active') return { ok: false, code: 'TENANT.NOT_ACTIVE', message: 'The API secret can be rotated only while the site is active.' };
  return rotateApiSecret(access.doc.tenantId);
}

'use server';
import { redirect } from 'next/navigation';
import { retryTenant } from '../../../lib/provisioning';
import { readSession } from '../../../lib/session';

/** Retry after a rollback: only the tenant's own signed-in person may ask for it. */
export async function retryAction(tenantId: string): Promise<void> {
  const session = await readSession();
  if (session?.tenantId !== tenantId) redirect(`/login?callbackUrl=${encodeURIComponent(`/signup/${tenantId}`)}`);
  await retryTenant(tenantId);
  redirect(`/signup/${tenantId}?retried=1`);
}

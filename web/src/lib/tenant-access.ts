/**
 * Who may see a tenant-host page, decided from the read model and the session token. Both the
 * tenant layout and each page call it: Next renders them concurrently (and client navigations
 * re-render only the page), so a check in the layout alone would not protect a page.
 */
import { config, tenantUrl } from './config';
import { cachedTenantBySubdomain, isLive, type TenantLookupDoc } from './lookup';
import { readSession, type SessionToken } from './session';

export type TenantAccess =
  | { readonly kind: 'member'; readonly doc: TenantLookupDoc; readonly session: SessionToken }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'sign-in'; readonly url: string }
  | { readonly kind: 'forbidden'; readonly session: SessionToken };

export async function tenantAccess(slug: string): Promise<TenantAccess> {
  const doc = await cachedTenantBySubdomain(slug);
  if (!isLive(doc) || doc.subdomain !== slug) return { kind: 'not-found' };
  const session = await readSession();
  if (!session) return { kind: 'sign-in', url: new URL(`/login?callbackUrl=${encodeURIComponent(tenantUrl(slug))}`, config().publicUrl).href };
  // By tenant id, not by name: a subdomain released and taken again belongs to someone else.
  if (session.tenantId !== doc.tenantId) return { kind: 'forbidden', session };
  return { kind: 'member', doc, session };
}

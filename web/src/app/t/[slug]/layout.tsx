/**
 * Every tenant-host page passes here (the proxy rewrote `acme.ROOT_DOMAIN/...` to `/t/acme/...`).
 * Checks again what the proxy checked, against the read model this time: the tenant exists
 * (else 404), the person is signed in (else to the apex sign-in) and is a member (else 403,
 * rendering nothing of this tenant).
 */
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { config, tenantUrl } from '../../../lib/config';
import { cachedTenantBySubdomain, isLive } from '../../../lib/lookup';
import { readSession } from '../../../lib/session';
import Forbidden from '../../forbidden/page';
import { TopBar } from '../../components/top-bar';

export const dynamic = 'force-dynamic';

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const doc = await cachedTenantBySubdomain(slug);
  if (!isLive(doc) || doc.subdomain !== slug) notFound();
  const session = await readSession();
  if (!session) redirect(new URL(`/login?callbackUrl=${encodeURIComponent(tenantUrl(slug))}`, config().publicUrl).href);
  if (session.tenantId !== doc.tenantId) return <Forbidden />;
  return (
    <>
      <TopBar email={session.email} />
      <main id="main">{children}</main>
    </>
  );
}

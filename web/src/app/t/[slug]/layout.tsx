/**
 * Every tenant-host page passes here (the proxy rewrote `acme.ROOT_DOMAIN/...` to `/t/acme/...`).
 * Checks again what the proxy checked, against the read model this time: the tenant exists
 * (else 404), the person is signed in (else to the apex sign-in) and is a member (else 403,
 * rendering nothing of this tenant).
 */
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { tenantAccess } from '../../../lib/tenant-access';
import Forbidden from '../../forbidden/page';
import { TopBar } from '../../components/top-bar';

export const dynamic = 'force-dynamic';

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const access = await tenantAccess((await params).slug);
  switch (access.kind) {
    case 'not-found':
      notFound();
    case 'sign-in':
      redirect(access.url);
    case 'forbidden':
      return <Forbidden />;
    case 'member':
      return (
        <>
          <TopBar email={access.session.email} />
          <main id="main">{children}</main>
        </>
      );
    default: {
      const never: never = access;
      throw new Error(`unhandled access ${JSON.stringify(never)}`);
    }
  }
}

import { notFound, redirect } from 'next/navigation';
import { tenantUrl } from '../../../../lib/config';
import { tenantAccess } from '../../../../lib/tenant-access';

export const dynamic = 'force-dynamic';

/**
 * `/app` on a tenant host reaches this app only when no ERPNext desk is routed there (the local
 * stack, whose bench simulator makes no real site): say so and lead back, instead of a 404. With
 * a real bench, the edge sends `/app` to the site and this page is never reached.
 */
export default async function NoDeskHere({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await tenantAccess(slug);
  if (access.kind === 'not-found') notFound();
  if (access.kind === 'sign-in') redirect(access.url);
  if (access.kind !== 'member') return null;
  return (
    <div className="card" data-testid="no-desk">
      <h1>No ERPNext desk here</h1>
      <p>
        This is where the ERPNext desk of <strong>{access.doc.organization}</strong> would open. This stack builds sites with the bench simulator, which makes no real site, so there is no desk to log
        in to.
      </p>
      <p>
        With a real bench, you log in here as <strong>{access.doc.adminEmail}</strong> with your desk password.
      </p>
      <p>
        <a href={tenantUrl(slug)}>Back to your dashboard</a>
      </p>
    </div>
  );
}

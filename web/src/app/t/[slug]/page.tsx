import { notFound, redirect } from 'next/navigation';
import { config } from '../../../lib/config';
import { tenantById } from '../../../lib/lookup';
import { tenantAccess } from '../../../lib/tenant-access';

export const dynamic = 'force-dynamic';

/**
 * The tenant dashboard: organization, status, site URL and desk link, API key issued or not. A
 * suspended tenant shows its notice instead, a failed build a pointer to its progress page.
 */
export default async function Dashboard({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await tenantAccess(slug);
  if (access.kind === 'not-found') notFound();
  if (access.kind === 'sign-in') redirect(access.url);
  if (access.kind !== 'member') return null;
  // Uncached: the dashboard shows the status as of now.
  const doc = (await tenantById(access.doc.tenantId)) ?? access.doc;
  const apiKey = doc.steps.find((s) => s.key === 'api-keys')?.status === 'succeeded';
  const desk = doc.siteUrl ? new URL('/app', doc.siteUrl).href : undefined;
  // Suspended: the notice only, none of the dashboard (issue 18).
  if (doc.suspended || doc.status === 'Suspended') {
    return (
      <div className="card" data-testid="suspended">
        <h1>{doc.organization}</h1>
        <div className="notice" role="alert">
          <p><strong>This site is suspended.</strong> Your data is kept safe, but the site and its desk are closed until it is resumed.</p>
          <p>Contact support to resume it.</p>
        </div>
      </div>
    );
  }
  // A build that went wrong: its notice and what happens next live on the progress page.
  if (doc.status === 'Broken' || doc.status === 'RollingBack' || doc.status === 'Failed') {
    return (
      <div className="card">
        <h1>{doc.organization}</h1>
        <div className="notice" role="alert">
          <p>Your site could not be built.</p>
          <p><a href={new URL(`/signup/${doc.tenantId}`, config().publicUrl).href}>See what happened and what happens next</a></p>
        </div>
      </div>
    );
  }
  // The read model may trail the write side by a moment right after activation: look again soon.
  const settling = doc.status === 'Requested' || doc.status === 'Provisioning';
  return (
    <div className="card">
      {settling ? <meta httpEquiv="refresh" content="1" /> : null}
      <h1>{doc.organization}</h1>
      <dl className="facts">
        <dt>Status</dt><dd data-testid="tenant-status">{doc.status}</dd>
        <dt>Site</dt><dd>{doc.siteUrl ? <a href={doc.siteUrl}>{doc.siteUrl}</a> : 'Not ready yet'}</dd>
        <dt>ERP desk</dt><dd>{desk && doc.status === 'Active' ? <a href={desk}>Open the ERPNext desk</a> : 'Not available'}</dd>
        <dt>API key</dt><dd>{apiKey ? 'Issued' : 'Not issued yet'}</dd>
        <dt>Admin</dt><dd>{doc.adminEmail}</dd>
      </dl>
    </div>
  );
}

import { notFound, redirect } from 'next/navigation';
import { tenantById } from '../../../lib/lookup';
import { tenantAccess } from '../../../lib/tenant-access';

export const dynamic = 'force-dynamic';

/** The tenant dashboard: organization, status, site URL and desk link, API key issued or not. */
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
  // The read model may trail the write side by a moment right after activation: look again soon.
  const settling = doc.status === 'Requested' || doc.status === 'Provisioning';
  return (
    <div className="card">
      {settling ? <meta httpEquiv="refresh" content="1" /> : null}
      {doc.suspended || doc.status === 'Suspended' ? (
        <div className="notice" role="alert">This site is suspended. Your data is kept safe; contact support to resume it.</div>
      ) : null}
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

import { notFound, redirect } from 'next/navigation';
import { config, tenantUrl } from '../../../lib/config';
import { tenantById } from '../../../lib/lookup';
import { tenantAccess } from '../../../lib/tenant-access';
import { ApiSecret } from './api-secret';
import { credentialsOverview } from './credentials-api';
import { RevealOnce } from './reveal-once';

export const dynamic = 'force-dynamic';

/**
 * The tenant dashboard: organization, status, site URL, how to log in to the desk, the API key
 * and its secret (shown once, rotatable). A suspended tenant shows its notice instead, a failed build a
 * pointer to its progress page.
 */
export default async function Dashboard({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await tenantAccess(slug);
  if (access.kind === 'not-found') notFound();
  if (access.kind === 'sign-in') redirect(access.url);
  if (access.kind !== 'member') return null;
  // Uncached: the dashboard shows the status as of now.
  const doc = (await tenantById(access.doc.tenantId)) ?? access.doc;
  const desk = doc.siteUrl ? new URL('/app', doc.siteUrl).href : undefined;
  // A site URL that is this dashboard's own address (the local stack with the bench simulator,
  // which makes no real site) has no desk behind it: say so instead of linking to a 404.
  const noDeskHere = doc.siteUrl !== null && doc.siteUrl !== undefined && new URL(doc.siteUrl).host === new URL(tenantUrl(slug)).host;
  // Suspended: the notice only, none of the dashboard (issue 18).
  if (doc.suspended || doc.status === 'Suspended') {
    return (
      <div className="card" data-testid="suspended">
        <h1>{doc.organization}</h1>
        <div className="notice" role="alert">
          <p>
            <strong>This site is suspended.</strong> Your data is kept safe, but the site and its desk are closed until it is resumed.
          </p>
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
          <p>
            <a href={new URL(`/signup/${doc.tenantId}`, config().publicUrl).href}>See what happened and what happens next</a>
          </p>
        </div>
      </div>
    );
  }
  // The read model may trail the write side by a moment right after activation: look again soon.
  const settling = doc.status === 'Requested' || doc.status === 'Provisioning';
  const creds = doc.status === 'Active' ? await credentialsOverview(doc.tenantId) : null;
  return (
    <div className="card">
      {settling ? <meta httpEquiv="refresh" content="1" /> : null}
      <h1>{doc.organization}</h1>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="tenant-status">{doc.status}</dd>
        <dt>Site</dt>
        <dd>{doc.siteUrl ? <a href={doc.siteUrl}>{doc.siteUrl}</a> : 'Not ready yet'}</dd>
        <dt>ERP desk</dt>
        <dd data-testid="desk">
          {!desk || doc.status !== 'Active' ? (
            'Not available'
          ) : noDeskHere ? (
            <span className="muted">
              No ERPNext desk answers at this address: this stack builds sites with the bench simulator, which makes no real site. With a real bench, this opens the desk at {desk}.
            </span>
          ) : (
            <a className="button" href={desk}>
              Log in to your site
            </a>
          )}
        </dd>
        <dt>Desk login</dt>
        <dd data-testid="desk-login">{doc.adminEmail}</dd>
        <dt>Desk password</dt>
        <dd>
          {creds?.identityProvider === 'google' ? (
            <RevealOnce slug={slug} credential="admin-password" label="desk password" initial={creds.adminPassword} />
          ) : (
            'The password you chose when you signed up.'
          )}
        </dd>
        <dt>API key</dt>
        <dd data-testid="api-key">{creds?.apiKey ? <code>{creds.apiKey}</code> : 'Not issued yet'}</dd>
        <dt>API secret</dt>
        <dd>{creds ? <ApiSecret slug={slug} initial={creds.apiSecret} /> : 'Not available right now'}</dd>
      </dl>
    </div>
  );
}

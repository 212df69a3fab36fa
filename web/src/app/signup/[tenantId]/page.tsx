import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { tenantUrl } from '../../../lib/config';
import { stepMedians } from '../../../lib/lookup';
import { toProgressView, type ProgressView } from '../../../lib/progress-view';
import { getTenant, ProvisioningUnavailable } from '../../../lib/provisioning';
import { readSession } from '../../../lib/session';
import { TopBar } from '../../components/top-bar';
import { Progress } from './progress';

export const dynamic = 'force-dynamic';

export default async function ProgressPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  const session = await readSession();
  if (session?.tenantId !== tenantId) {
    return (
      <>
        <TopBar email={session?.email} />
        <main id="main"><div className="card">
          <h1>Follow your signup</h1>
          <p>Please sign in with the account that created this site to follow its progress.</p>
          <Link className="button" href={`/login?callbackUrl=${encodeURIComponent(`/signup/${tenantId}`)}`}>Sign in</Link>
        </div></main>
      </>
    );
  }
  let view: ProgressView | null = null;
  let unavailable = false;
  try {
    const r = await getTenant(tenantId);
    if (r.ok) view = toProgressView(r.body);
  } catch (err) {
    if (!(err instanceof ProvisioningUnavailable)) throw err;
    unavailable = true;
  }
  const medians = await stepMedians().catch(() => ({}));
  return (
    <>
      <TopBar email={session.email} />
      <main id="main">
        <div className="card">
          {view ? (
            <Progress key={randomUUID()} tenantId={tenantId} initial={view} medians={medians}
              dashboardUrl={tenantUrl(view.subdomain || session.subdomain || '')} />
          ) : (
            <>
              <h1>Building your site</h1>
              <p role="status">{unavailable ? 'We cannot reach our site builder right now. Your signup is safe; this page will try again.' : 'Starting…'}</p>
              <meta httpEquiv="refresh" content="3" />
            </>
          )}
        </div>
      </main>
    </>
  );
}

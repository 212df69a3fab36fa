import Link from 'next/link';
import { randomUUID } from 'node:crypto';
import { tenantUrl } from '../../../lib/config';
import { stepMedians } from '../../../lib/lookup';
import { retryFromHistory, retryOf, toProgressView, type ProgressView, type RetryInfo } from '../../../lib/progress-view';
import { getTenant, getTenantHistory, ProvisioningUnavailable } from '../../../lib/provisioning';
import { readSession } from '../../../lib/session';
import { TopBar } from '../../components/top-bar';
import { Progress } from './progress';

export const dynamic = 'force-dynamic';

/**
 * How many times the process manager tries a step that fails for a passing reason: its
 * PM_MAX_ATTEMPTS when the web is given it too, else the service's default (5).
 */
function maxAttempts(): number {
  const n = Number(process.env.PM_MAX_ATTEMPTS ?? 5);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : 5;
}

export default async function ProgressPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  const session = await readSession();
  if (session?.tenantId !== tenantId) {
    return (
      <>
        <TopBar email={session?.email} />
        <main id="main">
          <div className="card">
            <h1>Follow your signup</h1>
            <p>Please sign in with the account that created this site to follow its progress.</p>
            <Link className="button" href={`/login?callbackUrl=${encodeURIComponent(`/signup/${tenantId}`)}`}>
              Sign in
            </Link>
          </div>
        </main>
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
  // A step waiting for its retry: when it comes, from the history (the status does not say).
  let retry: RetryInfo | undefined;
  if (view && retryOf(view)) {
    const h = await getTenantHistory(tenantId).catch(() => undefined);
    retry = h?.ok ? retryFromHistory(h.body.events) : undefined;
  }
  const medians = await stepMedians().catch(() => ({}));
  return (
    <>
      <TopBar email={session.email} />
      <main id="main">
        <div className="card">
          {view ? (
            <Progress
              key={randomUUID()}
              tenantId={tenantId}
              initial={view}
              medians={medians}
              maxAttempts={maxAttempts()}
              initialRetry={retry}
              dashboardUrl={tenantUrl(view.subdomain || session.subdomain || '')}
            />
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

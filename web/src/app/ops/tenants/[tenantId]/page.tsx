/**
 * One tenant for an operator: facts from the read model, the event timeline (time, actor, event,
 * tenantctl's one-line summary, a failure's reason and bench's output), the state as of any
 * event, the hash chain's verdict, and the lifecycle actions with a typed confirmation.
 * Everything but the actions is a GET; nothing needs JavaScript.
 */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireOperator } from '../../../../lib/ops/access';
import { tenantHistory } from '../../../../lib/ops/ops-api';
import { asOfChoices, timelineRows } from '../../../../lib/ops/timeline';
import { tenantDoc } from '../../../../lib/ops/tenants';
import { StatusBadge, utc } from '../../status-badge';
import { lifecycleAction } from './actions';

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Which actions the tenant's status allows (the API decides again; this only hides the useless). */
function actionsFor(status: string): { action: 'retry' | 'suspend' | 'resume' | 'deprovision'; label: string; reason: boolean }[] {
  const out: { action: 'retry' | 'suspend' | 'resume' | 'deprovision'; label: string; reason: boolean }[] = [];
  if (status === 'RolledBack') out.push({ action: 'retry', label: 'Retry provisioning', reason: false });
  if (status === 'Active') out.push({ action: 'suspend', label: 'Suspend', reason: true });
  if (status === 'Suspended') out.push({ action: 'resume', label: 'Resume', reason: false });
  if (!['Deprovisioned', 'Deprovisioning', 'Requested', 'Provisioning', 'RollingBack'].includes(status)) out.push({ action: 'deprovision', label: 'Deprovision', reason: true });
  return out;
}

export default async function TenantPage({ params, searchParams }: { params: Promise<{ tenantId: string }>; searchParams: Search }) {
  await requireOperator();
  const { tenantId } = await params;
  const sp = await searchParams;
  const doc = await tenantDoc(tenantId);
  if (!doc) notFound();
  const asOf = one(sp.asOf);
  const [full, asOfAnswer] = await Promise.all([tenantHistory(doc.tenantId), asOf ? tenantHistory(doc.tenantId, asOf) : Promise.resolve(null)]);
  if (!full.ok) {
    return (
      <div className="alert">
        <p>The provisioning service did not give this tenant&apos;s history: {full.problem.code}.</p>
      </div>
    );
  }
  const history = full.body;
  const rows = timelineRows(history.events);
  const asOfState = asOfAnswer?.ok ? asOfAnswer.body.state : history.state;
  const done = one(sp.done);
  const error = one(sp.error);
  return (
    <>
      <p>
        <Link href="/ops">← Tenants</Link>
      </p>
      <section className="card">
        <h1>
          {doc.organization} <span className="muted">({doc.subdomain})</span>
        </h1>
        {done ? (
          <p className="ok" role="status" data-testid="action-done">
            Done: {done}. The timeline below includes what it recorded.
          </p>
        ) : null}
        {error ? (
          <div className="alert" role="alert">
            <p>{error}</p>
          </div>
        ) : null}
        <dl className="facts">
          <dt>Status now</dt>
          <dd>
            <StatusBadge status={history.state?.status ?? doc.status} />
          </dd>
          <dt>Tenant id</dt>
          <dd>
            <code>{doc.tenantId}</code>
          </dd>
          <dt>Admin email</dt>
          <dd>{doc.adminEmail}</dd>
          <dt>Site</dt>
          <dd>{doc.siteUrl ?? '—'}</dd>
          <dt>Signed up</dt>
          <dd>{utc(doc.createdAt)}</dd>
          <dt>Hash chain</dt>
          <dd data-testid="chain">
            {history.chain.valid ? (
              <span className="ok">verified: {history.events.length} events, each linked to the one before</span>
            ) : (
              <span className="error">BROKEN: {history.chain.problems.map((p) => `#${p.revision} ${p.kind}: ${p.message}`).join('; ')}</span>
            )}
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="asof">
        <h2 id="asof">State as of</h2>
        <form className="filters" method="get">
          <div>
            <label htmlFor="asOf">Instant</label>
            <select id="asOf" name="asOf" defaultValue={asOf}>
              <option value="">Now</option>
              {asOfChoices(history.events).map((c) => (
                <option key={c.value + c.label} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            Show
          </button>
        </form>
        {asOfAnswer && !asOfAnswer.ok ? (
          <p className="error">
            {asOfAnswer.problem.code}: {asOfAnswer.problem.detail}
          </p>
        ) : null}
        <p data-testid="as-of-state">
          {asOf ? `At ${utc(asOf)}: ` : 'Now: '}
          {asOfState ? <StatusBadge status={asOfState.status} /> : 'the tenant did not exist yet'}
        </p>
      </section>

      <section className="card" aria-labelledby="actions">
        <h2 id="actions">Actions</h2>
        {actionsFor(history.state?.status ?? doc.status).map((a) => (
          <details key={a.action} className="action" data-action={a.action}>
            <summary>{a.label}</summary>
            <form action={lifecycleAction}>
              <input type="hidden" name="tenantId" value={doc.tenantId} />
              <input type="hidden" name="action" value={a.action} />
              {a.reason ? (
                <>
                  <label htmlFor={`reason-${a.action}`}>Reason (recorded in the event)</label>
                  <input id={`reason-${a.action}`} name="reason" type="text" maxLength={500} size={50} />
                </>
              ) : null}
              <label htmlFor={`confirm-${a.action}`}>
                Type <code>{doc.subdomain}</code> to confirm
              </label>
              <input id={`confirm-${a.action}`} name="confirm" type="text" required autoComplete="off" />
              <p>
                <button type="submit">{a.label}</button>
              </p>
            </form>
          </details>
        ))}
      </section>

      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <table data-testid="timeline">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Time</th>
              <th>Actor</th>
              <th>Event</th>
              <th>Summary</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.revision} data-type={r.type}>
                <td className="num">{r.revision}</td>
                <td>{utc(r.at)}</td>
                <td>{r.actor}</td>
                <td>{r.type}</td>
                <td>
                  {r.summary}
                  {r.failure?.output ? (
                    <pre className="output" aria-label="Command output">
                      {r.failure.output}
                    </pre>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

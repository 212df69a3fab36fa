/**
 * Tenants: the attention queue (Broken, then failed and rolled back) above a table searched,
 * filtered and paged by the read model's own queries. Plain GET forms and links: no JavaScript.
 */
import Link from 'next/link';
import { requireOperator } from '../../lib/ops/access';
import { STATUSES, attentionQueue, parseTableQuery, tenantTable } from '../../lib/ops/tenants';
import type { TenantLookupDoc } from '../../lib/lookup';
import { StatusBadge, utc } from './status-badge';

function Rows({ items }: { items: readonly TenantLookupDoc[] }) {
  return (
    <tbody>
      {items.map((t) => {
        const failed = t.steps.find((s) => s.status === 'failed');
        return (
          <tr key={t.tenantId} data-tenant={t.subdomain}>
            <td>
              <Link href={`/ops/tenants/${t.tenantId}`}>{t.subdomain}</Link>
            </td>
            <td>{t.organization}</td>
            <td>{t.adminEmail}</td>
            <td>
              <StatusBadge status={t.status} />
              {failed ? <span className="muted"> at {failed.key}</span> : null}
            </td>
            <td>{utc(t.createdAt)}</td>
            <td>{utc(t.updatedAt)}</td>
          </tr>
        );
      })}
    </tbody>
  );
}

const Head = () => (
  <thead>
    <tr>
      <th>Subdomain</th>
      <th>Organisation</th>
      <th>Admin email</th>
      <th>Status</th>
      <th>Signed up</th>
      <th>Last change</th>
    </tr>
  </thead>
);

export default async function TenantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const query = parseTableQuery(await searchParams);
  const [queue, table] = await Promise.all([attentionQueue(), tenantTable(query)]);
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    if (query.status) p.set('status', query.status);
    p.set('page', String(page));
    return `/ops?${p}`;
  };
  return (
    <>
      <section className="card" aria-labelledby="queue">
        <h1 id="queue">
          Needs attention <span className="muted">({queue.total})</span>
        </h1>
        {queue.items.length === 0 ? (
          <p className="muted">No tenant is Broken, failed or rolled back.</p>
        ) : (
          <table data-testid="attention">
            <Head />
            <Rows items={queue.items} />
          </table>
        )}
        {queue.total > queue.items.length ? <p className="hint">Showing the first of each kind; filter the table below by status for all.</p> : null}
      </section>
      <section className="card" aria-labelledby="all">
        <h2 id="all">All tenants</h2>
        <form className="filters" method="get" action="/ops" role="search">
          <div>
            <label htmlFor="q">Subdomain, admin email or tenant id</label>
            <input id="q" name="q" type="search" defaultValue={query.q} size={32} />
          </div>
          <div>
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={query.status ?? ''}>
              <option value="">Any</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Search</button>
        </form>
        <p className="muted" data-testid="table-total">
          {query.q ? `${table.total} match${table.total === 1 ? '' : 'es'} for "${query.q}"` : `${table.total} tenant${table.total === 1 ? '' : 's'}`}
          {query.status ? ` with status ${query.status}` : ''}
        </p>
        <table data-testid="tenants">
          <Head />
          <Rows items={table.items} />
        </table>
        {table.pages > 1 ? (
          <div className="pager">
            {table.page > 1 ? (
              <Link href={pageHref(table.page - 1)} rel="prev">
                Previous
              </Link>
            ) : null}
            <span>
              Page {table.page} of {table.pages}
            </span>
            {table.page < table.pages ? (
              <Link href={pageHref(table.page + 1)} rel="next">
                Next
              </Link>
            ) : null}
          </div>
        ) : null}
      </section>
    </>
  );
}

/**
 * Provisioning health: the figures the service folds from the event log (GET /v1/ops/health,
 * the same ones /metrics gives Prometheus), drawn as server-side SVG, so no JavaScript is
 * needed; the two per-hour time series become uPlot charts (zoom, cursor values) when it runs.
 */
import { requireOperator } from '../../../lib/ops/access';
import { opsHealth } from '../../../lib/ops/ops-api';
import { HourlyChart } from './hourly-chart';
import { BarChart, LineChart } from './svg-charts';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const secs = (v: number | null) => (v === null ? '—' : v >= 120 ? `${(v / 60).toFixed(1)} min` : `${v.toFixed(1)} s`);
const RANGES = [6, 24, 48, 168];

export default async function HealthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const asked = Number((await searchParams).hours);
  const hours = RANGES.includes(asked) ? asked : 48;
  const r = await opsHealth(hours);
  if (!r.ok)
    return (
      <div className="alert">
        <p>The provisioning service did not give its figures: {r.problem.code}.</p>
      </div>
    );
  const h = r.body;
  const labels = h.hours.map((x) => x.hour.slice(11, 13) + 'h');
  const every = Math.ceil(h.hours.length / 16);
  return (
    <>
      <h1>Provisioning health</h1>
      <p className="muted">
        Folded from the event log up to position {h.checkpoint} at {h.generatedAt.replace('T', ' ').slice(0, 19)} UTC. Last{' '}
        {RANGES.map((n) => (
          <a key={n} href={`/ops/health?hours=${n}`} style={{ marginRight: '.5rem', fontWeight: n === hours ? 700 : 400 }}>
            {n} h
          </a>
        ))}
      </p>
      <div className="grid">
        <section className="card">
          <h2>Success rate</h2>
          <p className="figure" data-testid="success-rate">
            {pct(h.totals.successRate)}
          </p>
          <p className="hint">
            {h.totals.activations} active, {h.totals.rollbacks} rolled back, {h.totals.brokenEvents} broken, of {h.totals.signups} signups
          </p>
        </section>
        <section className="card">
          <h2>Signup to Active</h2>
          <p className="figure">p50 {secs(h.signupToActive.p50)}</p>
          <p className="hint">
            p95 {secs(h.signupToActive.p95)}, mean {secs(h.signupToActive.mean)} over {h.signupToActive.count} tenants
          </p>
        </section>
        <section className="card">
          <h2>Broken now</h2>
          <p className="figure" data-testid="broken-now">
            {h.totals.brokenNow}
          </p>
          <p className="hint">Tenants whose rollback could not finish; each needs an operator.</p>
        </section>
        <section className="card">
          <h2>Warm pool</h2>
          {h.pool ? (
            <>
              <p className="figure">{h.pool.ready} ready</p>
              <p className="hint">
                {h.pool.building} building, {h.pool.claimed} claimed, {h.pool.failed} failed
              </p>
            </>
          ) : (
            <p className="muted">No warm pool runs.</p>
          )}
        </section>
        <section className="card">
          <h2>Projection lag</h2>
          {h.lag ? (
            <>
              <p className="figure">
                {h.lag.eventsBehind}
                {h.lag.eventsBehindCapped ? '+' : ''} events
              </p>
              <p className="hint">
                {h.lag.secondsBehind.toFixed(1)} s behind; generation {h.lag.generation} at {h.lag.checkpoint} of {h.lag.head}
              </p>
            </>
          ) : (
            <p className="muted">The read model does not answer.</p>
          )}
        </section>
      </div>
      <section className="card">
        <h2>Signups per hour</h2>
        <HourlyChart
          title="Signups and outcomes per hour"
          hours={h.hours.map((x) => x.hour)}
          series={[
            { label: 'signups', color: '#1565c0', values: h.hours.map((x) => x.signups) },
            { label: 'activated', color: '#2e7d32', values: h.hours.map((x) => x.activations) },
            { label: 'rolled back', color: '#c62828', values: h.hours.map((x) => x.rollbacks) },
            { label: 'broken', color: '#6a1b9a', values: h.hours.map((x) => x.broken) },
          ]}
        >
          <BarChart
            title="Outcomes per hour"
            every={every}
            series={['activated', 'rolled back', 'broken']}
            colors={['#2e7d32', '#c62828', '#6a1b9a']}
            bars={h.hours.map((x, i) => ({ label: labels[i], values: [x.activations, x.rollbacks, x.broken] }))}
          />
          <BarChart title="Signups per hour" every={every} series={['signups']} colors={['#1565c0']} bars={h.hours.map((x, i) => ({ label: labels[i], values: [x.signups] }))} />
        </HourlyChart>
      </section>
      <section className="card">
        <h2>Success rate per hour</h2>
        <LineChart
          title="Success rate per hour"
          unit="%"
          every={every}
          labels={labels}
          colors={['#2e7d32']}
          series={[{ name: 'success', values: h.hours.map((x) => (x.successRate === null ? null : Math.round(x.successRate * 1000) / 10)) }]}
        />
      </section>
      <section className="card">
        <h2>Signup to Active over time</h2>
        <HourlyChart
          title="Signup to Active per hour (s)"
          hours={h.hours.map((x) => x.hour)}
          series={[
            { label: 'p50', color: '#1565c0', values: h.hours.map((x) => x.p50) },
            { label: 'p95', color: '#ef6c00', values: h.hours.map((x) => x.p95) },
          ]}
        >
          <LineChart
            title="Signup to Active, p50 and p95 per hour"
            unit="s"
            every={every}
            labels={labels}
            colors={['#1565c0', '#ef6c00']}
            series={[
              { name: 'p50', values: h.hours.map((x) => x.p50) },
              { name: 'p95', values: h.hours.map((x) => x.p95) },
            ]}
          />
        </HourlyChart>
        <h3>Histogram (all time)</h3>
        <BarChart
          title="Signup to Active histogram"
          series={['tenants']}
          colors={['#1565c0']}
          bars={h.signupToActive.buckets.map((b, i, all) => ({ label: b.le === null ? `>${all[i - 1]?.le ?? 0}s` : `≤${b.le}s`, values: [b.count] }))}
        />
      </section>
      <section className="card">
        <h2>Failures by step and class</h2>
        {h.failures.length === 0 ? (
          <p className="muted">No step has failed.</p>
        ) : (
          <table data-testid="failures">
            <thead>
              <tr>
                <th>Step</th>
                <th>Class</th>
                <th className="num">Failures</th>
                <th className="num">Final (rolled back)</th>
              </tr>
            </thead>
            <tbody>
              {h.failures.map((f) => (
                <tr key={f.step + f.classification}>
                  <td>{f.step}</td>
                  <td>{f.classification}</td>
                  <td className="num">{f.all}</td>
                  <td className="num">{f.final}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

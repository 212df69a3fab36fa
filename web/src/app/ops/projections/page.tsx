/**
 * The tenant lookup read model's generations, its lag, and blue/green rebuilds: start one, watch
 * it (the page reloads itself every second while it runs: no JavaScript needed), and see reads
 * switch to the new generation when it has caught up (the rebuild promotes it itself).
 */
import { requireOperator } from '../../../lib/ops/access';
import { projectionStatus } from '../../../lib/ops/ops-api';
import { utc } from '../status-badge';
import { startRebuildAction } from './actions';

export default async function ProjectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator();
  const error = (await searchParams).error;
  const r = await projectionStatus();
  if (!r.ok)
    return (
      <div className="alert">
        <p>The provisioning service did not give the projection&apos;s status: {r.problem.code}.</p>
      </div>
    );
  const { generations, lag, rebuild } = r.body;
  const running = rebuild?.state === 'running';
  return (
    <>
      {running ? <meta httpEquiv="refresh" content="1" /> : null}
      <h1>Projections</h1>
      {typeof error === 'string' ? (
        <div className="alert" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <section className="card">
        <h2>tenant-lookup</h2>
        <table data-testid="generations">
          <thead>
            <tr>
              <th className="num">Generation</th>
              <th>State</th>
              <th className="num">Checkpoint</th>
              <th>Created</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {generations.map((g) => (
              <tr key={g.generation} data-state={g.state}>
                <td className="num">{g.generation}</td>
                <td>{g.state}</td>
                <td className="num">{g.checkpoint}</td>
                <td>{utc(g.createdAt)}</td>
                <td>{utc(g.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">
          Head of the log: {lag.head}. The live generation is {lag.eventsBehind}
          {lag.eventsBehindCapped ? '+' : ''} events ({lag.secondsBehind.toFixed(1)} s) behind.
        </p>
      </section>
      <section className="card" aria-labelledby="rebuild">
        <h2 id="rebuild">Blue/green rebuild</h2>
        <p className="hint">Projects a new generation from the first event while the live one keeps serving; reads switch to it atomically once it has caught up, and the old one is dropped.</p>
        {rebuild ? (
          <div data-testid="rebuild" data-state={rebuild.state}>
            <p>
              <strong>{rebuild.state === 'running' ? 'Running' : rebuild.state === 'done' ? 'Done' : 'Failed'}</strong> — started by {rebuild.startedBy} at {utc(rebuild.startedAt)}
              {rebuild.endedAt ? `, ended ${utc(rebuild.endedAt)}` : ''}
            </p>
            {rebuild.progress ? (
              <>
                <progress max={1} value={rebuild.progress.fraction} aria-label="Rebuild progress" />
                <p className="hint">
                  Generation {rebuild.progress.generation}: {(rebuild.progress.fraction * 100).toFixed(1)} % ({rebuild.progress.checkpoint} of {rebuild.progress.head}), {rebuild.progress.processed}{' '}
                  events at {Math.round(rebuild.progress.eventsPerSecond)}/s{running ? `, about ${Math.ceil(rebuild.progress.etaSeconds)} s left` : ''}
                </p>
              </>
            ) : null}
            {rebuild.state === 'done' ? (
              <p className="ok" data-testid="rebuild-done">
                Reads switched to generation {rebuild.progress?.generation}; generation {rebuild.retiredGeneration} was dropped ({rebuild.seconds?.toFixed(2)} s).
              </p>
            ) : null}
            {rebuild.state === 'failed' ? <p className="error">{rebuild.error}</p> : null}
          </div>
        ) : (
          <p className="muted">No rebuild started since the service last started.</p>
        )}
        {!running ? (
          <form action={startRebuildAction}>
            <button type="submit">Start rebuild</button>
          </form>
        ) : null}
      </section>
    </>
  );
}

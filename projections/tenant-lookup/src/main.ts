/**
 * The projector process (`node projections/tenant-lookup/dist/main.js`): follows the log into
 * the live generation of the tenant lookup read model until SIGTERM/SIGINT. Reads
 * EVENT_STORE_URL and READ_MODEL_URL like the service.
 */
import { createEventStore, describeEventStoreUrl } from '@tlc/event-store';
import { openReadModel, readModelUrlFromEnv } from './store-factory.js';
import { TenantLookupProjector } from './runner.js';
import { projectionLag } from './lag.js';

const eventStoreUrl = process.env.EVENT_STORE_URL?.trim() || 'sqlite:./data/events.db';
const log = (msg: string, extra: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), service: 'tenant-lookup-projector', msg, ...extra })}\n`);

try {
  const events = await createEventStore(eventStoreUrl);
  const store = await openReadModel(readModelUrlFromEnv());
  const projector = new TenantLookupProjector(store, events, {
    onError: (err) => log('projection error; resubscribing', { error: err instanceof Error ? err.message : String(err) }),
  });
  projector.start();
  log('following the log', { eventStore: describeEventStoreUrl(eventStoreUrl), readModel: store.description });
  const timer = setInterval(() => {
    projectionLag(store, events).then(
      (l) => log('lag', { generation: l.generation, checkpoint: l.checkpoint, eventsBehind: l.eventsBehind, secondsBehind: l.secondsBehind }),
      () => undefined,
    );
  }, 60_000);
  const stop = async (signal: string) => {
    log(`${signal}: stopping`);
    clearInterval(timer);
    await projector.stop();
    await store.close();
    await events.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (err) {
  process.stderr.write(`tenant-lookup projector failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}

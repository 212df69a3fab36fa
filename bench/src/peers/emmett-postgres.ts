/**
 * The peer: Emmett 0.42's PostgreSQL event store driven the way its documentation shows
 * (getPostgreSQLEventStore, appendToStream, readStream), on B1's workload. Runs only inside
 * emmett-child.ts: Emmett's driver layer (dumbo) replaces pg's process-wide type parsers
 * (int8 -> BigInt, json), which must not leak into our store's figures.
 */
import { EmmettError, STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import { forEachConcurrently } from '../harness/concurrency.js';
import type { FixtureStream } from '../fixtures/tenant-histories.js';
import { probeEvent, type ProbeTarget } from './probes.js';

export async function openEmmett(url: string): Promise<PostgresEventStore> {
  const store = getPostgreSQLEventStore(url);
  // Schema creation happens here, never inside a timed section.
  await store.schema.migrate();
  return store;
}

/** Emmett events keep our metadata (with our event id as its message id). */
const toEmmett = (s: FixtureStream) => s.events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: { ...e.metadata, messageId: e.metadata.eventId } }));

/** B1's append workload: every stream created with "stream does not exist" expected. */
export async function emmettAppend(store: PostgresEventStore, streams: readonly FixtureStream[], writers: number): Promise<number> {
  const batches = streams.map(toEmmett);
  const started = performance.now();
  await forEachConcurrently(streams, writers, async (s, i) => {
    await store.appendToStream(s.streamId, batches[i], { expectedStreamVersion: STREAM_DOES_NOT_EXIST });
  });
  return performance.now() - started;
}

/** Read-back: every stream read whole; returns elapsed ms and the events read. */
export async function emmettReadBack(store: PostgresEventStore, streams: readonly FixtureStream[], readers: number): Promise<{ ms: number; events: number }> {
  let events = 0;
  const started = performance.now();
  await forEachConcurrently(streams, readers, async (s) => {
    const read = (await store.readStream(s.streamId)).events.length;
    events += read;
  });
  return { ms: performance.now() - started, events };
}

/**
 * "No stream" spelled as Emmett documents it (STREAM_DOES_NOT_EXIST), or as version 0n, the
 * stream version Emmett gives a missing stream, which its SQL checks with an INSERT.
 */
export function emmettProbeTarget(store: PostgresEventStore, noStream: 'STREAM_DOES_NOT_EXIST' | '0n'): ProbeTarget {
  return {
    async append(streamId, expected) {
      const expectedStreamVersion = expected === 'no_stream' ? (noStream === '0n' ? 0n : STREAM_DOES_NOT_EXIST) : BigInt(expected + 1);
      try {
        await store.appendToStream(streamId, [probeEvent()], { expectedStreamVersion });
        return 'ok';
      } catch (error) {
        // By code, not instanceof: emmett-postgresql bundles its own copy of the error classes.
        if (EmmettError.isInstanceOf(error, EmmettError.Codes.ConcurrencyError)) return 'conflict';
        throw error;
      }
    },
    async eventIds(streamId) {
      const { events } = await store.readStream(streamId);
      return events.map((e) => String((e.metadata as { eventId?: string }).eventId));
    },
  };
}

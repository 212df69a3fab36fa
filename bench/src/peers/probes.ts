/**
 * Correctness probes run against our store and the peer (Emmett) alike, so the throughput
 * figures are read next to what each store actually guarantees. Each probe races real
 * concurrent appends through the store's public API; nothing here inspects tables directly.
 */
import { randomUUID } from 'node:crypto';

/** The few operations a probe needs, in our terms (revision of the first event = 0). */
export interface ProbeTarget {
  /** Appends one event; 'conflict' when the store refused it for the expected revision. */
  append(streamId: string, expected: number | 'no_stream'): Promise<'ok' | 'conflict'>;
  /** Stored event ids of the stream in revision order ([] when it does not exist). */
  eventIds(streamId: string): Promise<string[]>;
}

export interface ProbeResults {
  /** 8 writers x 25 appends on one stream, each retrying on conflict: ids kept / doubled. */
  readonly racingWriters: { readonly kept: number; readonly expected: number; readonly doubled: number };
  /** A second "no stream" append to an existing stream: refused (true) or written. */
  readonly secondNoStreamRefused: boolean;
  /** 8 concurrent "no stream" creators on each of 20 fresh streams: streams with exactly one winner. */
  readonly racingCreators: { readonly oneWinner: number; readonly streams: number };
}

const WRITERS = 8;
const APPENDS_PER_WRITER = 25;
const CREATOR_STREAMS = 20;

async function racingWriters(target: ProbeTarget, streamId: string): Promise<ProbeResults['racingWriters']> {
  const writer = async (): Promise<void> => {
    for (let i = 0; i < APPENDS_PER_WRITER; i++) {
      // Optimistic loop as a command handler does it: read the revision, append at it, retry.
      for (let attempt = 0; ; attempt++) {
        if (attempt > 1000) throw new Error('racing writer starved after 1000 conflicts');
        const revision = (await target.eventIds(streamId)).length - 1;
        if ((await target.append(streamId, revision < 0 ? 'no_stream' : revision)) === 'ok') break;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  const ids = await target.eventIds(streamId);
  return { kept: new Set(ids).size, expected: WRITERS * APPENDS_PER_WRITER, doubled: ids.length - new Set(ids).size };
}

async function racingCreators(target: ProbeTarget, prefix: string): Promise<ProbeResults['racingCreators']> {
  let oneWinner = 0;
  for (let s = 0; s < CREATOR_STREAMS; s++) {
    const streamId = `${prefix}-${s}`;
    const outcomes = await Promise.all(Array.from({ length: WRITERS }, () => target.append(streamId, 'no_stream').catch(() => 'error' as const)));
    const winners = outcomes.filter((o) => o === 'ok').length;
    const stored = (await target.eventIds(streamId)).length;
    if (winners === 1 && stored === 1) oneWinner++;
  }
  return { oneWinner, streams: CREATOR_STREAMS };
}

export async function runProbes(target: ProbeTarget): Promise<ProbeResults> {
  const tag = randomUUID().slice(0, 8);
  const writers = await racingWriters(target, `probe-race-${tag}`);
  const twice = `probe-twice-${tag}`;
  await target.append(twice, 'no_stream');
  const second = await target.append(twice, 'no_stream');
  const creators = await racingCreators(target, `probe-create-${tag}`);
  return { racingWriters: writers, secondNoStreamRefused: second === 'conflict', racingCreators: creators };
}

/** A probe event: a fresh UUID each, so every stored copy is distinguishable. */
export const probeEvent = () => ({ type: 'Probe', data: { at: Date.now() }, metadata: { eventId: randomUUID() } });

/**
 * How far the read model is behind the log, for /metrics and `tenantctl projections status`.
 * `eventsBehind` is head position minus checkpoint: exact while positions are dense (SQLite),
 * an upper bound where the store leaves gaps. `secondsBehind` is the age of the oldest event
 * not yet folded (0 when caught up).
 */
import type { EventStore } from '@tlc/event-store';
import { PROJECTION_NAME } from './tenant-lookup.js';
import type { GenerationInfo, ReadModelStore } from './store.js';

export interface ProjectionLag {
  readonly projection: string;
  readonly generation: number;
  readonly checkpoint: number;
  readonly head: number;
  readonly eventsBehind: number;
  readonly secondsBehind: number;
  /** A rebuild in progress, if any: its generation and checkpoint. */
  readonly rebuilding: GenerationInfo | null;
}

export async function projectionLag(store: ReadModelStore, events: EventStore, now: () => number = Date.now): Promise<ProjectionLag> {
  const gens = await store.generations();
  const live = gens.find((g) => g.state === 'live');
  if (!live) throw new Error(`${PROJECTION_NAME}: no live generation`);
  const head = await events.headPosition();
  const eventsBehind = Math.max(0, head - Math.max(0, live.checkpoint));
  let secondsBehind = 0;
  if (eventsBehind > 0) {
    const [next] = await events.readAll({ fromPosition: live.checkpoint < 0 ? undefined : live.checkpoint, maxCount: 1 });
    if (next) secondsBehind = Math.max(0, (now() - Date.parse(next.recordedAt)) / 1000);
  }
  return {
    projection: PROJECTION_NAME, generation: live.generation, checkpoint: live.checkpoint, head, eventsBehind, secondsBehind,
    rebuilding: gens.find((g) => g.state === 'building') ?? null,
  };
}

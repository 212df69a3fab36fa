/**
 * How far the read model is behind the log, for /metrics and `tenantctl projections status`.
 * Positions are not dense on every backend (PostgreSQL derives them from transaction ids), so
 * `eventsBehind` counts the events after the checkpoint, up to a cap (then `eventsBehindCapped`).
 * `secondsBehind` is the age of the oldest event not yet folded (0 when caught up).
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
  /** True when there are more than `eventsBehind` (the count stopped at the cap). */
  readonly eventsBehindCapped: boolean;
  readonly secondsBehind: number;
  /** A rebuild in progress, if any: its generation and checkpoint. */
  readonly rebuilding: GenerationInfo | null;
}

export const LAG_COUNT_CAP = 10_000;

export async function projectionLag(store: ReadModelStore, events: EventStore, now: () => number = Date.now): Promise<ProjectionLag> {
  const gens = await store.generations();
  const live = gens.find((g) => g.state === 'live');
  if (!live) throw new Error(`${PROJECTION_NAME}: no live generation`);
  const head = await events.headPosition();
  let eventsBehind = 0;
  let secondsBehind = 0;
  let from = live.checkpoint < 0 ? undefined : live.checkpoint;
  while (head > (from ?? 0) && eventsBehind < LAG_COUNT_CAP) {
    const page = await events.readAll({ fromPosition: from, maxCount: Math.min(2000, LAG_COUNT_CAP - eventsBehind) });
    if (page.length === 0) break;
    if (eventsBehind === 0) secondsBehind = Math.max(0, (now() - Date.parse(page[0].recordedAt)) / 1000);
    eventsBehind += page.length;
    from = page[page.length - 1].position;
  }
  return {
    projection: PROJECTION_NAME,
    generation: live.generation,
    checkpoint: live.checkpoint,
    head,
    eventsBehind,
    eventsBehindCapped: eventsBehind >= LAG_COUNT_CAP,
    secondsBehind,
    rebuilding: gens.find((g) => g.state === 'building') ?? null,
  };
}

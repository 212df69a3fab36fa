/**
 * Blue/green rebuild. A new generation is projected from the first event in large pages
 * (one transaction each), while the live generation keeps serving and following. When the new
 * one has caught up with the live checkpoint, `promote` switches reads atomically and drops the
 * old one. The building generation's checkpoint is durable, so a rebuild killed half-way
 * resumes from it on the next run.
 */
import type { EventStore } from '@tlc/event-store';
import { GenerationError, type DocCache, type ReadModelStore } from './store.js';

export interface RebuildProgress {
  readonly generation: number;
  /** Checkpoint the run started from (-1 for a fresh rebuild, higher when resuming). */
  readonly resumedFrom: number;
  readonly checkpoint: number;
  /** Head position when last looked at. */
  readonly head: number;
  /**
   * Share of the log done, 0..1, from positions (not dense on every backend, but monotonic in
   * commit order, so a fair estimate); `etaSeconds` extrapolates this run's pace.
   */
  readonly fraction: number;
  readonly etaSeconds: number;
  /** Events folded by this run. */
  readonly processed: number;
  readonly eventsPerSecond: number;
}

export interface RebuildResult extends RebuildProgress {
  readonly retiredGeneration: number;
  readonly seconds: number;
}

export interface RebuildOptions {
  /** Events per page and transaction (default 5000). */
  readonly batchSize?: number;
  readonly onProgress?: (p: RebuildProgress) => void;
  readonly signal?: AbortSignal;
}

export async function rebuildTenantLookup(store: ReadModelStore, events: EventStore, options: RebuildOptions = {}): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 5000;
  const gen = await store.beginRebuild();
  const started = performance.now();
  let checkpoint = gen.checkpoint;
  let processed = 0;
  let head = await events.headPosition();
  const [first] = await events.readAll({ maxCount: 1 });
  const origin = first ? first.position - 1 : 0;
  const fractionAt = (c: number) => (head <= origin ? 1 : Math.min(1, Math.max(0, (c - origin) / (head - origin))));
  const startFraction = fractionAt(checkpoint);
  const progress = (): RebuildProgress => {
    const seconds = (performance.now() - started) / 1000;
    const fraction = fractionAt(checkpoint);
    const pace = seconds > 0 ? (fraction - startFraction) / seconds : 0;
    return {
      generation: gen.generation,
      resumedFrom: gen.checkpoint,
      checkpoint,
      head,
      fraction,
      etaSeconds: pace > 0 ? (1 - fraction) / pace : 0,
      processed,
      eventsPerSecond: seconds > 0 ? processed / seconds : 0,
    };
  };
  options.onProgress?.(progress());
  // This run is the building generation's only writer, so it may keep its documents in memory.
  const cache: DocCache = new Map();
  const read = (from: number) => {
    const p = events.readAll({ fromPosition: from < 0 ? undefined : from, maxCount: batchSize });
    p.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    return p;
  };
  let next = read(checkpoint);
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await next;
    if (page.length === 0) {
      const switched = await store.promote(gen.generation);
      if (switched.ok) {
        const p = progress();
        options.onProgress?.(p);
        return { ...p, retiredGeneration: switched.retired, seconds: (performance.now() - started) / 1000 };
      }
      head = await events.headPosition();
      next = read(checkpoint);
      continue; // the live generation moved on while we switched: fold the rest and try again
    }
    // Read the next page while this one is written (a real overlap when the stores are remote).
    next = read(page[page.length - 1].position);
    const res = await store.commit(gen.generation, 'building', page, cache);
    if (!res.ok) throw new GenerationError(`generation ${gen.generation} stopped being built (discarded or promoted by another process)`);
    checkpoint = page[page.length - 1].position;
    processed += page.length;
    if (checkpoint > head) head = await events.headPosition();
    options.onProgress?.(progress());
  }
}

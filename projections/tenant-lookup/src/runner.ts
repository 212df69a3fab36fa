/**
 * The live projector: a checkpointed `subscribeToAll` that starts after the live generation's
 * checkpoint, folds each batch in memory and commits it (documents + checkpoint together).
 * When a rebuild has switched generations under it, the commit comes back `stale` and the
 * projector restarts from the new live generation's checkpoint; it never writes a retired one.
 */
import type { EventStore, Subscription } from '@tlc/event-store';
import type { ReadModelStore } from './store.js';

export interface ProjectorOptions {
  /** Largest page folded and written at once (default 500). */
  readonly batchSize?: number;
  /** Wait after an error before resubscribing (default 1000 ms). */
  readonly retryDelayMs?: number;
  readonly onError?: (err: unknown) => void;
}

export interface ProjectorState {
  readonly running: boolean;
  readonly generation: number | undefined;
  readonly checkpoint: number;
  readonly caughtUp: boolean;
  readonly lastError: string | undefined;
}

export class TenantLookupProjector {
  private stopped = true;
  private sub: Subscription | undefined;
  private loop: Promise<void> | undefined;
  private state: ProjectorState = { running: false, generation: undefined, checkpoint: -1, caughtUp: false, lastError: undefined };
  private waiters: Array<{ position: number; resolve: () => void }> = [];

  constructor(
    private readonly store: ReadModelStore,
    private readonly events: EventStore,
    private readonly options: ProjectorOptions = {},
  ) {}

  get status(): ProjectorState {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.state = { ...this.state, running: true };
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.sub?.stop();
    await this.loop;
    this.state = { ...this.state, running: false };
  }

  /** Resolves once the live generation has folded everything up to `position` (tests, read-your-writes). */
  waitFor(position: number): Promise<void> {
    if (this.state.checkpoint >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private advance(generation: number, checkpoint: number, caughtUp: boolean): void {
    this.state = { ...this.state, generation, checkpoint, caughtUp, lastError: undefined };
    const ready = this.waiters.filter((w) => w.position <= checkpoint);
    this.waiters = this.waiters.filter((w) => w.position > checkpoint);
    ready.forEach((w) => w.resolve());
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const live = await this.store.live();
        this.advance(live.generation, live.checkpoint, false);
        this.sub = this.events.subscribeToAll({
          fromPosition: live.checkpoint < 0 ? undefined : live.checkpoint,
          batchSize: this.options.batchSize ?? 500,
        });
        let checkpoint = live.checkpoint;
        for await (const batch of this.sub) {
          if (batch.events.length > 0) {
            const res = await this.store.commit(live.generation, 'live', batch.events);
            if (!res.ok) break; // generation switched by a rebuild: resubscribe from the new live one
            checkpoint = Math.max(checkpoint, batch.events[batch.events.length - 1].position);
          }
          this.advance(live.generation, checkpoint, batch.caughtUp || this.state.caughtUp);
          if (this.stopped) break;
        }
        await this.sub.stop();
      } catch (err) {
        this.state = { ...this.state, lastError: err instanceof Error ? err.message : String(err) };
        this.options.onError?.(err);
        await this.sub?.stop().catch(() => undefined);
        if (!this.stopped) await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 1000));
      }
    }
  }
}

/**
 * Folds everything up to the head into the live generation and returns; no subscription
 * left behind. For tools and tests that want the read model current right now.
 */
export async function catchUpLive(store: ReadModelStore, events: EventStore, batchSize = 500): Promise<number> {
  for (;;) {
    const live = await store.live();
    const page = await events.readAll({ fromPosition: live.checkpoint < 0 ? undefined : live.checkpoint, maxCount: batchSize });
    if (page.length === 0) return live.checkpoint;
    await store.commit(live.generation, 'live', page);
  }
}

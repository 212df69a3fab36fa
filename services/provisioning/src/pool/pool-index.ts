/**
 * The pool as this instance knows it: every standby stream folded in memory, fed by a catch-up
 * subscription to the whole log (filtered to `standby-*` streams) and by this instance's own
 * appends. It only picks candidates and counts; every decision re-reads the stream and appends
 * at its revision, so a stale entry costs one failed try, never a double claim.
 */
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { EventStore, Subscription } from '@tlc/event-store';
import { evolveStandby, initialStandbyState, isStandbyEventType, isStandbyStream, type StandbyEvent, type StandbyState } from '@tlc/tenant-events';
import { EVENT_STORE } from '../config/tokens.js';

export interface PoolCounts {
  readonly ready: number;
  readonly building: number;
  readonly claimed: number;
  readonly failed: number;
  readonly dropped: number;
}

@Injectable()
export class PoolIndex implements OnModuleDestroy {
  private readonly logger = new Logger('PoolIndex');
  private readonly sites = new Map<string, StandbyState>();
  private subscription?: Subscription;
  private running?: Promise<void>;
  private caughtUp = false;
  private readonly waiters: Array<() => void> = [];

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Starts following the log; resolves once history has been read. */
  start(): Promise<void> {
    if (!this.running) {
      this.subscription = this.store.subscribeToAll({ batchSize: 1000 });
      const sub = this.subscription;
      this.running = (async () => {
        try {
          for await (const batch of sub) {
            for (const r of batch.events) {
              if (!isStandbyStream(r.streamId) || !isStandbyEventType(r.type)) continue;
              this.fold(r.streamId, r as unknown as StandbyEvent, r.revision);
            }
            if (batch.caughtUp && !this.caughtUp) {
              this.caughtUp = true;
              this.waiters.splice(0).forEach((w) => w());
            }
          }
        } catch (e) {
          this.logger.error({ msg: 'standby subscription stopped', error: (e as Error).message });
        }
      })();
    }
    return this.caughtUp ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
    await this.running;
  }

  private fold(site: string, event: StandbyEvent, revision: number): void {
    const cur = this.sites.get(site) ?? initialStandbyState;
    if (revision <= cur.revision) return; // already applied (our own append, or a replay)
    if (revision !== cur.revision + 1) return; // a gap: the authoritative copy will arrive via remember()
    this.sites.set(site, evolveStandby(cur, event, revision));
  }

  /** A state read from the stream itself (after an append or a load) replaces an older one. */
  remember(state: StandbyState): void {
    const cur = this.sites.get(state.site);
    if (!cur || state.revision > cur.revision) this.sites.set(state.site, state);
  }

  get(site: string): StandbyState | undefined {
    return this.sites.get(site);
  }

  all(): StandbyState[] {
    return [...this.sites.values()];
  }

  /** Ready sites, the longest-ready first (fair wear, and a stable order for tests). */
  ready(): StandbyState[] {
    return this.all()
      .filter((s) => s.status === 'Ready')
      .sort((a, b) => (a.readyAt ?? '').localeCompare(b.readyAt ?? '') || a.site.localeCompare(b.site));
  }

  counts(): PoolCounts {
    const c = { ready: 0, building: 0, claimed: 0, failed: 0, dropped: 0 };
    for (const s of this.sites.values()) {
      if (s.status === 'Ready') c.ready++;
      else if (s.status === 'Building') c.building++;
      else if (s.status === 'Claimed') c.claimed++;
      else if (s.status === 'Failed') c.failed++;
      else if (s.status === 'Dropped') c.dropped++;
    }
    return c;
  }
}

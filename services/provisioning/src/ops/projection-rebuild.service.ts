/**
 * Blue/green rebuilds of the tenant lookup read model started from the console: the same
 * rebuildTenantLookup that `tenantctl projections rebuild` runs, in this process, in the
 * background, with its progress kept for the console to watch. One rebuild at a time per
 * process; a second start while one runs answers the running one. The rebuild switches reads
 * itself when the new generation has caught up (promote); a rebuild cut short by a restart
 * resumes from its durable checkpoint when started again.
 */
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@tlc/event-store';
import { projectionLag, rebuildTenantLookup, type GenerationInfo, type ProjectionLag, type ReadModelStore, type RebuildProgress } from '@tlc/tenant-lookup';
import type { Logger } from 'pino';
import { EVENT_STORE, LOGGER } from '../config/tokens.js';
import { DomainError } from '../shared/domain-error.js';

export const OPS_READ_MODEL = Symbol.for('tlc.provisioning.ops.read-model');

export type RebuildRun =
  | { readonly state: 'running'; readonly startedAt: string; readonly startedBy: string; readonly progress: RebuildProgress | null }
  | {
      readonly state: 'done';
      readonly startedAt: string;
      readonly startedBy: string;
      readonly endedAt: string;
      readonly progress: RebuildProgress;
      readonly retiredGeneration: number;
      readonly seconds: number;
    }
  | { readonly state: 'failed'; readonly startedAt: string; readonly startedBy: string; readonly endedAt: string; readonly progress: RebuildProgress | null; readonly error: string };

export interface ProjectionStatus {
  readonly generations: GenerationInfo[];
  readonly lag: ProjectionLag;
  readonly rebuild: RebuildRun | null;
}

/** Only the progress fields (a finished run's result carries more, said separately). */
const progressOf = (p: RebuildProgress): RebuildProgress => ({
  generation: p.generation,
  resumedFrom: p.resumedFrom,
  checkpoint: p.checkpoint,
  head: p.head,
  fraction: p.fraction,
  etaSeconds: p.etaSeconds,
  processed: p.processed,
  eventsPerSecond: p.eventsPerSecond,
});

@Injectable()
export class ProjectionRebuildService implements OnApplicationShutdown {
  private run: RebuildRun | null = null;
  private readonly abort = new AbortController();
  /** The rebuild's promise, awaited at shutdown so the store is not closed under a commit. */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    @Inject(OPS_READ_MODEL) private readonly store: ReadModelStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async status(): Promise<ProjectionStatus> {
    try {
      const [generations, lag] = await Promise.all([this.store.generations(), projectionLag(this.store, this.events)]);
      return { generations, lag, rebuild: this.run };
    } catch (err) {
      this.log.warn({ err }, 'projection status unavailable');
      throw new DomainError('SERVICE.UNAVAILABLE', 'The tenant lookup read model does not answer; try again shortly.');
    }
  }

  /** Starts a rebuild unless one runs; answers the run either way. */
  start(operator: string): RebuildRun {
    if (this.run?.state === 'running') return this.run;
    const startedAt = new Date().toISOString();
    this.run = { state: 'running', startedAt, startedBy: operator, progress: null };
    this.log.info({ operator }, 'tenant-lookup rebuild started from the console');
    this.pending = rebuildTenantLookup(this.store, this.events, {
      signal: this.abort.signal,
      onProgress: (progress) => {
        if (this.run?.state === 'running') this.run = { ...this.run, progress: progressOf(progress) };
      },
    }).then(
      (r) => {
        this.run = { state: 'done', startedAt, startedBy: operator, endedAt: new Date().toISOString(), progress: progressOf(r), retiredGeneration: r.retiredGeneration, seconds: r.seconds };
        this.log.info({ operator, generation: r.generation, seconds: r.seconds }, 'tenant-lookup rebuild switched reads');
      },
      (err: unknown) => {
        const progress = this.run?.progress ?? null;
        this.run = { state: 'failed', startedAt, startedBy: operator, endedAt: new Date().toISOString(), progress, error: (err as Error).message };
        this.log.error({ err, operator }, 'tenant-lookup rebuild failed');
      },
    );
    return this.run;
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.pending;
    await this.store.close();
  }
}

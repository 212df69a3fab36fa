/**
 * What wakes the process manager: a checkpointed `subscribeToAll` that names every tenant whose
 * stream moved. The checkpoint lives in the store (checkpoint.ts) with the tenants still in
 * flight, so a restart resumes them without replaying the whole log. A subscription that fails
 * resumes from the last position seen.
 */
import type { EventStore, Subscription } from '@tlc/event-store';
import { tenantIdFromStream } from '@tlc/tenant-events';
import type { Logger } from 'pino';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';

export class TenantFeed {
  private position?: number;
  private savedPosition?: number;
  private lastSave = 0;
  private subscription?: Subscription;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly settings: { readonly name: string; readonly checkpointEveryMs: number },
    private readonly inFlight: () => readonly string[],
    private readonly logger: Logger,
  ) {}

  /** Loads the checkpoint and starts following; the tenants in flight at the last save come back. */
  async start(onTenant: (tenantId: string) => void): Promise<readonly string[]> {
    const cp = await loadCheckpoint(this.store, this.settings.name);
    this.position = this.savedPosition = cp.position;
    void this.follow(onTenant);
    return cp.inFlight;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop().catch(() => undefined);
    await this.save(true).catch(() => undefined);
  }

  /** Saves at most every checkpointEveryMs unless forced. */
  async save(force: boolean): Promise<void> {
    if (this.position === undefined || this.position === this.savedPosition) return;
    if (!force && Date.now() - this.lastSave < this.settings.checkpointEveryMs) return;
    this.lastSave = Date.now();
    const position = this.position;
    await saveCheckpoint(this.store, this.settings.name, { position, inFlight: [...this.inFlight()] });
    // Our own checkpoint event moves the head; it needs no checkpoint of its own.
    this.savedPosition = position;
  }

  private async follow(onTenant: (tenantId: string) => void): Promise<void> {
    while (!this.stopping) {
      try {
        this.subscription = this.store.subscribeToAll({ fromPosition: this.position });
        for await (const batch of this.subscription) {
          for (const e of batch.events) {
            this.position = e.position;
            const id = tenantIdFromStream(e.streamId);
            if (id) onTenant(id);
          }
          await this.save(false);
        }
      } catch (e) {
        if (this.stopping) return;
        this.logger.warn({ err: (e as Error).message }, 'process manager subscription failed; resuming from the checkpoint');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
}

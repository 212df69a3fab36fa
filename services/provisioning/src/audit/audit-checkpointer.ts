/**
 * Makes a signed checkpoint at start-up and then every AUDIT_CHECKPOINT_EVERY_MINUTES, appending
 * it to AUDIT_CHECKPOINT_FILE: the same commitment and signature as `tenantctl audit checkpoint`
 * (both come from @tlc/tenant-events). A period in which the log's head did not move writes
 * nothing. A failure is logged and retried at the next tick; it never stops the service.
 */
import { appendFile } from 'node:fs/promises';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@tlc/event-store';
import { checkpointLine, commitScannedLog, commitStoredLog, makeCheckpoint } from '@tlc/tenant-events';
import type { Logger } from 'pino';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, EVENT_STORE, LOGGER } from '../config/tokens.js';
import type { AuditCheckpointConfig } from './audit-config.js';

@Injectable()
export class AuditCheckpointer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly settings: AuditCheckpointConfig | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastHead = -1;
  private stopped = false;

  constructor(
    @Inject(CONFIG) config: ProvisioningConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.settings = config.audit.checkpoints;
  }

  onApplicationBootstrap(): void {
    if (!this.settings) return;
    this.logger.info({ file: this.settings.file, everyMs: this.settings.everyMs }, 'audit: signed checkpoints on');
    // Not awaited: start-up does not wait for a whole-log scan.
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running = this.checkpoint().finally(() => {
      this.running = undefined;
      if (!this.stopped && this.settings) this.timer = setTimeout(() => this.tick(), this.settings.everyMs).unref();
    });
  }

  /** One checkpoint now, unless nothing was appended since the last one this process wrote. */
  async checkpoint(): Promise<void> {
    const s = this.settings;
    if (!s) return;
    try {
      if ((await this.store.headPosition()) === this.lastHead) return;
      // Each page yields to I/O first: a synchronous backend (SQLite) would otherwise hold the
      // event loop for the whole scan and stall requests.
      // The stored text where the store offers it (readAllText: hashed as stored when canonical).
      const store = this.store;
      const commitment = store.readAllText
        ? await commitStoredLog(async (fromPosition, maxCount) => {
            await yieldToIo();
            return store.readAllText!({ fromPosition, maxCount });
          })
        : await commitScannedLog(async (fromPosition, maxCount) => {
            await yieldToIo();
            return store.readAll({ fromPosition, maxCount });
          });
      const cp = makeCheckpoint(commitment, s.signingKey);
      await appendFile(s.file, checkpointLine(cp), { mode: 0o640 });
      this.lastHead = commitment.headPosition;
      this.logger.info({ file: s.file, headPosition: cp.body.headPosition, streams: cp.body.streams, events: cp.body.events, root: cp.body.root, keyId: cp.body.keyId }, 'audit: checkpoint written');
    } catch (err) {
      this.logger.error({ file: s.file, err: (err as Error).message }, 'audit: checkpoint failed; will try again at the next tick');
    }
  }
}

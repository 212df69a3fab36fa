/**
 * This runner's heartbeat, and what it last read of everybody's. Beats every PM_HEARTBEAT_MS;
 * each beat also refreshes the view of the other runners, so a decision reads heartbeats at
 * most one beat old (decide-next.ts only declares a runner dead after PM_RUNNER_DEAD_AFTER_MS,
 * at least three beats). A runner whose own beats stopped reaching the registry is `!fresh()`:
 * it starts nothing, since the others may already count it dead.
 */
import type { Logger } from 'pino';
import type { RunnerHeartbeats } from '../../tenants/decide-next.js';
import type { RunnerRegistry } from './runner-registry.js';

export interface HeartbeatSettings {
  readonly runnerId: string;
  readonly heartbeatMs: number;
  readonly runnerDeadAfterMs: number;
}

export class Heartbeat {
  private timer?: NodeJS.Timeout;
  private lastBeat = 0;
  private view: RunnerHeartbeats = new Map();
  private stopped = false;

  constructor(
    private readonly registry: RunnerRegistry,
    private readonly settings: HeartbeatSettings,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(
      () => void this.beat().catch((e) => this.logger.warn({ err: (e as Error).message, runnerId: this.settings.runnerId }, 'heartbeat not recorded')),
      this.settings.heartbeatMs,
    );
    this.timer.unref();
  }

  /** Goodbye: stops beating and marks this runner stopped, so its steps are taken over at once. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.stopped) return;
    this.stopped = true;
    await this.registry.stop(this.settings.runnerId, Date.now());
  }

  /** The last view of every runner's heartbeat. */
  runners(): RunnerHeartbeats {
    return this.view;
  }

  /** Reads the heartbeats now (before taking a step over). */
  async refresh(): Promise<RunnerHeartbeats> {
    this.view = await this.registry.snapshot(Date.now(), this.window());
    return this.view;
  }

  /** True while our own last beat is recent enough that nobody counts us dead. */
  fresh(now: number): boolean {
    return !this.stopped && now - this.lastBeat < this.settings.runnerDeadAfterMs / 2;
  }

  private async beat(): Promise<void> {
    if (this.stopped) return;
    const at = Date.now();
    await this.registry.beat(this.settings.runnerId, at);
    this.lastBeat = at;
    await this.refresh();
  }

  /** Rows older than this are dead either way; a little history helps the takeover evidence. */
  private window(): number {
    return 10 * this.settings.runnerDeadAfterMs;
  }
}

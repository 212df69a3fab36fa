/**
 * Follows the event log from the bench process and records, per tenant, when TenantActivated
 * was recorded and how long its bench steps took (the durations the runner measured around
 * each bench invocation and wrote into the step events).
 */
import { createEventStore, type EventStore, type Subscription } from '@tlc/event-store';
import { tenantIdFromStream } from '@tlc/tenant-events';

const STEP_RESULT_TYPES = new Set(['SiteCreated', 'AppInstalled', 'AdminConfigured', 'ApiKeysIssued', 'HostNameConfigured', 'SiteDropped', 'StepFailed']);

export interface Activation {
  readonly tenantId: string;
  readonly activatedAt: number;
  /**
   * Time during which at least one bench command of the tenant was running: the union of the
   * intervals [result recorded - durationMs, result recorded]. Not the plain sum, since the
   * admin, API-key and host-name steps run side by side.
   */
  readonly inBenchMs: number;
  readonly steps: number;
}

/** Length of the union of [start, end] intervals. */
export function unionMs(intervals: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

export class ActivationWatcher {
  private readonly inBench = new Map<string, Array<[number, number]>>();
  private readonly activated = new Map<string, Activation>();
  private readonly waiters = new Map<string, (a: Activation) => void>();
  private subscription: Subscription | undefined;
  private loop: Promise<void> | undefined;

  private constructor(private readonly es: EventStore) {}

  static async start(eventStoreUrl: string): Promise<ActivationWatcher> {
    const w = new ActivationWatcher(await createEventStore(eventStoreUrl, { pollMs: 10 }));
    w.subscription = w.es.subscribeToAll({ fromPosition: await w.es.headPosition() });
    w.loop = (async () => {
      for await (const batch of w.subscription!) for (const e of batch.events) w.observe(e.streamId, e.type, e.data as Record<string, unknown>, e.recordedAt);
    })();
    return w;
  }

  private observe(stream: string, type: string, data: Record<string, unknown>, recordedAt: string): void {
    const tenantId = tenantIdFromStream(stream);
    if (!tenantId) return;
    if (STEP_RESULT_TYPES.has(type)) {
      const end = Date.parse(recordedAt);
      const ms = typeof data.durationMs === 'number' ? data.durationMs : 0;
      this.inBench.set(tenantId, [...(this.inBench.get(tenantId) ?? []), [end - ms, end]]);
    }
    if (type === 'TenantActivated' || type === 'RolledBack' || type === 'TenantBroken') {
      const steps = this.inBench.get(tenantId) ?? [];
      const a: Activation = { tenantId, activatedAt: type === 'TenantActivated' ? Date.parse(recordedAt) : Number.NaN, inBenchMs: unionMs(steps), steps: steps.length };
      this.activated.set(tenantId, a);
      this.waiters.get(tenantId)?.(a);
      this.waiters.delete(tenantId);
    }
  }

  /** Resolves when the tenant is Active (or rejects when it ended any other way). */
  waitFor(tenantId: string, timeoutMs = 120_000): Promise<Activation> {
    const done = this.activated.get(tenantId);
    const settle = (a: Activation) => (Number.isNaN(a.activatedAt) ? Promise.reject(new Error(`tenant ${tenantId} did not activate (rolled back or broken)`)) : Promise.resolve(a));
    if (done) return settle(done);
    return new Promise<Activation>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(tenantId);
        reject(new Error(`tenant ${tenantId} not active after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(tenantId, (a) => {
        clearTimeout(timer);
        settle(a).then(resolve, reject);
      });
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.loop?.catch(() => undefined);
    await this.es.close();
  }
}

/**
 * Provisioning health, folded from the event log: signups and outcomes per hour, signup-to-Active
 * times, failures by step and class, tenants Broken now. The operations console and /metrics
 * read the same figures, so the page and Prometheus cannot disagree. Pure (no I/O, no clock):
 * `apply` takes recorded events in log order; the service feeds it from a checkpoint.
 *
 * Signup-to-Active counts from the tenant's first SignupRequested to TenantActivated, so a
 * retried tenant's time includes its failed attempt: that is what its customer waited.
 */
import { isTenantEventType, type StepRef } from '@tlc/tenant-events';

/** Upper bounds in seconds (Prometheus `le`); the last bucket is +Inf. */
export const SIGNUP_TO_ACTIVE_BUCKETS = [10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1800] as const;

export interface HourFigures {
  signups: number;
  activations: number;
  rollbacks: number;
  broken: number;
  /** Signup-to-Active seconds of the tenants activated in this hour. */
  durations: number[];
}

export interface RecordedLike {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly position: number;
  readonly recordedAt: string;
}

/** What one event changed that a counter or histogram must hear about. */
export type StatsEffect =
  | { readonly kind: 'signup' }
  | { readonly kind: 'activated'; readonly seconds: number | null }
  | { readonly kind: 'rolled-back' }
  | { readonly kind: 'broken' }
  | { readonly kind: 'step-failed'; readonly step: string; readonly classification: string; readonly final: boolean };

const HOUR = 3600_000;
const hourOf = (ms: number): number => Math.floor(ms / HOUR) * HOUR;

export class ProvisioningStats {
  checkpoint = -1;
  signups = 0;
  activations = 0;
  rollbacks = 0;
  brokenEvents = 0;
  readonly hours = new Map<number, HourFigures>();
  /** `step` -> class -> count; `final` counts the failures that were not retried. */
  readonly failures = new Map<string, Map<string, { all: number; final: number }>>();
  private readonly signupAt = new Map<string, number>();
  private readonly brokenNow = new Set<string>();

  get brokenTenants(): number {
    return this.brokenNow.size;
  }

  apply(r: RecordedLike): StatsEffect | null {
    if (r.position <= this.checkpoint) return null;
    this.checkpoint = r.position;
    if (!isTenantEventType(r.type)) return null;
    const data = (r.data ?? {}) as { tenantId?: string; step?: StepRef | string; app?: string; classification?: string; willRetry?: boolean };
    const tenantId = data.tenantId ?? '';
    const occurred = Date.parse(String(r.metadata.occurredAt ?? r.recordedAt));
    const at = Number.isNaN(occurred) ? Date.parse(r.recordedAt) : occurred;
    const hour = this.hour(at);
    switch (r.type) {
      case 'SignupRequested':
        this.signups++;
        hour.signups++;
        if (!this.signupAt.has(tenantId)) this.signupAt.set(tenantId, at);
        return { kind: 'signup' };
      case 'TenantActivated': {
        this.activations++;
        hour.activations++;
        const from = this.signupAt.get(tenantId);
        const seconds = from === undefined ? null : Math.max(0, (at - from) / 1000);
        if (seconds !== null) hour.durations.push(seconds);
        this.signupAt.delete(tenantId); // activated tenants never start again: keep the map small
        return { kind: 'activated', seconds };
      }
      case 'RolledBack':
        this.rollbacks++;
        hour.rollbacks++;
        return { kind: 'rolled-back' };
      case 'TenantBroken':
        this.brokenEvents++;
        hour.broken++;
        this.brokenNow.add(tenantId);
        return { kind: 'broken' };
      case 'ProvisioningRetried':
      case 'TenantDeprovisioned':
        this.brokenNow.delete(tenantId);
        return null;
      case 'StepFailed': {
        const step = String((data as StepRef).step ?? 'unknown');
        const cls = data.classification ?? 'unknown';
        const byClass = this.failures.get(step) ?? new Map<string, { all: number; final: number }>();
        this.failures.set(step, byClass);
        const c = byClass.get(cls) ?? { all: 0, final: 0 };
        byClass.set(cls, c);
        c.all++;
        if (!data.willRetry) c.final++;
        return { kind: 'step-failed', step, classification: cls, final: !data.willRetry };
      }
      default:
        return null;
    }
  }

  private hour(at: number): HourFigures {
    const key = hourOf(at);
    let h = this.hours.get(key);
    if (!h) {
      h = { signups: 0, activations: 0, rollbacks: 0, broken: 0, durations: [] };
      this.hours.set(key, h);
    }
    return h;
  }
}

/** The value below which `q` (0..1) of the sorted values fall (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Activated over settled outcomes (activated, rolled back, broken); null when nothing settled. */
export function successRate(activations: number, rollbacks: number, broken: number): number | null {
  const settled = activations + rollbacks + broken;
  return settled === 0 ? null : activations / settled;
}

/**
 * Shapes of the provisioning API's answers the console reads (services/provisioning/src/ops
 * and the tenant history route). Written by hand until the generated client (libs/api-client)
 * carries the /v1/ops routes; only the fields the console uses.
 */
export interface RecordedEventView {
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly actor?: { readonly kind: string; readonly id: string }; readonly occurredAt?: string; readonly schemaVersion?: number; readonly hash?: string };
  readonly recordedAt: string;
}

export interface TenantHistory {
  readonly tenantId: string;
  readonly asOf: string | null;
  readonly chain: { readonly valid: boolean; readonly problems: readonly { readonly kind: string; readonly revision: number; readonly message: string }[] };
  readonly events: readonly RecordedEventView[];
  readonly state: { readonly status: string; readonly subdomain?: string; readonly organization?: string; readonly siteUrl?: string | null; readonly [k: string]: unknown } | null;
}

export interface HealthHour {
  readonly hour: string;
  readonly signups: number;
  readonly activations: number;
  readonly rollbacks: number;
  readonly broken: number;
  readonly successRate: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
}

export interface OpsHealth {
  readonly generatedAt: string;
  readonly checkpoint: number;
  readonly totals: {
    readonly signups: number;
    readonly activations: number;
    readonly rollbacks: number;
    readonly brokenEvents: number;
    readonly brokenNow: number;
    readonly successRate: number | null;
  };
  readonly hours: readonly HealthHour[];
  readonly signupToActive: {
    readonly count: number;
    readonly p50: number | null;
    readonly p95: number | null;
    readonly mean: number | null;
    readonly buckets: readonly { readonly le: number | null; readonly count: number }[];
  };
  readonly failures: readonly { readonly step: string; readonly classification: string; readonly all: number; readonly final: number }[];
  readonly pool: { readonly ready: number; readonly building: number; readonly claimed: number; readonly failed: number } | null;
  readonly lag: LagView | null;
}

export interface LagView {
  readonly generation: number;
  readonly checkpoint: number;
  readonly head: number;
  readonly eventsBehind: number;
  readonly eventsBehindCapped: boolean;
  readonly secondsBehind: number;
}

export interface RebuildProgress {
  readonly generation: number;
  readonly checkpoint: number;
  readonly head: number;
  readonly fraction: number;
  readonly etaSeconds: number;
  readonly processed: number;
  readonly eventsPerSecond: number;
}

export interface RebuildRun {
  readonly state: 'running' | 'done' | 'failed';
  readonly startedAt: string;
  readonly startedBy: string;
  readonly endedAt?: string;
  readonly progress: RebuildProgress | null;
  readonly retiredGeneration?: number;
  readonly seconds?: number;
  readonly error?: string;
}

export interface ProjectionStatus {
  readonly generations: readonly {
    readonly projection: string;
    readonly generation: number;
    readonly state: 'live' | 'building';
    readonly checkpoint: number;
    readonly createdAt: string;
    readonly updatedAt: string;
  }[];
  readonly lag: LagView;
  readonly rebuild: RebuildRun | null;
}

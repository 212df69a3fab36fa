/**
 * Standby sites (the warm pool): each one has its own stream `standby-<id>`, named like the
 * Frappe site it describes (`standby-1a2b3c4d`), so the stream name is the site name. Kept apart
 * from the TenantEvent union: a standby site belongs to no tenant until it is claimed, and the
 * tenant stream records the claim with its own `StandbySiteClaimed`.
 */
import type { EventMetadata } from './metadata.js';

/**
 * The steps that build a standby site ahead of time, and the one that removes it. `api-key` gives
 * Administrator its API key (generate_keys, then read the key) so that a claim only rotates the
 * secret: one bench command instead of two while a person waits.
 */
export type StandbyStepName = 'new-site' | 'install-app' | 'api-key' | 'drop-site';

type Evt<T extends string, D> = {
  readonly type: T;
  readonly data: D;
  readonly metadata: EventMetadata;
};

export type StandbyRequested = Evt<'StandbyRequested', { site: string; apps: string[] }>;
/** A runner's lease on one build step; an expired lease means the runner died. */
export type StandbyStepStarted = Evt<
  'StandbyStepStarted',
  {
    site: string;
    step: StandbyStepName;
    app?: string;
    attempt: number;
    runnerId: string;
    leaseExpiresAt: string;
  }
>;
export type StandbySiteCreated = Evt<'StandbySiteCreated', { site: string; dbName: string; durationMs: number }>;
export type StandbyAppInstalled = Evt<'StandbyAppInstalled', { site: string; app: string; durationMs: number }>;
/** Administrator's API key (not a secret: the secret made with it was never kept; a claim rotates it). */
export type StandbyApiKeyCreated = Evt<'StandbyApiKeyCreated', { site: string; apiKey: string; durationMs: number }>;
/** Every app is installed: the site may be claimed. `buildMs` runs from StandbyRequested. */
export type StandbyReady = Evt<'StandbyReady', { site: string; buildMs: number }>;
export type StandbyBuildFailed = Evt<
  'StandbyBuildFailed',
  {
    site: string;
    step: StandbyStepName;
    app?: string;
    exitCode: number | null;
    reason: string;
    stderrTail: string;
  }
>;
/** Appended at the revision of the Ready state: of two racing claims exactly one succeeds. */
export type StandbyClaimed = Evt<'StandbyClaimed', { site: string; tenantId: string }>;
/** Back in the pool: the claimant never ran a bench command on it. */
export type StandbyReturned = Evt<'StandbyReturned', { site: string; tenantId: string; reason: string }>;
export type StandbyDropped = Evt<'StandbyDropped', { site: string; reason: string; archivedTo?: string; durationMs: number }>;

export type StandbyEvent =
  StandbyRequested | StandbyStepStarted | StandbySiteCreated | StandbyAppInstalled | StandbyApiKeyCreated | StandbyReady | StandbyBuildFailed | StandbyClaimed | StandbyReturned | StandbyDropped;

export type StandbyEventType = StandbyEvent['type'];
export type StandbyEventDraft = StandbyEvent extends infer E ? (E extends StandbyEvent ? Pick<E, 'type' | 'data'> : never) : never;

export const STANDBY_EVENT_TYPES = [
  'StandbyRequested',
  'StandbyStepStarted',
  'StandbySiteCreated',
  'StandbyAppInstalled',
  'StandbyApiKeyCreated',
  'StandbyReady',
  'StandbyBuildFailed',
  'StandbyClaimed',
  'StandbyReturned',
  'StandbyDropped',
] as const satisfies readonly StandbyEventType[];

export const STANDBY_SCHEMA_VERSIONS: Readonly<Record<StandbyEventType, number>> = Object.freeze({
  StandbyRequested: 1,
  StandbyStepStarted: 1,
  StandbySiteCreated: 1,
  StandbyAppInstalled: 1,
  StandbyApiKeyCreated: 1,
  StandbyReady: 1,
  StandbyBuildFailed: 1,
  StandbyClaimed: 1,
  StandbyReturned: 1,
  StandbyDropped: 1,
});

export const isStandbyEventType = (type: string): type is StandbyEventType => (STANDBY_EVENT_TYPES as readonly string[]).includes(type);

export const STANDBY_STREAM_PREFIX = 'standby-';
/** The stream of a standby site is named exactly like the site. */
export const standbyStream = (site: string): string => site;
export const isStandbyStream = (stream: string): boolean => /^standby-[a-z0-9]{8,32}$/.test(stream);

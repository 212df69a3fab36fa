/**
 * A standby site's state folded from its stream. Pure, shared by the pool (which decides on it),
 * `tenantctl pool status` and the tests.
 */
import { assertNever } from './events.js';
import type { StandbyEvent, StandbyStepName } from './standby-events.js';

export type StandbyStatus = 'None' | 'Building' | 'Ready' | 'Claimed' | 'Failed' | 'Dropped';

export interface StandbyRunning {
  readonly step: StandbyStepName;
  readonly app?: string;
  readonly attempt: number;
  readonly runnerId: string;
  readonly leaseExpiresAt: string;
  readonly startedAt: string;
}

export interface StandbyState {
  readonly exists: boolean;
  readonly site: string;
  readonly status: StandbyStatus;
  readonly apps: readonly string[];
  readonly siteCreated: boolean;
  /** True from the start of new-site until StandbyDropped: a (half) site may be on the bench. */
  readonly siteMayExist: boolean;
  readonly dbName?: string;
  readonly installed: readonly string[];
  /** Administrator's API key, made while building (sites built before that step existed have none). */
  readonly apiKey?: string;
  readonly running?: StandbyRunning;
  /** Attempts made per step key (`new-site`, `install-app:erpnext`, `drop-site`). */
  readonly attempts: Readonly<Record<string, number>>;
  readonly claimedBy?: string;
  readonly claims: number;
  readonly requestedAt?: string;
  readonly readyAt?: string;
  readonly lastError?: string;
  /** occurredAt of the last event: a Building site silent for longer than a lease is abandoned. */
  readonly updatedAt?: string;
  readonly revision: number;
  readonly lastHash?: string;
}

export const initialStandbyState: StandbyState = Object.freeze({
  exists: false,
  site: '',
  status: 'None',
  apps: [],
  siteCreated: false,
  siteMayExist: false,
  installed: [],
  attempts: {},
  claims: 0,
  revision: -1,
}) as StandbyState;

export const standbyStepKey = (step: StandbyStepName, app?: string): string => (step === 'install-app' ? `install-app:${app}` : step);

/** The next build step, or undefined when the site is built (or not building). */
export function nextStandbyStep(s: StandbyState): { step: StandbyStepName; app?: string } | undefined {
  if (s.status === 'Failed') return s.siteMayExist ? { step: 'drop-site' } : undefined;
  if (s.status !== 'Building') return undefined;
  if (!s.siteCreated) return { step: 'new-site' };
  const app = s.apps.find((a) => !s.installed.includes(a));
  if (app !== undefined) return { step: 'install-app', app };
  return s.apiKey === undefined ? { step: 'api-key' } : undefined;
}

export function evolveStandby(state: StandbyState, event: StandbyEvent, revision = state.revision + 1): StandbyState {
  const at = event.metadata?.occurredAt ?? '';
  return { ...state, ...applyStandby(state, event, at), revision, lastHash: event.metadata?.hash ?? state.lastHash, updatedAt: at || state.updatedAt };
}

export const foldStandby = (events: readonly StandbyEvent[], from: StandbyState = initialStandbyState): StandbyState => events.reduce<StandbyState>((s, e) => evolveStandby(s, e), from);

function applyStandby(s: StandbyState, event: StandbyEvent, at: string): Partial<StandbyState> {
  switch (event.type) {
    case 'StandbyRequested':
      return { exists: true, site: event.data.site, status: 'Building', apps: event.data.apps, requestedAt: at };
    case 'StandbyStepStarted': {
      const d = event.data;
      return {
        running: { step: d.step, app: d.app, attempt: d.attempt, runnerId: d.runnerId, leaseExpiresAt: d.leaseExpiresAt, startedAt: at },
        attempts: { ...s.attempts, [standbyStepKey(d.step, d.app)]: d.attempt },
        siteMayExist: s.siteMayExist || d.step === 'new-site',
      };
    }
    case 'StandbySiteCreated':
      return { siteCreated: true, siteMayExist: true, dbName: event.data.dbName, running: undefined };
    case 'StandbyAppInstalled':
      return { installed: [...s.installed, event.data.app], running: undefined };
    case 'StandbyApiKeyCreated':
      return { apiKey: event.data.apiKey, running: undefined };
    case 'StandbyReady':
      return { status: 'Ready', readyAt: at, running: undefined };
    case 'StandbyBuildFailed':
      return { status: 'Failed', lastError: event.data.reason, running: undefined };
    case 'StandbyClaimed':
      return { status: 'Claimed', claimedBy: event.data.tenantId, claims: s.claims + 1 };
    case 'StandbyReturned':
      return { status: 'Ready', claimedBy: undefined };
    case 'StandbyDropped':
      return { status: 'Dropped', siteMayExist: false, running: undefined };
    default:
      return assertNever(event, 'standby event');
  }
}

/** How many times `tenantId` claimed this site (from the stream; a clean return allows a second claim). */
export const claimsBy = (events: readonly StandbyEvent[], tenantId: string): number => events.filter((e) => e.type === 'StandbyClaimed' && e.data.tenantId === tenantId).length;

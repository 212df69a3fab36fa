/**
 * The lifecycle's vocabulary, in one place for the service, tenantctl and the web: the
 * statuses, which of them are settled or still building, how a step is named for people, and
 * the state as of an instant. Pure, like the rest of this package.
 */
import type { StepName, StepRef, TenantEvent } from './events.js';
import { foldTenant, type TenantState, type TenantStatus } from './tenant-state.js';
import { upcast, type RawEvent } from './upcasting.js';

export const TENANT_STATUSES = [
  'Requested',
  'Provisioning',
  'Active',
  'Failed',
  'RollingBack',
  'RolledBack',
  'Broken',
  'Suspended',
  'Deprovisioning',
  'Deprovisioned',
] as const satisfies readonly TenantStatus[];
// Every status is listed: a new one added to TenantStatus without this list fails to compile.
const _everyStatus: Record<TenantStatus, true> = Object.fromEntries(TENANT_STATUSES.map((s) => [s, true])) as Record<(typeof TENANT_STATUSES)[number], true>;
void _everyStatus;

/** Signed up and not yet Active nor rolled back: the process manager is at work. */
export const BUILDING_STATUSES: ReadonlySet<TenantStatus> = new Set<TenantStatus>(['Requested', 'Provisioning']);
/** Nothing more happens to the tenant until a person asks (retry, resume, deprovision). */
export const SETTLED_STATUSES: ReadonlySet<TenantStatus> = new Set<TenantStatus>(['Active', 'RolledBack', 'Broken', 'Suspended', 'Deprovisioned']);

export const isBuilding = (status: string): boolean => BUILDING_STATUSES.has(status as TenantStatus);
export const isSettled = (status: string): boolean => SETTLED_STATUSES.has(status as TenantStatus);

const appName = (app?: string): string => (app === 'erpnext' ? 'ERPNext' : (app ?? 'an app'));

/** What a step does, for the customer's progress page: an instruction-like label. */
const LABELS: Record<StepName, (app?: string) => string> = {
  'new-site': () => 'Create your site and its database',
  'install-app': (app) => `Install ${appName(app)}`,
  'add-system-manager': () => 'Create your administrator account',
  'api-keys': () => 'Issue your API keys',
  'set-host-name': () => 'Connect your web address',
  // Shown on the progress page only while a failed build is undone.
  'drop-site': () => 'Remove the partly built site',
};
/** What a step is doing, for sentences in the API, logs and the ops console ("Creating the site failed: ..."). */
const ACTIVITIES: Record<StepName, (app?: string) => string> = {
  'new-site': () => 'Creating the site',
  'install-app': (app) => `Installing ${app ?? 'an app'}`,
  'add-system-manager': () => 'Setting up the administrator',
  'api-keys': () => 'Issuing API keys',
  'set-host-name': () => 'Configuring the host name',
  'drop-site': () => 'Removing the site',
};

/** `new-site`, or a step key such as `install-app:erpnext`. */
const refOf = (ref: StepRef | string): StepRef => {
  if (typeof ref !== 'string') return ref;
  const [step, app] = ref.split(':') as [StepName, string | undefined];
  return app ? { step, app } : { step };
};

export function stepLabel(ref: StepRef | string): string {
  const r = refOf(ref);
  return LABELS[r.step]?.(r.app) ?? r.step;
}

export function stepActivity(ref: StepRef | string): string {
  const r = refOf(ref);
  return ACTIVITIES[r.step]?.(r.app) ?? r.step;
}

/** An event as stored: enough to upcast it and to know when it happened. */
export interface StoredEvent extends RawEvent {
  readonly recordedAt?: string;
}

/** When an event happened: its own `occurredAt`, else when the store recorded it. */
export const occurredAt = (e: StoredEvent): number => Date.parse((e.metadata as { occurredAt?: string } | undefined)?.occurredAt ?? e.recordedAt ?? '');

/** The tenant as it was at `asOf` (ms or Date; undefined: now), and how many events that took. */
export function stateAsOf(events: readonly StoredEvent[], asOf?: Date | number): { state: TenantState; included: number } {
  const until = asOf === undefined ? Number.POSITIVE_INFINITY : typeof asOf === 'number' ? asOf : asOf.getTime();
  const upto = events.filter((e) => occurredAt(e) <= until);
  return { state: foldTenant(upto.map((e) => upcast<TenantEvent>(e))), included: upto.length };
}

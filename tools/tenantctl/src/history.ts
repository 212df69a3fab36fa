/**
 * `tenantctl history <tenant> [--as-of <ISO>]`: the timeline and the state as of an instant.
 * "As of" compares with each event's `occurredAt` (when the decision was taken); the state is
 * `foldTenant` over the upcast events up to and including that instant.
 */
import { upcast, type Actor, type TenantEvent, type TenantState } from '@tlc/tenant-events';
import type { RecordedEvent } from '@tlc/event-store';
import { summarize } from './summary.js';

export interface TimelineEntry {
  readonly revision: number;
  readonly position: number;
  readonly time: string;
  readonly event: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly summary: string;
}

export const actorLabel = (a: Actor | undefined): string => (a ? `${a.kind}:${a.id}` : 'unknown');

export function timeline(events: readonly RecordedEvent[]): TimelineEntry[] {
  return events.map((r) => {
    const e = upcast<TenantEvent>(r);
    return {
      revision: r.revision,
      position: r.position,
      time: e.metadata?.occurredAt ?? r.recordedAt,
      event: e.type,
      actor: actorLabel(e.metadata?.actor),
      correlationId: e.metadata?.correlationId ?? '',
      summary: summarize(e),
    };
  });
}

/** The state for people and auditors: what `foldTenant` knows, minus every secret it carries. */
export function publicState(s: TenantState): Record<string, unknown> {
  const { adminPassword: _pw, adminPasswordHash: _hash, lastHash: _h, apiKey: _key, standbyApiKey: _standbyKey, ...rest } = s;
  return rest;
}

/** The tenant as it was at an instant (one definition, shared with the service and the web). */
export { stateAsOf } from '@tlc/tenant-events';

export function formatHistory(entries: readonly TimelineEntry[], state: TenantState, asOf: Date | undefined, included: number): string {
  const lines = entries.map((t, i) => `${i < included ? ' ' : '>'} ${t.time}  ${String(t.revision).padStart(3)}  ${t.event.padEnd(20)} ${t.actor.padEnd(28)} ${t.correlationId}  ${t.summary}`);
  const steps = state.steps.map((s) => `${s.key}=${s.status}`).join(' ');
  return [
    `  time                      rev  event                actor                        correlation id                        summary`,
    ...lines,
    '',
    `State ${asOf ? `as of ${asOf.toISOString()}` : 'now'} (${included} of ${entries.length} events${included < entries.length ? '; later ones marked >' : ''}):`,
    `  status: ${state.status}   subdomain: ${state.subdomain || '-'}   organization: ${state.organization || '-'}`,
    `  site URL: ${state.siteUrl ?? '-'}   created: ${state.createdAt ?? '-'}   activated: ${state.activatedAt ?? '-'}`,
    `  steps: ${steps || '-'}`,
    ...(state.lastError ? [`  last error: ${state.lastError.reason} (${state.lastError.at})`] : []),
  ].join('\n');
}

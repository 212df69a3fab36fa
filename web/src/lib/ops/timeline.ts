/**
 * Timeline rows for the console: the tenant's recorded events as the API sends them, upcast to
 * the current schema and summarised with the same words tenantctl prints (summarizeEvent in
 * @tlc/tenant-events). An event this build does not know still gets a row, named by its type.
 */
import { failureDetail, summarizeEvent, upcast, type TenantEvent } from '@tlc/tenant-events';
import type { RecordedEventView } from './ops-types';

export interface TimelineRow {
  readonly revision: number;
  readonly at: string;
  readonly actor: string;
  readonly type: string;
  readonly summary: string;
  readonly failure: { readonly reason: string; readonly output: string } | null;
}

export function timelineRows(events: readonly RecordedEventView[]): TimelineRow[] {
  return events.map((r) => {
    const actor = r.metadata.actor ? `${r.metadata.actor.kind}:${r.metadata.actor.id}` : 'unknown';
    const at = r.metadata.occurredAt ?? r.recordedAt;
    try {
      const e = upcast<TenantEvent>({ type: r.type, data: r.data, metadata: r.metadata });
      return { revision: r.revision, at, actor, type: r.type, summary: summarizeEvent(e), failure: failureDetail(e) };
    } catch {
      return { revision: r.revision, at, actor, type: r.type, summary: r.type, failure: null };
    }
  });
}

/** The distinct instants a "state as of" picker offers: each event's time, newest first. */
export function asOfChoices(events: readonly RecordedEventView[]): { readonly value: string; readonly label: string }[] {
  return [...events].reverse().map((r) => {
    const at = r.metadata.occurredAt ?? r.recordedAt;
    return { value: at, label: `${at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')} after #${r.revision} ${r.type}` };
  });
}

/** Reads tenants straight from the event store: the source of truth the checks judge by. */
import { createEventStore, type EventStore, type RecordedEvent } from '@tlc/event-store';
import { foldTenant, tenantIdFromStream, upcast, type TenantEvent, type TenantState } from '@tlc/tenant-events';

export async function readWholeLog(es: EventStore, page = 5000): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let from: number | undefined;
  for (;;) {
    const batch = await es.readAll({ fromPosition: from, maxCount: page });
    if (batch.length === 0) return all;
    all.push(...batch);
    from = batch[batch.length - 1].position;
  }
}

export function byStream(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    const list = streams.get(e.streamId) ?? [];
    list.push(e);
    streams.set(e.streamId, list);
  }
  return streams;
}

export interface TenantView {
  readonly tenantId: string;
  readonly state: TenantState;
  readonly events: readonly RecordedEvent[];
}

export function tenantsOf(streams: ReadonlyMap<string, readonly RecordedEvent[]>): TenantView[] {
  const out: TenantView[] = [];
  for (const [stream, events] of streams) {
    const tenantId = tenantIdFromStream(stream);
    if (!tenantId) continue;
    out.push({ tenantId, state: foldTenant(events.map((e) => upcast<TenantEvent>(e))), events });
  }
  return out;
}

export async function withEventStore<T>(url: string, fn: (es: EventStore) => Promise<T>): Promise<T> {
  const es = await createEventStore(url);
  try {
    return await fn(es);
  } finally {
    await es.close();
  }
}

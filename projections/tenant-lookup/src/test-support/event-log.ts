import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore, type RecordedEvent } from '@tlc/event-store';
import { appendSampleHistories, sampleHistories, type SampleHistory } from '../sample-histories.js';
import { MemoryEventStore } from './memory-event-store.js';
import { foldPage, type TenantLookupDoc } from '../tenant-lookup.js';

/** A SQLite event store in a fresh temp folder, filled with `tenants` sample histories. */
export async function sampleEventLog(tenants: number): Promise<{ dir: string; url: string; es: EventStore; histories: SampleHistory[]; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tl-log-'));
  const url = `sqlite:${join(dir, 'events.db')}`;
  // The SQLite adapter when it works; TL_TEST_MEMORY_LOG=1 uses the in-memory port instead.
  const es = process.env.TL_TEST_MEMORY_LOG === '1' ? new MemoryEventStore() : await createEventStore(url);
  const histories = sampleHistories(tenants);
  await appendSampleHistories(es, histories);
  return {
    dir,
    url,
    es,
    histories,
    cleanup: async () => {
      await es.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function readLog(es: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (;;) {
    const page = await es.readAll({ fromPosition: out.length ? out[out.length - 1].position : undefined, maxCount: 10_000 });
    if (page.length === 0) return out;
    out.push(...page);
  }
}

/** The read model computed the simplest way: one in-memory fold of the whole log. */
export async function expectedDocs(es: EventStore): Promise<TenantLookupDoc[]> {
  return foldPage(await readLog(es), new Map()).sort((a, b) => (a.tenantId < b.tenantId ? -1 : 1));
}

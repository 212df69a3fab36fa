/**
 * `tenantctl verify`: recompute hash chains. One tenant reads its stream; `--all` reads the
 * whole log once (soft-deleted streams included: an auditor wants those too) and checks every
 * stream in it, tenant and reservation streams alike.
 */
import type { EventStore, RecordedEvent } from '@tlc/event-store';
import { verifyChain, type ChainProblemKind, type EventMetadata, type StoredChainEvent } from '@tlc/tenant-events';

export interface VerifyProblem {
  readonly stream: string;
  readonly revision: number;
  readonly kind: ChainProblemKind;
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly problems: VerifyProblem[];
}

const asChain = (r: RecordedEvent): StoredChainEvent => ({ type: r.type, data: r.data, metadata: r.metadata as unknown as EventMetadata, revision: r.revision });

export function verifyStreams(streams: ReadonlyMap<string, readonly RecordedEvent[]>): VerifyReport {
  const problems: VerifyProblem[] = [];
  let events = 0;
  for (const [stream, list] of [...streams.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    events += list.length;
    const ordered = [...list].sort((a, b) => a.revision - b.revision);
    for (const p of verifyChain(ordered.map(asChain))) problems.push({ stream, revision: p.revision, kind: p.kind, message: p.message });
  }
  return { ok: problems.length === 0, streams: streams.size, events, problems };
}

export async function readWholeLog(es: EventStore, pageSize = 5000): Promise<Map<string, RecordedEvent[]>> {
  const streams = new Map<string, RecordedEvent[]>();
  let from: number | undefined;
  for (;;) {
    const page = await es.readAll({ fromPosition: from, maxCount: pageSize });
    if (page.length === 0) return streams;
    for (const e of page) {
      const list = streams.get(e.streamId);
      if (list) list.push(e);
      else streams.set(e.streamId, [e]);
    }
    from = page[page.length - 1].position;
  }
}

export function formatVerify(report: VerifyReport): string {
  const head = `${report.ok ? 'OK' : 'TAMPERED'}: ${report.streams} stream(s), ${report.events} event(s) checked, ${report.problems.length} problem(s)`;
  return [head, ...report.problems.map((p) => `  ${p.stream} revision ${p.revision} [${p.kind}]: ${p.message}`)].join('\n');
}

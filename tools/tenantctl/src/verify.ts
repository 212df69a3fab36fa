/**
 * `tenantctl verify`: recompute hash chains. One tenant reads its stream; `--all` reads the
 * whole log once (soft-deleted streams included: an auditor wants those too) and checks every
 * chained stream in it (tenant, reservation and standby streams). Operational streams carry no
 * hash chain by design and are listed as out of scope with the reason; a signed checkpoint
 * (audit.ts) commits to them too. Across streams, every tenant's signup must be backed by its
 * subdomain reservation (written before the tenant stream), which names a deleted reservation
 * stream; a reservation whose tenant stream is missing is only a note (an orphaned signup looks
 * the same): a hash chain cannot see a stream or a tail cut off, checkpoints can.
 */
import type { EventStore, RecordedEvent } from '@tlc/event-store';
import {
  subdomainStream, tenantIdFromStream, tenantStream, verifyChain, type ChainProblemKind, type StoredChainEvent,
} from '@tlc/tenant-events';

export interface VerifyProblem {
  readonly stream: string;
  readonly revision: number;
  readonly kind: ChainProblemKind;
  readonly message: string;
}

export interface OutOfScope {
  readonly prefix: string;
  readonly streams: number;
  readonly events: number;
  readonly reason: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** Streams whose hash chain was checked. */
  readonly streams: number;
  readonly events: number;
  readonly problems: VerifyProblem[];
  /** Operational streams not hash-chained by design, counted per kind with the reason. */
  readonly outOfScope: OutOfScope[];
  /** Findings that are not proof of tampering (orphaned reservations). */
  readonly notes: string[];
}

/** Streams the service writes without a hash chain, on purpose. */
export const OPERATIONAL_STREAMS: ReadonlyArray<{ prefix: string; reason: string }> = [
  { prefix: 'idempotency-', reason: 'HTTP idempotency keys: replay protection for POST /v1/tenants, not tenant history (the tenant stream records what was done)' },
  { prefix: 'pm-checkpoint-', reason: 'process-manager subscription checkpoints: a position and in-flight tenants, re-derived from tenant streams; overwriting one only causes a re-check' },
  { prefix: 'mail-', reason: 'email outbox claims and delivery attempts: operational, each caused by a chained tenant event' },
];

export const operationalReason = (stream: string) => OPERATIONAL_STREAMS.find((o) => stream.startsWith(o.prefix));

/** A recorded event already has what the chain check reads (type, data, metadata, revision): no per-event copy. */
const asChain = (list: readonly RecordedEvent[]): readonly StoredChainEvent[] => list as unknown as readonly StoredChainEvent[];
const byRevision = (a: RecordedEvent, b: RecordedEvent): number => a.revision - b.revision;
/** readWholeLog yields each stream in revision order already; sort (a copy) only when it is not. */
const inRevisionOrder = (list: readonly RecordedEvent[]): readonly RecordedEvent[] =>
  list.every((e, i) => i === 0 || list[i - 1].revision <= e.revision) ? list : [...list].sort(byRevision);

export function verifyStreams(streams: ReadonlyMap<string, readonly RecordedEvent[]>, options: { crossCheck?: boolean } = {}): VerifyReport {
  const problems: VerifyProblem[] = [];
  const skipped = new Map<string, { streams: number; events: number; reason: string }>();
  let events = 0;
  let chained = 0;
  for (const [stream, list] of [...streams.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const op = operationalReason(stream);
    if (op) {
      const s = skipped.get(op.prefix) ?? { streams: 0, events: 0, reason: op.reason };
      s.streams++;
      s.events += list.length;
      skipped.set(op.prefix, s);
      continue;
    }
    chained++;
    events += list.length;
    for (const p of verifyChain(asChain(inRevisionOrder(list)))) problems.push({ stream, revision: p.revision, kind: p.kind, message: p.message });
  }
  const notes: string[] = [];
  if (options.crossCheck) crossCheck(streams, problems, notes);
  const outOfScope = [...skipped.entries()].map(([prefix, s]) => ({ prefix, ...s }));
  return { ok: problems.length === 0, streams: chained, events, problems, outOfScope, notes };
}

const dataOf = (e: RecordedEvent): Record<string, unknown> => (e.data && typeof e.data === 'object' ? e.data as Record<string, unknown> : {});

/** Whole-log only: a tenant's signup needs its subdomain reservation; a reservation's tenant should exist. */
function crossCheck(streams: ReadonlyMap<string, readonly RecordedEvent[]>, problems: VerifyProblem[], notes: string[]): void {
  const tenants = [...streams.keys()].filter((s) => tenantIdFromStream(s) !== undefined).length;
  if (tenants > 0 && ![...streams.keys()].some((s) => s.startsWith('subdomain-'))) {
    notes.push(`no subdomain-* reservation stream at all for ${tenants} tenant stream(s): a log not written by the signup service (fixtures, imports), or every reservation was deleted; the cross-stream check was skipped (a signed checkpoint would name deleted streams)`);
    return;
  }
  for (const [stream, list] of streams) {
    const tenantId = tenantIdFromStream(stream);
    if (tenantId !== undefined) {
      const signup = list.find((e) => e.type === 'SignupRequested');
      const subdomain = signup ? dataOf(signup).subdomain : undefined;
      if (!signup || typeof subdomain !== 'string') continue;
      const reservation = streams.get(subdomainStream(subdomain));
      if (!reservation) {
        problems.push({ stream: subdomainStream(subdomain), revision: 0, kind: 'removed', message: `${subdomainStream(subdomain)} is missing: ${stream} revision ${signup.revision} (SignupRequested) was reserved there first; the stream was deleted` });
      } else if (!reservation.some((e) => e.type === 'SubdomainReserved' && dataOf(e).tenantId === tenantId)) {
        problems.push({ stream: subdomainStream(subdomain), revision: reservation.length, kind: 'removed', message: `${subdomainStream(subdomain)} has no SubdomainReserved for tenant ${tenantId} (${stream} revision ${signup.revision}): events were removed` });
      }
    } else if (stream.startsWith('subdomain-')) {
      for (const e of list) {
        const holder = dataOf(e).tenantId;
        if (e.type === 'SubdomainReserved' && typeof holder === 'string' && !streams.has(tenantStream(holder))) {
          notes.push(`${stream} revision ${e.revision} reserves for tenant ${holder}, whose stream does not exist: an orphaned signup (the reservation was written, the tenant stream never) or a deleted tenant stream; a signed checkpoint tells which`);
        }
      }
    }
  }
}

/** Pages of 20,000: fewer round trips (on PostgreSQL and EventStoreDB too), memory bounded by the page. */
export async function readWholeLog(es: EventStore, pageSize = 20_000): Promise<Map<string, RecordedEvent[]>> {
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
  return [
    head,
    ...report.problems.map((p) => `  ${p.stream} revision ${p.revision} [${p.kind}]: ${p.message}`),
    ...(report.outOfScope ?? []).map((o) => `  out of scope: ${o.streams} ${o.prefix}* stream(s), ${o.events} event(s), no hash chain by design: ${o.reason}`),
    ...(report.notes ?? []).map((n) => `  note: ${n}`),
  ].join('\n');
}

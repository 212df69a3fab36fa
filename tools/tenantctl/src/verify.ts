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
import type { EventStore, RecordedEvent, StoredEventText } from '@tlc/event-store';
import {
  extendChain,
  extendChainStored,
  parseStored,
  scanLog,
  subdomainStream,
  tenantIdFromStream,
  tenantStream,
  verifyChain,
  type ChainHead,
  type ChainProblemKind,
  type StoredChainEvent,
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
/** Streams arrive in revision order already; sort (a copy) only when they do not. */
const inRevisionOrder = (list: readonly RecordedEvent[]): readonly RecordedEvent[] => (list.every((e, i) => i === 0 || list[i - 1].revision <= e.revision) ? list : [...list].sort(byRevision));
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const dataOf = (e: RecordedEvent): Record<string, unknown> => (e.data && typeof e.data === 'object' ? (e.data as Record<string, unknown>) : {});

/** What the cross-stream check needs of a stream, kept while the events themselves are dropped. */
interface StreamFacts {
  events: number;
  /** The stream's hash chain so far; null once it does not extend cleanly (re-checked in full). Undefined: not yet started. */
  head: ChainHead | null | undefined;
  readonly operational: { prefix: string; reason: string } | undefined;
  /** First SignupRequested (tenant streams). */
  signup?: { readonly revision: number; readonly subdomain: unknown };
  /** SubdomainReserved holders (subdomain streams). */
  readonly reserved: Array<{ readonly revision: number; readonly tenantId: unknown }>;
}

/**
 * Verifies the log fed to it event by event (position order, or revision order per stream),
 * holding per stream only a chain head and the facts the cross-check needs. A stream whose
 * events do not each extend the one before goes to verifyChain whole (`broken`, `finish`), which
 * names what happened; a clean stream gets the same verdict either way (see extendChain).
 */
export class LogVerifier {
  private readonly streams = new Map<string, StreamFacts>();

  add(e: RecordedEvent): void {
    const f = this.factsOf(e.streamId);
    noteFacts(f, e);
    if (f.operational || f.head === null) return;
    f.head = extendChain(f.head, e as unknown as StoredChainEvent) ?? null;
  }

  /**
   * add() for an event as stored (the event store's readAllText): the chain is checked on the
   * stored text when it is canonical (extendChainStored: same verdict, no parse); data is parsed
   * only for the two event types the cross-check reads, and anything else only when its text is
   * not canonical.
   */
  addStored(e: StoredEventText): void {
    const f = this.factsOf(e.streamId);
    let parsed: RecordedEvent | undefined;
    const parse = (): RecordedEvent => (parsed ??= parseStored(e) as RecordedEvent);
    if (e.type === 'SignupRequested' || e.type === 'SubdomainReserved') noteFacts(f, parse());
    if (f.operational || f.head === null) return;
    const next = extendChainStored(f.head, e);
    f.head = (next === null ? extendChain(f.head, parse() as unknown as StoredChainEvent) : next) ?? null;
  }

  private factsOf(streamId: string): StreamFacts {
    let f = this.streams.get(streamId);
    if (!f) this.streams.set(streamId, (f = { events: 0, head: undefined, operational: operationalReason(streamId), reserved: [] }));
    f.events++;
    return f;
  }

  /** Streams to hand to `finish` whole, in revision order. */
  get broken(): ReadonlySet<string> {
    return new Set([...this.streams].filter(([, f]) => f.head === null).map(([id]) => id));
  }

  finish(brokenStreams: ReadonlyMap<string, readonly RecordedEvent[]>, options: { crossCheck?: boolean } = {}): VerifyReport {
    const problems: VerifyProblem[] = [];
    const skipped = new Map<string, { streams: number; events: number; reason: string }>();
    let events = 0;
    let chained = 0;
    for (const stream of [...this.streams.keys()].sort(byId)) {
      const f = this.streams.get(stream)!;
      if (f.operational) {
        const s = skipped.get(f.operational.prefix) ?? { streams: 0, events: 0, reason: f.operational.reason };
        s.streams++;
        s.events += f.events;
        skipped.set(f.operational.prefix, s);
        continue;
      }
      chained++;
      events += f.events;
      if (f.head !== null) continue;
      const list = brokenStreams.get(stream);
      if (!list) throw new Error(`LogVerifier.finish: the events of ${stream} are needed`);
      const ordered = inRevisionOrder(list);
      // Facts from the stream in revision order, as a reader of the whole stream would see them.
      const again: StreamFacts = { events: 0, head: null, operational: undefined, reserved: [] };
      for (const e of ordered) noteFacts(again, e);
      this.streams.set(stream, { ...f, signup: again.signup, reserved: again.reserved });
      for (const p of verifyChain(asChain(ordered))) problems.push({ stream, revision: p.revision, kind: p.kind, message: p.message });
    }
    const notes: string[] = [];
    if (options.crossCheck) crossCheck(this.streams, problems, notes);
    const outOfScope = [...skipped.entries()].map(([prefix, s]) => ({ prefix, ...s }));
    return { ok: problems.length === 0, streams: chained, events, problems, outOfScope, notes };
  }
}

function noteFacts(f: StreamFacts, e: RecordedEvent): void {
  if (e.type === 'SignupRequested' && !f.signup) f.signup = { revision: e.revision, subdomain: dataOf(e).subdomain };
  else if (e.type === 'SubdomainReserved') f.reserved.push({ revision: e.revision, tenantId: dataOf(e).tenantId });
}

/** Streams already in memory (one tenant, or the whole log when checkpoints are verified too). */
export function verifyStreams(streams: ReadonlyMap<string, readonly RecordedEvent[]>, options: { crossCheck?: boolean } = {}): VerifyReport {
  const v = new LogVerifier();
  for (const list of streams.values()) for (const e of inRevisionOrder(list)) v.add(e);
  return v.finish(streams, options);
}

/**
 * `verify --all` without holding the log: one scan in position order (of the stored text when
 * the store offers it: readAllText), then a second one (up to the first one's head) collecting
 * only the streams that did not extend cleanly.
 */
export async function verifyLog(es: EventStore, options: { crossCheck?: boolean } = {}): Promise<VerifyReport> {
  const v = new LogVerifier();
  return v.finish(await scanInto(es, v), options);
}

/** What else sees every event of the first scan (verifyLogAndCheckpoints commits to the log in the same scan). */
export interface AlsoScan {
  stored(e: StoredEventText): void;
  parsed(e: RecordedEvent): void;
}

/** verifyLog's two scans; returns what `finish` needs (the streams that did not extend cleanly). */
export async function scanInto(es: EventStore, v: LogVerifier, also?: AlsoScan): Promise<Map<string, RecordedEvent[]>> {
  const readPage = (fromPosition: number | undefined, maxCount: number) => es.readAll({ fromPosition, maxCount });
  const head = es.readAllText
    ? await scanLog(
        (fromPosition, maxCount) => es.readAllText!({ fromPosition, maxCount }),
        also
          ? (e) => {
              v.addStored(e);
              also.stored(e);
            }
          : (e) => v.addStored(e),
      )
    : await scanLog(
        readPage,
        also
          ? (e) => {
              v.add(e);
              also.parsed(e);
            }
          : (e) => v.add(e),
      );
  const broken = v.broken;
  const whole = new Map<string, RecordedEvent[]>();
  if (broken.size > 0) {
    await scanLog(
      readPage,
      (e) => {
        if (!broken.has(e.streamId)) return;
        const list = whole.get(e.streamId);
        if (list) list.push(e);
        else whole.set(e.streamId, [e]);
      },
      { upTo: head },
    );
  }
  return whole;
}

/** Whole-log only: a tenant's signup needs its subdomain reservation; a reservation's tenant should exist. */
function crossCheck(streams: ReadonlyMap<string, StreamFacts>, problems: VerifyProblem[], notes: string[]): void {
  const tenants = [...streams.keys()].filter((s) => tenantIdFromStream(s) !== undefined).length;
  if (tenants > 0 && ![...streams.keys()].some((s) => s.startsWith('subdomain-'))) {
    notes.push(
      `no subdomain-* reservation stream at all for ${tenants} tenant stream(s): a log not written by the signup service (fixtures, imports), or every reservation was deleted; the cross-stream check was skipped (a signed checkpoint would name deleted streams)`,
    );
    return;
  }
  for (const [stream, f] of streams) {
    const tenantId = tenantIdFromStream(stream);
    if (tenantId !== undefined) {
      const subdomain = f.signup?.subdomain;
      if (!f.signup || typeof subdomain !== 'string') continue;
      const reservation = streams.get(subdomainStream(subdomain));
      if (!reservation) {
        problems.push({
          stream: subdomainStream(subdomain),
          revision: 0,
          kind: 'removed',
          message: `${subdomainStream(subdomain)} is missing: ${stream} revision ${f.signup.revision} (SignupRequested) was reserved there first; the stream was deleted`,
        });
      } else if (!reservation.reserved.some((r) => r.tenantId === tenantId)) {
        problems.push({
          stream: subdomainStream(subdomain),
          revision: reservation.events,
          kind: 'removed',
          message: `${subdomainStream(subdomain)} has no SubdomainReserved for tenant ${tenantId} (${stream} revision ${f.signup.revision}): events were removed`,
        });
      }
    } else if (stream.startsWith('subdomain-')) {
      for (const r of f.reserved) {
        if (typeof r.tenantId === 'string' && !streams.has(tenantStream(r.tenantId))) {
          notes.push(
            `${stream} revision ${r.revision} reserves for tenant ${r.tenantId}, whose stream does not exist: an orphaned signup (the reservation was written, the tenant stream never) or a deleted tenant stream; a signed checkpoint tells which`,
          );
        }
      }
    }
  }
}

/** Pages of 20,000: fewer round trips (on PostgreSQL and EventStoreDB too). Holds the whole log: only for what needs it (checkpoint verification, proofs). */
export async function readWholeLog(es: EventStore, pageSize = 20_000): Promise<Map<string, RecordedEvent[]>> {
  const streams = new Map<string, RecordedEvent[]>();
  await scanLog(
    (fromPosition, maxCount) => es.readAll({ fromPosition, maxCount }),
    (e) => {
      const list = streams.get(e.streamId);
      if (list) list.push(e);
      else streams.set(e.streamId, [e]);
    },
    { pageSize },
  );
  return streams;
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

/**
 * The commitment a signed checkpoint makes to the whole log (DESIGN.md "Audit"; RFC 6962 signed
 * tree heads). Here, not in tenantctl, because two processes make checkpoints: `tenantctl audit
 * checkpoint` and the provisioning service's timer; both must produce the same bytes.
 *
 * - Each event contributes placeHash || contentHash (hex text): placeHash = SHA-256 of canonical
 *   JSON of { streamId, revision, position, recordedAt }, contentHash = SHA-256 of canonical JSON
 *   of { eventId, type, data, metadata }: every stored field, so content, place and recorded_at
 *   are committed, for every stream (operational streams without a hash chain included).
 * - Stream entry: [streamId, lastRevision, eventCount, eventsDigest], eventsDigest = SHA-256 of
 *   its events' contributions in revision order; the log root is the RFC 6962 Merkle root of the
 *   stream entries (leaf = H(0x00 || canonical JSON of the entry)) sorted by stream id.
 * - `detail` (per stream: the entry and a short fingerprint of each event's content and place)
 *   lets a verifier name the stream and revision that changed, not just say that something did.
 */
import { createHash, type Hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { isCanonicalJsonText } from './canonical-text.js';
import { sha256Hex } from './hash-chain.js';
import { merkleLeafHex, merkleRoot } from './merkle.js';

/** What the commitment reads of a stored event (the event store's RecordedEvent has all of it). */
export interface LoggedEvent {
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
}

/** Hex chars per fingerprint: localisation only; the root commits to full hashes. */
export const FINGERPRINT_CHARS = 10;

const str = (s: string): string => canonicalJson(s);

/**
 * SHA-256 (hex) of canonical JSON of { eventId, type, data, metadata }. The text is written in
 * canonical key order here instead of building that object per event: same bytes as
 * canonicalJson of it (undefined data or metadata dropped, like canonicalJson does).
 */
export function contentHash(e: LoggedEvent): string {
  let text = '{';
  if (e.data !== undefined) text += `"data":${canonicalJson(e.data)},`;
  text += `"eventId":${str(e.eventId)}`;
  if (e.metadata !== undefined) text += `,"metadata":${canonicalJson(e.metadata)}`;
  return sha256Hex(`${text},"type":${str(e.type)}}`);
}

/** A logged event as the store holds it: data and metadata as JSON text (the event store's StoredEventText). */
export interface StoredLoggedEvent extends Omit<LoggedEvent, 'data' | 'metadata'> {
  readonly data: string;
  readonly metadata: string;
}

/** The stored event parsed, as the event store's readAll returns it. */
export const parseStored = (e: StoredLoggedEvent): LoggedEvent => ({
  streamId: e.streamId,
  eventId: e.eventId,
  type: e.type,
  data: JSON.parse(e.data) as unknown,
  metadata: JSON.parse(e.metadata) as unknown,
  revision: e.revision,
  position: e.position,
  recordedAt: e.recordedAt,
});

/**
 * contentHash of a stored event: when its data and metadata text are canonical
 * (canonical-text.ts), that text is what contentHash would write, so it is hashed as it is;
 * otherwise the event is parsed and canonicalised.
 */
export function storedContentHash(e: StoredLoggedEvent): string {
  if (!isCanonicalJsonText(e.data) || !isCanonicalJsonText(e.metadata)) return contentHash(parseStored(e));
  return sha256Hex(`{"data":${e.data},"eventId":${str(e.eventId)},"metadata":${e.metadata},"type":${str(e.type)}}`);
}

/** SHA-256 (hex) of canonical JSON of { streamId, revision, position, recordedAt } (keys in canonical order). */
export const placeHash = (e: Pick<LoggedEvent, 'position' | 'recordedAt' | 'revision' | 'streamId'>): string =>
  sha256Hex(`{"position":${canonicalJson(e.position)},"recordedAt":${str(e.recordedAt)},"revision":${canonicalJson(e.revision)},"streamId":${str(e.streamId)}}`);

/** What one event contributes to its stream's digest: placeHash then contentHash, as hex text. */
export const eventPart = (e: LoggedEvent, content = contentHash(e)): string => `${placeHash(e)}${content}`;
const storedEventPart = (e: StoredLoggedEvent): string => `${placeHash(e)}${storedContentHash(e)}`;
/** The detail's per-event fingerprint: content first, then place. */
const fingerprint = (part: string): string => part.slice(64, 64 + FINGERPRINT_CHARS) + part.slice(0, FINGERPRINT_CHARS);

/** eventsDigest: SHA-256 of the events' parts in revision order. */
export function eventsDigest(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p, 'utf8');
  return h.digest('hex');
}

/** [streamId, lastRevision, eventCount, eventsDigest] */
export type StreamEntry = [string, number, number, string];
/** A stream entry plus, per event in revision order, [revision, contentFp + placeFp]. */
export type StreamDetail = [string, number, number, string, Array<[number, string]>];

export const streamLeaf = (entry: StreamEntry): string => merkleLeafHex(canonicalJson(entry));
export const entryOf = (d: StreamDetail): StreamEntry => [d[0], d[1], d[2], d[3]];
export const detailRoot = (detail: readonly StreamDetail[]): string => merkleRoot(detail.map((d) => streamLeaf(entryOf(d))));

export interface LogCommitment {
  readonly headPosition: number;
  readonly streams: number;
  readonly events: number;
  readonly root: string;
  readonly detail: StreamDetail[];
}

export const byRevision = (a: LoggedEvent, b: LoggedEvent): number => a.revision - b.revision || a.position - b.position;
const sortedIds = (ids: Iterable<string>): string[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Per-event hashing, injectable so that verifying many checkpoints hashes each event once. */
export type PartOf = (e: LoggedEvent) => string;
const uncached: PartOf = (e) => eventPart(e);

export function streamDetail(streamId: string, events: readonly LoggedEvent[], partOf: PartOf = uncached): StreamDetail {
  const ordered = [...events].sort(byRevision);
  const parts = ordered.map(partOf);
  return [streamId, ordered.length ? ordered[ordered.length - 1].revision : -1, ordered.length, eventsDigest(parts), ordered.map((e, i) => [e.revision, fingerprint(parts[i])])];
}

/** The commitment to every event at or before `headPosition` (all of them when omitted), from streams held in memory. */
export function commitLog(streams: ReadonlyMap<string, readonly LoggedEvent[]>, headPosition?: number, partOf: PartOf = uncached): LogCommitment {
  const cut = new Map<string, readonly LoggedEvent[]>();
  let head = 0;
  let events = 0;
  for (const [id, list] of streams) {
    const kept = headPosition === undefined ? list : list.filter((e) => e.position <= headPosition);
    if (kept.length === 0) continue;
    cut.set(id, kept);
    events += kept.length;
    for (const e of kept) if (e.position > head) head = e.position;
  }
  const detail = sortedIds(cut.keys()).map((id) => streamDetail(id, cut.get(id)!, partOf));
  return { headPosition: headPosition ?? head, streams: detail.length, events, root: detailRoot(detail), detail };
}

interface Running {
  readonly digest: Hash;
  last: number;
  readonly fps: Array<[number, string]>;
}

/**
 * The same commitment as commitLog, built from events fed in commit (position) order without
 * holding them: per stream a running SHA-256 and the fingerprints the detail keeps anyway. A
 * stream whose revisions do not arrive in ascending order (only a tampered store does that)
 * cannot be digested on the fly: it is listed in `needsWholeStream` and its events are handed
 * to `finish`, which digests it the way commitLog does.
 */
export class LogCommitter {
  private readonly running = new Map<string, Running>();
  private readonly unordered = new Set<string>();
  private head = 0;
  private events = 0;

  add(e: LoggedEvent): void {
    this.addPart(e, eventPart);
  }

  /** add() for an event as stored: its content hashed from the stored text (storedContentHash). */
  addStored(e: StoredLoggedEvent): void {
    this.addPart(e, storedEventPart);
  }

  private addPart<E extends LoggedEvent | StoredLoggedEvent>(e: E, partOf: (e: E) => string): void {
    if (e.position > this.head) this.head = e.position;
    this.events++;
    let s = this.running.get(e.streamId);
    if (!s) this.running.set(e.streamId, (s = { digest: createHash('sha256'), last: -1, fps: [] }));
    else if (this.unordered.has(e.streamId)) return;
    else if (e.revision <= s.last) {
      this.unordered.add(e.streamId);
      return;
    }
    const part = partOf(e);
    s.digest.update(part, 'utf8');
    s.last = e.revision;
    s.fps.push([e.revision, fingerprint(part)]);
  }

  get headPosition(): number {
    return this.head;
  }

  get needsWholeStream(): ReadonlySet<string> {
    return this.unordered;
  }

  /**
   * The root finish() would give for the events added so far, without ending the commitment
   * (running digests are copied): a checkpoint's root at its head, taken mid-scan. Undefined
   * while a stream is out of revision order (only finish, with its events, can digest it).
   */
  rootNow(): string | undefined {
    if (this.unordered.size > 0) return undefined;
    return merkleRoot(
      sortedIds(this.running.keys()).map((id) => {
        const s = this.running.get(id)!;
        return streamLeaf([id, s.last, s.fps.length, s.digest.copy().digest('hex')]);
      }),
    );
  }

  finish(wholeStreams: ReadonlyMap<string, readonly LoggedEvent[]> = new Map()): LogCommitment {
    const detail = sortedIds(this.running.keys()).map((id): StreamDetail => {
      if (this.unordered.has(id)) {
        const all = wholeStreams.get(id);
        if (!all) throw new Error(`LogCommitter: ${id} arrived out of revision order; finish() needs its events`);
        return streamDetail(id, all);
      }
      const s = this.running.get(id)!;
      return [id, s.last, s.fps.length, s.digest.digest('hex'), s.fps];
    });
    return { headPosition: this.head, streams: detail.length, events: this.events, root: detailRoot(detail), detail };
  }
}

/** Reads one page of the log after a position (the event store's readAll, injected: this library does no I/O). */
export type ReadLogPage = (fromPosition: number | undefined, maxCount: number) => Promise<readonly LoggedEvent[]>;

/**
 * Feeds every event up to `upTo` (all when omitted) to `onEvent` in position order, page by
 * page. Small pages keep each page's events short-lived (young-generation) garbage: 2,000 read
 * SQLite about a quarter faster than 5,000 (B6), and a round trip per 2,000 events is nothing.
 */
export async function scanLog<E extends { readonly position: number }>(
  readPage: (fromPosition: number | undefined, maxCount: number) => Promise<readonly E[]>,
  onEvent: (e: E) => void,
  options: { upTo?: number; pageSize?: number } = {},
): Promise<number> {
  const pageSize = options.pageSize ?? 2000;
  let from: number | undefined;
  let last = 0;
  for (;;) {
    const page = await readPage(from, pageSize);
    for (const e of page) {
      if (options.upTo !== undefined && e.position > options.upTo) return last;
      onEvent(e);
      last = e.position;
    }
    // Only an empty page ends the scan: a backend may return a short page before the head.
    if (page.length === 0) return last;
    from = page[page.length - 1].position;
  }
}

/**
 * The commitment to the log as it is now: one scan, plus a second one over the streams that
 * arrived out of revision order (up to the first scan's head, so later appends do not count).
 */
export async function commitScannedLog(readPage: ReadLogPage): Promise<LogCommitment> {
  return commitScan(
    readPage,
    (c, e) => c.add(e),
    (e) => e,
  );
}

/** commitScannedLog reading the log as stored (the event store's readAllText): stored text hashed as it is when canonical. */
export async function commitStoredLog(readStoredPage: (fromPosition: number | undefined, maxCount: number) => Promise<readonly StoredLoggedEvent[]>): Promise<LogCommitment> {
  return commitScan(readStoredPage, (c, e) => c.addStored(e), parseStored);
}

async function commitScan<E extends { readonly streamId: string; readonly position: number }>(
  readPage: (fromPosition: number | undefined, maxCount: number) => Promise<readonly E[]>,
  add: (c: LogCommitter, e: E) => void,
  parse: (e: E) => LoggedEvent,
): Promise<LogCommitment> {
  const committer = new LogCommitter();
  await scanLog(readPage, (e) => add(committer, e));
  const redo = committer.needsWholeStream;
  const whole = new Map<string, LoggedEvent[]>();
  if (redo.size > 0) {
    await scanLog(
      readPage,
      (e) => {
        if (!redo.has(e.streamId)) return;
        const list = whole.get(e.streamId);
        if (list) list.push(parse(e));
        else whole.set(e.streamId, [parse(e)]);
      },
      { upTo: committer.headPosition },
    );
  }
  return committer.finish(whole);
}

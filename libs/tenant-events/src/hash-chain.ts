/**
 * Per-stream hash chain: each event's hash covers its type, data and metadata including the
 * previous event's hash. Editing, removing or inserting a stored event breaks the chain at a
 * place `verifyChain` can name.
 */
import { hash as oneShotHash } from 'node:crypto';
import { canonicalJson, canonicalJsonWithout, canonicalOrder } from './canonical-json.js';
import { isCanonicalJsonText, splitChainMetadata } from './canonical-text.js';
import { GENESIS_HASH, type EventMetadata, type UnchainedMetadata } from './metadata.js';

export interface HashableEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** SHA-256 (hex) of a UTF-8 string, one call, no Hash object. */
export const sha256Hex = (text: string): string => oneShotHash('sha256', text, 'hex');

/**
 * SHA-256 of canonical JSON of `{ type, data, metadata-without-hash }`. The text is assembled
 * here in canonical key order (data < metadata < type; undefined members dropped) instead of
 * building that object and a copy of the metadata for every event: same bytes, same hash.
 */
export function computeHash(type: string, data: unknown, metadata: Omit<EventMetadata, 'hash'>): string {
  let text = '{';
  if (data !== undefined) text += `"data":${canonicalJson(data)},`;
  text += `"metadata":${canonicalJsonWithout(metadata, 'hash')}`;
  if (type !== undefined) text += `,"type":${canonicalJson(type)}`;
  return sha256Hex(`${text}}`);
}

/**
 * Seals drafts into the chain that ends in `prevHash` (GENESIS_HASH for a new stream). Data and
 * metadata come back with their keys in canonical order (canonicalOrder: equal values, same
 * hash), so the JSON text a store writes for them is, as a rule, the canonical text that was
 * hashed and an auditor can hash the stored bytes (extendChainStored) without parsing them.
 */
export function chainEvents<T extends string, D>(prevHash: string, drafts: ReadonlyArray<{ type: T; data: D; metadata: UnchainedMetadata }>): Array<{ type: T; data: D; metadata: EventMetadata }> {
  let prev = prevHash;
  return drafts.map((d) => {
    const base = { ...d.metadata, prevHash: prev };
    const hash = computeHash(d.type, d.data, base);
    prev = hash;
    return { type: d.type, data: canonicalOrder(d.data), metadata: canonicalOrder({ ...base, hash }) };
  });
}

export type ChainProblemKind = 'edited' | 'removed' | 'inserted' | 'reordered' | 'missing-metadata';

export interface ChainProblem {
  readonly kind: ChainProblemKind;
  /** Stream revision of the event where the problem shows. */
  readonly revision: number;
  readonly message: string;
}

export interface StoredChainEvent extends HashableEvent {
  readonly revision: number;
}

/**
 * Recomputes every hash and link. Classification: an event whose own hash does not match its
 * content was edited (its link is then not trusted either, so nothing more is said about it);
 * a hash that already appeared earlier is a duplicate, i.e. inserted; a link that points at an
 * event further back means the ones between were inserted, unless those are still part of the
 * chain (linked to, or linking forward), in which case the stream was reordered; a link to a
 * later event means reordering; a link to a hash nowhere in the stream means the previous event
 * was edited and re-hashed, or, when the revisions have a gap (the store numbers revisions
 * densely), that events were removed.
 */
export function verifyChain(events: ReadonlyArray<StoredChainEvent>): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const stored = events.map((e) => (e.metadata && typeof e.metadata.hash === 'string' ? e.metadata.hash : undefined));
  const links = events.map((e) => (e.metadata && typeof e.metadata.prevHash === 'string' ? e.metadata.prevHash : undefined));
  const positions = new Map<string, number[]>();
  stored.forEach((h, i) => h !== undefined && (positions.get(h)?.push(i) ?? positions.set(h, [i])));
  const linkedTo = new Set(links.filter((h): h is string => h !== undefined));
  /** Index an event at `i` links to: the nearest earlier event with that hash, else a later one. */
  const target = (hash: string | undefined, i: number): number | undefined => {
    const at = hash === undefined ? undefined : positions.get(hash);
    if (!at) return undefined;
    const before = at.filter((j) => j < i);
    return before.length > 0 ? before[before.length - 1] : at.find((j) => j > i);
  };
  /** Still part of the original chain: something links to it, or it links forward. */
  const inChain = (j: number): boolean => (stored[j] !== undefined && linkedTo.has(stored[j])) || (target(links[j], j) ?? -1) > j;
  const reported = new Set<number>();
  const report = (i: number, kind: ChainProblemKind, revision: number, message: string): void => {
    reported.add(i);
    problems.push({ kind, revision, message });
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const md = e.metadata;
    if (!md || typeof md.hash !== 'string' || typeof md.prevHash !== 'string') {
      report(i, 'missing-metadata', e.revision, `revision ${e.revision} (${e.type}) has no hash-chain metadata`);
      continue;
    }
    const first = positions.get(md.hash)![0];
    if (first < i) {
      report(i, 'inserted', e.revision, `revision ${e.revision} (${e.type}) was inserted: it duplicates revision ${events[first].revision}`);
      continue;
    }
    if (computeHash(e.type, e.data, md) !== md.hash) {
      report(i, 'edited', e.revision, `revision ${e.revision} (${e.type}) was edited: its content no longer matches its hash`);
      continue;
    }
    const expectedPrev = i === 0 ? (e.revision === 0 ? GENESIS_HASH : undefined) : stored[i - 1];
    const gap = i === 0 ? e.revision !== 0 : e.revision !== events[i - 1].revision + 1;
    if (md.prevHash === expectedPrev && !gap) continue;
    const linked = target(md.prevHash, i);
    if (linked !== undefined && linked > i) {
      report(i, 'reordered', e.revision, `revision ${e.revision} (${e.type}) links to a later event: the stream was reordered`);
    } else if (linked !== undefined && linked < i - 1) {
      const from = events[linked + 1].revision;
      const to = events[i - 1].revision;
      const span = from === to ? ` ${from}` : `s ${from}-${to}`;
      if (inChain(i - 1)) {
        report(i, 'reordered', e.revision, `revision ${e.revision} (${e.type}) links back past revision${span}: the stream was reordered`);
      } else {
        report(i, 'inserted', from, `revision${span} ${from === to ? 'was' : 'were'} inserted: revision ${e.revision} (${e.type}) links past ${from === to ? 'it' : 'them'}`);
      }
    } else if (md.prevHash === GENESIS_HASH && i > 0 && inChain(i - 1)) {
      report(i, 'reordered', e.revision, `revision ${e.revision} (${e.type}) is the first event of the stream but was moved: the stream was reordered`);
    } else if (md.prevHash === GENESIS_HASH && i > 0) {
      report(i, 'inserted', e.revision, `revision ${e.revision} (${e.type}) claims to be the first event of the stream`);
    } else if (!gap && i > 0) {
      // An event already reported (edited without re-hashing, metadata stripped) explains the broken link.
      if (reported.has(i - 1)) continue;
      const prev = events[i - 1];
      report(i - 1, 'edited', prev.revision, `revision ${prev.revision} (${prev.type}) was edited and re-hashed: revision ${e.revision} no longer links to it`);
    } else {
      report(i, 'removed', e.revision, `event(s) removed before revision ${e.revision} (${e.type}): the event it links to is missing`);
    }
  }
  return problems;
}

/**
 * A forward scan's view of one stream: the revision and hash of the last event it accepted.
 * `tenantctl verify --all` reads the log in commit order without holding it (holding 100,000
 * parsed events made garbage collection a third of the run); per stream it keeps only this.
 */
export interface ChainHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * The next head when `e` extends `head` exactly (the next dense revision, linked to the head's
 * hash, or revision 0 linked to genesis; its own hash matching its content), else undefined.
 * On a stream where every event extends the one before, verifyChain finds nothing (a repeated
 * hash would need a hash that links back to genesis); any other stream must go through
 * verifyChain to be classified and named, which this does not try to do.
 */
export function extendChain(head: ChainHead | undefined, e: StoredChainEvent): ChainHead | undefined {
  const md = e.metadata;
  if (!md || typeof md.hash !== 'string' || typeof md.prevHash !== 'string') return undefined;
  if (e.revision !== (head ? head.revision + 1 : 0) || md.prevHash !== (head ? head.hash : GENESIS_HASH)) return undefined;
  return computeHash(e.type, e.data, md) === md.hash ? { revision: e.revision, hash: md.hash } : undefined;
}

/** An event as the store holds it: data and metadata as JSON text. */
export interface StoredChainText {
  readonly type: string;
  readonly revision: number;
  readonly data: string;
  readonly metadata: string;
}

/**
 * extendChain for an event as stored, hashing its stored text when that text is canonical
 * (isCanonicalJsonText, splitChainMetadata): the same answer extendChain gives for the parsed
 * event, since the hashed bytes are the same. Null when the text is not recognised as canonical
 * (events written before chainEvents sorted keys, other writers): parse it and ask extendChain.
 */
export function extendChainStored(head: ChainHead | undefined, e: StoredChainText): ChainHead | undefined | null {
  const md = splitChainMetadata(e.metadata);
  if (!md) return null;
  // Same order of checks as extendChain: the link before the content.
  if (e.revision !== (head ? head.revision + 1 : 0) || md.prevHash !== (head ? head.hash : GENESIS_HASH)) return undefined;
  if (!isCanonicalJsonText(e.data)) return null;
  return sha256Hex(`{"data":${e.data},"metadata":${md.unhashed},"type":${canonicalJson(e.type)}}`) === md.hash ? { revision: e.revision, hash: md.hash } : undefined;
}

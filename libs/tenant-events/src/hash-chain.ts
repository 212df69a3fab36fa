/**
 * Per-stream hash chain: each event's hash covers its type, data and metadata including the
 * previous event's hash. Editing, removing or inserting a stored event breaks the chain at a
 * place `verifyChain` can name.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { GENESIS_HASH, type EventMetadata, type UnchainedMetadata } from './metadata.js';

export interface HashableEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export function computeHash(type: string, data: unknown, metadata: Omit<EventMetadata, 'hash'>): string {
  const { hash: _ignored, ...rest } = metadata as EventMetadata;
  return createHash('sha256').update(canonicalJson({ type, data, metadata: rest }), 'utf8').digest('hex');
}

/** Seals drafts into the chain that ends in `prevHash` (GENESIS_HASH for a new stream). */
export function chainEvents<T extends string, D>(
  prevHash: string,
  drafts: ReadonlyArray<{ type: T; data: D; metadata: UnchainedMetadata }>,
): Array<{ type: T; data: D; metadata: EventMetadata }> {
  let prev = prevHash;
  return drafts.map((d) => {
    const base = { ...d.metadata, prevHash: prev };
    const hash = computeHash(d.type, d.data, base);
    prev = hash;
    return { type: d.type, data: d.data, metadata: { ...base, hash } };
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
 * content was edited; a link that points at an event further back means the ones between were
 * inserted; a link to a hash nowhere in the stream means events were removed before it; a
 * revision gap (the store numbers revisions densely) also means removal.
 */
export function verifyChain(events: ReadonlyArray<StoredChainEvent>): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const stored = events.map((e) => (e.metadata && typeof e.metadata.hash === 'string' ? e.metadata.hash : undefined));
  const indexOfHash = new Map<string, number>();
  stored.forEach((h, i) => h && !indexOfHash.has(h) && indexOfHash.set(h, i));

  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const md = e.metadata;
    if (!md || typeof md.hash !== 'string' || typeof md.prevHash !== 'string') {
      problems.push({ kind: 'missing-metadata', revision: e.revision, message: `revision ${e.revision} (${e.type}) has no hash-chain metadata` });
      continue;
    }
    if (computeHash(e.type, e.data, md) !== md.hash) {
      problems.push({ kind: 'edited', revision: e.revision, message: `revision ${e.revision} (${e.type}) was edited: its content no longer matches its hash` });
    }
    const expectedPrev = i === 0 ? (e.revision === 0 ? GENESIS_HASH : undefined) : stored[i - 1];
    const gap = i === 0 ? e.revision !== 0 : e.revision !== events[i - 1].revision + 1;
    if (md.prevHash === expectedPrev && !gap) continue;
    const linked = indexOfHash.get(md.prevHash);
    if (linked !== undefined && linked < i - 1) {
      const from = events[linked + 1].revision;
      const to = events[i - 1].revision;
      problems.push({ kind: 'inserted', revision: from, message: `revision${from === to ? ` ${from} was` : `s ${from}-${to} were`} inserted: revision ${e.revision} (${e.type}) links past ${from === to ? 'it' : 'them'}` });
    } else if (linked !== undefined && linked >= i) {
      problems.push({ kind: 'reordered', revision: e.revision, message: `revision ${e.revision} (${e.type}) links to a later event: the stream was reordered` });
    } else if (md.prevHash === GENESIS_HASH && i > 0) {
      problems.push({ kind: 'inserted', revision: e.revision, message: `revision ${e.revision} (${e.type}) claims to be the first event of the stream` });
    } else if (!gap && i > 0) {
      const prev = events[i - 1];
      problems.push({ kind: 'edited', revision: prev.revision, message: `revision ${prev.revision} (${prev.type}) was edited and re-hashed: revision ${e.revision} no longer links to it` });
    } else {
      problems.push({ kind: 'removed', revision: e.revision, message: `event(s) removed before revision ${e.revision} (${e.type}): the event it links to is missing` });
    }
  }
  return problems;
}

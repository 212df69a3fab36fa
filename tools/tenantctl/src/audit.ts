/**
 * Signed checkpoints (DESIGN.md "Audit"; RFC 6962 signed tree heads): what a checkpoint commits
 * to and how it is signed live in @tlc/tenant-events (log-commitment.ts, signed-checkpoint.ts),
 * shared with the provisioning service's checkpoint timer. Here: the audit keys, verifying the
 * current log against checkpoints (naming the stream and revision that changed), per-tenant
 * inclusion proofs and checking them.
 */
import { createPrivateKey, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EventStore, RecordedEvent } from '@tlc/event-store';
import {
  byRevision,
  canonicalJson,
  CHECKPOINT_FORMAT,
  commitLog,
  commitScannedLog,
  commitStoredLog,
  contentHash,
  detailDigest,
  detailRoot,
  entryOf,
  eventPart,
  eventsDigest,
  FINGERPRINT_CHARS as FP,
  keyId,
  LogCommitter,
  merkleInclusionProof,
  streamLeaf,
  verifyMerkleInclusion,
  type CheckpointBody,
  type LogCommitment,
  type PartOf,
  type SignedCheckpoint,
  type StreamDetail,
  type StreamEntry,
} from '@tlc/tenant-events';
import { problem, usage } from './exit-codes.js';
import { redactEvents, type RedactedField, type RedactionOptions } from './redact.js';
import { LogVerifier, readWholeLog, scanInto, type VerifyReport } from './verify.js';

export { CHECKPOINT_FORMAT, commitLog, keyId, makeCheckpoint, signBody, streamDetail, streamLeaf } from '@tlc/tenant-events';
export type { CheckpointBody, LogCommitment, SignedCheckpoint, StreamDetail, StreamEntry } from '@tlc/tenant-events';
export const PROOF_FORMAT = 'tlc-tenant-proof/1';

/** Per-event hashing, cached so that verifying many checkpoints hashes each event once. */
function cachedParts(): PartOf {
  const cache = new WeakMap<object, string>();
  return (e) => {
    let p = cache.get(e);
    if (p === undefined) cache.set(e, (p = eventPart(e)));
    return p;
  };
}

/** The commitment to the store's log as it is now (what `audit checkpoint` signs); hashes the stored text when the store offers it. */
export function commitEventStore(es: EventStore): Promise<LogCommitment> {
  return es.readAllText
    ? commitStoredLog((fromPosition, maxCount) => es.readAllText!({ fromPosition, maxCount }))
    : commitScannedLog((fromPosition, maxCount) => es.readAll({ fromPosition, maxCount }));
}

// ---- keys ----

export interface AuditKeys {
  readonly privateKey?: KeyObject;
  readonly publicKey?: KeyObject;
}

function readKeyFile(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw usage(`${variable}=${path} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** AUDIT_SIGNING_KEY_FILE (PKCS#8 PEM, Ed25519) and AUDIT_PUBLIC_KEY_FILE (SPKI PEM); the public key is derived from the private one when only that is set. */
export function loadAuditKeys(env: NodeJS.ProcessEnv = process.env): AuditKeys {
  const privPath = env.AUDIT_SIGNING_KEY_FILE?.trim();
  const pubPath = env.AUDIT_PUBLIC_KEY_FILE?.trim();
  let privateKey: KeyObject | undefined;
  let publicKey: KeyObject | undefined;
  if (privPath) {
    try {
      privateKey = createPrivateKey(readKeyFile('AUDIT_SIGNING_KEY_FILE', privPath));
    } catch (err) {
      if (err instanceof Error && err.name === 'CliError') throw err;
      throw usage(`AUDIT_SIGNING_KEY_FILE=${privPath} is not a PKCS#8 PEM private key: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw usage(`AUDIT_SIGNING_KEY_FILE=${privPath} is a ${privateKey.asymmetricKeyType} key; checkpoints need Ed25519`);
  }
  if (pubPath) {
    try {
      publicKey = createPublicKey(readKeyFile('AUDIT_PUBLIC_KEY_FILE', pubPath));
    } catch (err) {
      if (err instanceof Error && err.name === 'CliError') throw err;
      throw usage(`AUDIT_PUBLIC_KEY_FILE=${pubPath} is not a PEM public key: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (publicKey.asymmetricKeyType !== 'ed25519') throw usage(`AUDIT_PUBLIC_KEY_FILE=${pubPath} is a ${publicKey.asymmetricKeyType} key; checkpoints need Ed25519`);
  } else if (privateKey) {
    publicKey = createPublicKey(privateKey);
  }
  return { privateKey, publicKey };
}

// ---- checkpoints ----

/** Why a checkpoint cannot be trusted, or undefined when its signature and detail hold. */
export function checkpointRefusal(cp: SignedCheckpoint, publicKey: KeyObject, withDetail = true): string | undefined {
  if (!cp || typeof cp !== 'object' || !cp.body || cp.body.format !== CHECKPOINT_FORMAT || typeof cp.signature !== 'string') return `not a ${CHECKPOINT_FORMAT} checkpoint`;
  const expected = keyId(publicKey);
  if (cp.body.keyId !== expected) return `signed with another key (key id ${String(cp.body.keyId)}, this public key is ${expected})`;
  let good = false;
  try {
    good = verifySignature(null, Buffer.from(canonicalJson(cp.body), 'utf8'), publicKey, Buffer.from(cp.signature, 'base64'));
  } catch {
    good = false;
  }
  if (!good) return 'its signature does not verify: forged or altered, or signed with another key';
  if (withDetail) {
    if (!Array.isArray(cp.detail) || detailDigest(cp.detail) !== cp.body.detailDigest) return 'its per-stream detail does not match the signed digest';
    if (detailRoot(cp.detail) !== cp.body.root) return 'its per-stream detail does not add up to the signed root';
  }
  return undefined;
}

export function readCheckpointFile(file: string): SignedCheckpoint[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw usage(`cannot read checkpoint file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as SignedCheckpoint;
      } catch {
        return { body: undefined, signature: '', detail: [], unparsable: i + 1 } as unknown as SignedCheckpoint;
      }
    });
}

export interface CheckpointProblem {
  readonly checkpoint: number; // 1-based line in the file
  readonly stream: string | null;
  readonly revision: number | null;
  readonly kind: 'checkpoint-refused' | 'stream-deleted' | 'stream-inserted' | 'truncated' | 'changed' | 'reordered' | 'timestamp-or-place-changed' | 'inserted' | 'removed';
  readonly message: string;
}

/** Compares one stream as the checkpoint saw it with the same stream now (events <= head). */
function diffStream(n: number, was: StreamDetail, now: StreamDetail | undefined): CheckpointProblem[] {
  const [stream, lastRevision, count] = was;
  if (!now)
    return [
      {
        checkpoint: n,
        stream,
        revision: was[4][0]?.[0] ?? 0,
        kind: 'stream-deleted',
        message: `${stream} (${count} event(s), revisions ${was[4][0]?.[0] ?? 0}-${lastRevision}) is gone: the stream was deleted`,
      },
    ];
  if (now[3] === was[3] && now[1] === was[1] && now[2] === was[2]) return [];
  const a = was[4];
  const b = now[4];
  const out: CheckpointProblem[] = [];
  const nowByRev = new Map(b.map(([r, fp]) => [r, fp]));
  const wasByRev = new Map(a.map(([r, fp]) => [r, fp]));
  const wasByContent = new Map(a.map(([r, fp]) => [fp.slice(0, FP), r]));
  const missing = a.filter(([r]) => !nowByRev.has(r)).map(([r]) => r);
  if (missing.length > 0) {
    const tail = missing[0] > (b.length ? b[b.length - 1][0] : -1);
    const span = missing.length === 1 ? `revision ${missing[0]}` : `revisions ${missing[0]}-${missing[missing.length - 1]}`;
    out.push({
      checkpoint: n,
      stream,
      revision: missing[0],
      kind: tail ? 'truncated' : 'removed',
      message: tail ? `${stream} was truncated: ${span} (signed at checkpoint ${n}) are gone` : `${stream}: ${span} (signed at checkpoint ${n}) are gone`,
    });
  }
  for (const [r, fp] of b) {
    const old = wasByRev.get(r);
    if (old === undefined) {
      out.push({ checkpoint: n, stream, revision: r, kind: 'inserted', message: `${stream} revision ${r} was not in the log at checkpoint ${n} but sits before its head: inserted` });
    } else if (old !== fp) {
      const contentSame = old.slice(0, FP) === fp.slice(0, FP);
      const movedFrom = wasByContent.get(fp.slice(0, FP));
      out.push(
        !contentSame && movedFrom !== undefined
          ? { checkpoint: n, stream, revision: r, kind: 'reordered', message: `${stream} revision ${r} holds the event signed as revision ${movedFrom} at checkpoint ${n}: reordered` }
          : contentSame
            ? { checkpoint: n, stream, revision: r, kind: 'timestamp-or-place-changed', message: `${stream} revision ${r}: recorded_at or position differs from checkpoint ${n}` }
            : { checkpoint: n, stream, revision: r, kind: 'changed', message: `${stream} revision ${r}: content differs from checkpoint ${n} (edited, re-hashed, reordered or swapped)` },
      );
    }
  }
  if (out.length === 0) out.push({ checkpoint: n, stream, revision: lastRevision, kind: 'changed', message: `${stream} differs from checkpoint ${n} (its events root does not match)` });
  return out;
}

export interface CheckpointReport {
  readonly checkpoints: number;
  readonly verified: number;
  readonly problems: CheckpointProblem[];
}

/** Proves the current log extends each checkpoint: same events, same content and place, at or before its head. */
export function verifyCheckpoints(streams: ReadonlyMap<string, readonly RecordedEvent[]>, cps: readonly SignedCheckpoint[], publicKey: KeyObject): CheckpointReport {
  const problems: CheckpointProblem[] = [];
  let verified = 0;
  const partOf = cachedParts();
  cps.forEach((cp, i) => {
    const n = i + 1;
    const refusal = checkpointRefusal(cp, publicKey);
    if (refusal) {
      problems.push({ checkpoint: n, stream: null, revision: null, kind: 'checkpoint-refused', message: `checkpoint ${n} refused: ${refusal}` });
      return;
    }
    const now = commitLog(streams, cp.body.headPosition, partOf);
    if (now.root === cp.body.root) {
      verified++;
      return;
    }
    const nowById = new Map(now.detail.map((d) => [d[0], d]));
    const wasIds = new Set(cp.detail.map((d) => d[0]));
    for (const was of cp.detail) problems.push(...diffStream(n, was, nowById.get(was[0])));
    for (const d of now.detail) {
      if (!wasIds.has(d[0]))
        problems.push({
          checkpoint: n,
          stream: d[0],
          revision: d[4][0]?.[0] ?? 0,
          kind: 'stream-inserted',
          message: `${d[0]} was not in the log at checkpoint ${n} but has events before its head: inserted`,
        });
    }
  });
  return { checkpoints: cps.length, verified, problems };
}

/**
 * `verify --all --checkpoints`: the chain check and every checkpoint in one scan of the log,
 * without holding it. One LogCommitter runs along the scan; passing a checkpoint's head, its
 * root is taken (rootNow). When every checkpoint's root matches (an untouched log), that is the
 * whole answer; otherwise the log is read whole and verifyCheckpoints names what changed, as
 * it always did (a tampered log is the rare case, and naming needs every stream's events).
 */
export async function verifyLogAndCheckpoints(
  es: EventStore,
  cps: readonly SignedCheckpoint[],
  publicKey: KeyObject,
  options: { crossCheck?: boolean } = {},
): Promise<{ chain: VerifyReport; checkpoints: CheckpointReport }> {
  const refused: CheckpointProblem[] = [];
  const heads: Array<{ head: number; cp: SignedCheckpoint; root?: string }> = [];
  cps.forEach((cp, i) => {
    const refusal = checkpointRefusal(cp, publicKey);
    if (refusal) refused.push({ checkpoint: i + 1, stream: null, revision: null, kind: 'checkpoint-refused', message: `checkpoint ${i + 1} refused: ${refusal}` });
    else heads.push({ head: cp.body.headPosition, cp });
  });
  heads.sort((a, b) => a.head - b.head);
  const committer = new LogCommitter();
  let next = 0;
  const passHeads = (position: number): void => {
    for (; next < heads.length && position > heads[next].head; next++) heads[next].root = committer.rootNow();
  };
  const v = new LogVerifier();
  // Past the last checkpoint's head the commitment is done; the chain check goes on.
  const whole = await scanInto(es, v, {
    stored: (e) => {
      passHeads(e.position);
      if (next < heads.length) committer.addStored(e);
    },
    parsed: (e) => {
      passHeads(e.position);
      if (next < heads.length) committer.add(e);
    },
  });
  passHeads(Number.POSITIVE_INFINITY);
  const chain = v.finish(whole, options);
  if (heads.every((h) => h.root === h.cp.body.root)) return { chain, checkpoints: { checkpoints: cps.length, verified: heads.length, problems: refused } };
  return { chain, checkpoints: verifyCheckpoints(await readWholeLog(es), cps, publicKey) };
}

/** Picks a checkpoint by its 1-based line number, its head position ("@123") or "latest". */
export function pickCheckpoint(cps: readonly SignedCheckpoint[], at: string): { index: number; cp: SignedCheckpoint } {
  if (cps.length === 0) throw problem('the checkpoint file holds no checkpoint');
  if (at === 'latest') return { index: cps.length, cp: cps[cps.length - 1] };
  const m = /^(@)?(\d+)$/.exec(at);
  if (!m) throw usage(`--at takes a checkpoint number (line in the file), @<head position> or "latest", got "${at}"`);
  const v = Number(m[2]);
  if (m[1]) {
    const i = cps.map((c) => c.body?.headPosition).lastIndexOf(v);
    if (i < 0) throw problem(`no checkpoint at head position ${v}`);
    return { index: i + 1, cp: cps[i] };
  }
  if (v < 1 || v > cps.length) throw problem(`checkpoint ${v} does not exist (the file holds ${cps.length})`);
  return { index: v, cp: cps[v - 1] };
}

// ---- per-tenant proofs ----

export interface TenantProof {
  readonly format: typeof PROOF_FORMAT;
  readonly stream: string;
  readonly checkpoint: { readonly body: CheckpointBody; readonly signature: string; readonly publicKeyPem: string };
  readonly streamEntry: StreamEntry;
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly inclusionProof: string[];
  /** As stored, except redacted fields; a redacted event carries `contentHash`, computed on the stored form. */
  readonly events: Array<RecordedEvent & { contentHash?: string }>;
  readonly redaction: { readonly placeholder: string; readonly fields: RedactedField[] };
  readonly howToCheck: string;
}

/**
 * Everything an auditor needs to check one stream against a signed checkpoint: the signed body,
 * the public key, the stream's events as of the checkpoint, and the Merkle audit path of its entry.
 */
export function buildProof(
  streams: ReadonlyMap<string, readonly RecordedEvent[]>,
  stream: string,
  cp: SignedCheckpoint,
  publicKey: KeyObject,
  redaction: RedactionOptions = { includeSecrets: false, includePersonalData: false },
): TenantProof {
  const refusal = checkpointRefusal(cp, publicKey);
  if (refusal) throw problem(`checkpoint refused: ${refusal}`);
  const now = commitLog(streams, cp.body.headPosition);
  if (now.root !== cp.body.root) {
    const n = verifyCheckpoints(streams, [cp], publicKey).problems.filter((p) => p.stream === stream);
    throw problem(
      `the log no longer matches this checkpoint${n.length ? `; ${n.map((p) => p.message).join('; ')}` : ` (the tenant's stream is intact, others are not: run verify --all --checkpoints)`}`,
    );
  }
  const index = now.detail.findIndex((d) => d[0] === stream);
  if (index < 0) throw problem(`${stream} has no events at or before the checkpoint's head position ${cp.body.headPosition}`);
  const leaves = now.detail.map((d) => streamLeaf(entryOf(d)));
  const stored = [...(streams.get(stream) ?? [])].filter((e) => e.position <= cp.body.headPosition).sort(byRevision);
  const out = redactEvents(stored, redaction);
  const touched = new Set(out.fields.map((f) => f.revision));
  const events = out.events.map((e, i) => (touched.has(e.revision) ? { ...e, contentHash: contentHash(stored[i]) } : e));
  return {
    format: PROOF_FORMAT,
    stream,
    checkpoint: { body: cp.body, signature: cp.signature, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    streamEntry: entryOf(now.detail[index]),
    leafIndex: index,
    treeSize: leaves.length,
    inclusionProof: merkleInclusionProof(leaves, index),
    events,
    redaction: { placeholder: '[redacted]', fields: out.fields },
    howToCheck:
      "Check the Ed25519 signature over canonical JSON of checkpoint.body with a public key you hold (compare its key id); recompute, in revision order, each event's " +
      'placeHash = SHA-256 of canonical JSON of {streamId, revision, position, recordedAt} and contentHash = SHA-256 of canonical JSON of {eventId, type, data, metadata} ' +
      "(a redacted event's contentHash cannot be recomputed: it is given as `contentHash`), eventsDigest = SHA-256 of placeHash || contentHash of every event (hex text), " +
      'the stream leaf H(0x00 || canonical JSON of [stream, lastRevision, eventCount, eventsDigest]) and, with inclusionProof (RFC 9162 2.1.3.2), the signed root. `tenantctl audit check-proof` does this.',
  };
}

export interface ProofCheck {
  readonly ok: boolean;
  readonly stream: string;
  readonly events: number;
  readonly headPosition: number;
  readonly keyId: string;
  /** Events taken on their stated contentHash because fields were redacted: committed, but not re-derived from content here. */
  readonly redactedEvents: number;
  readonly problems: string[];
}

/** Checks a proof file on its own; `trustedKey` (the auditor's copy of the public key) overrides the one inside the file. */
export function checkProof(proof: TenantProof, trustedKey?: KeyObject): ProofCheck {
  const problems: string[] = [];
  if (!proof || proof.format !== PROOF_FORMAT) return { ok: false, stream: String(proof?.stream), events: 0, headPosition: 0, keyId: '', redactedEvents: 0, problems: [`not a ${PROOF_FORMAT} file`] };
  let key: KeyObject;
  try {
    key = trustedKey ?? createPublicKey(proof.checkpoint.publicKeyPem);
  } catch {
    return { ok: false, stream: proof.stream, events: 0, headPosition: 0, keyId: '', redactedEvents: 0, problems: ['the public key in the proof cannot be read'] };
  }
  const refusal = checkpointRefusal({ ...proof.checkpoint, detail: [] }, key, false);
  if (refusal) problems.push(`checkpoint refused: ${refusal}`);
  const events = [...proof.events].sort(byRevision);
  events.forEach((e, i) => {
    if (e.streamId !== proof.stream) problems.push(`revision ${e.revision} belongs to ${e.streamId}, not ${proof.stream}`);
    if (e.position > proof.checkpoint.body.headPosition) problems.push(`revision ${e.revision} is after the checkpoint's head`);
    if (i > 0 && e.revision <= events[i - 1].revision) problems.push(`revision ${e.revision} appears twice`);
  });
  const redactedRevisions = new Set((proof.redaction?.fields ?? []).map((f) => f.revision));
  let redactedEvents = 0;
  const partOf = (e: RecordedEvent & { contentHash?: string }): string => {
    if (typeof e.contentHash === 'string' && redactedRevisions.has(e.revision)) {
      redactedEvents++;
      return eventPart(e, e.contentHash);
    }
    return eventPart(e);
  };
  const entry: StreamEntry = [proof.stream, events.length ? events[events.length - 1].revision : -1, events.length, eventsDigest(events.map(partOf))];
  if (canonicalJson(entry) !== canonicalJson(proof.streamEntry)) {
    const [, lr, cnt, er] = proof.streamEntry;
    if (cnt !== events.length || lr !== entry[1])
      problems.push(`the proof's events (${events.length}, last revision ${entry[1]}) are not the ${cnt} signed (last revision ${lr}): events were removed or added`);
    else if (er !== entry[3]) problems.push('the events do not hash to the signed stream entry: an event was edited, re-hashed, reordered or re-timed');
    else problems.push('the stream entry does not match');
  }
  if (!verifyMerkleInclusion(streamLeaf(entry), proof.leafIndex, proof.treeSize, proof.inclusionProof, proof.checkpoint.body.root)) {
    problems.push('the stream is not included in the signed root (Merkle inclusion proof fails)');
  }
  return { ok: problems.length === 0, stream: proof.stream, events: events.length, headPosition: proof.checkpoint.body.headPosition, keyId: keyId(key), redactedEvents, problems };
}
